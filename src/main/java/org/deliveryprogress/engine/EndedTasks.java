package org.deliveryprogress.engine;

import org.camunda.bpm.engine.exception.NullValueException;

/**
 * The engine's refusal to work on a task that does not exist, such as one completed a moment before (the same form
 * sent twice) or ended with its cycle. Camunda gives it no code: it is the NullValueException of the engine's check
 * that it found the task, known by its words, which name the task ("Cannot find task with id X: task is null").
 */
final class EndedTasks {

    private static final String WORDS = "Cannot find task with id ";

    private EndedTasks() {
    }

    /** Whether the failure is, or was caused by, the engine not finding the task it was asked to work on. */
    static boolean isMissingTask(Throwable failure) {
        return EngineFailuresLeftOut.causedBy(failure, cause -> cause instanceof NullValueException
                && String.valueOf(cause.getMessage()).startsWith(WORDS));
    }
}
