package org.deliveryprogress.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The engine's refusal to work on a task that does not exist, such as one completed a moment before (the same form
 * sent twice) or ended with its cycle. Camunda gives it no code: it is the NullValueException of the engine's check
 * that it found the task, known by its words, which name the task ("Cannot find task with id X: task is null"); the
 * task's form variables, the BadUserRequestException of the same check ("Cannot find task with id 'X'.").
 */
final class EndedTasks {

    private static final String WORDS = "Cannot find task with id ";

    private static final Logger LOG = LoggerFactory.getLogger(EndedTasks.class);

    private EndedTasks() {
    }

    /** Whether the failure is, or was caused by, the engine not finding the task it was asked to work on. */
    static boolean isMissingTask(Throwable failure) {
        return EngineFailuresLeftOut.causedBy(failure, cause -> (cause instanceof NullValueException
                || cause instanceof BadUserRequestException) && String.valueOf(cause.getMessage()).startsWith(WORDS));
    }

    /** A 404 in Camunda's JSON, as {@code /task/{id}} answers a task it does not find, saying what to do. */
    static Response notFound(Throwable failure) {
        LOG.info("A request for a task that no longer exists (404): {}", failure.getMessage());
        return EngineRestAnswers.answer(Status.NOT_FOUND, new NotFoundException("This task no longer exists: it has "
                + "been completed, or its cycle has closed. Open your task list again to see what is left to do."));
    }
}
