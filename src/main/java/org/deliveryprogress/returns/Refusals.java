package org.deliveryprogress.returns;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;

/** A return's refusal among a failure's causes: a rule broken, or a task that is not the officer's to complete. */
final class Refusals {

    private Refusals() {
    }

    /** The refusal the failure is, or wraps (the engine wraps what a task listener throws). */
    static Optional<ProcessEngineException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SubmissionRejectedException || cause instanceof NotYourTaskException) {
                return Optional.of((ProcessEngineException) cause);
            }
        }
        return Optional.empty();
    }
}
