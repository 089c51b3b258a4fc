package org.deliveryprogress.returns;

import java.util.Optional;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.camunda.bpm.engine.ProcessEngineException;
import org.deliveryprogress.engine.EngineCodes;

/**
 * A return's refusal among a failure's causes: a rule broken, a task that is not the officer's to complete, or one
 * completed meanwhile by another request; and the engine's own refusal of a BPMN error or escalation thrown from a
 * return's task.
 */
final class Refusals {

    /**
     * The engine's log codes for a BPMN error and an escalation that nothing catches: planReturn catches none, and the
     * engine refuses them ({@code enableExceptionsAfterUnhandledBpmnError}) with a failure REST answers with a 500.
     */
    private static final String[] UNCAUGHT = {"ENGINE-13033", "ENGINE-02043"};

    private Refusals() {
    }

    /** Whether the failure is the engine's refusal of a BPMN error or escalation thrown from a task. */
    static boolean isUncaughtThrow(Throwable failure) {
        return EngineCodes.isOneOf(failure, UNCAUGHT);
    }

    /** The refusal the failure is, or wraps (the engine wraps what a task listener throws). */
    static Optional<ProcessEngineException> in(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream()
                .filter(cause -> cause instanceof SubmissionRejectedException || cause instanceof NotYourTaskException
                        || cause instanceof CompletedMeanwhileException)
                .map(ProcessEngineException.class::cast)
                .findFirst();
    }
}
