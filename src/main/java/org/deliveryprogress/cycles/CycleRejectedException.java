package org.deliveryprogress.cycles;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A cycle cannot be opened as asked; the message says why, in words a network manager understands. A form's
 * validation failure to the engine, which Camunda's REST API answers with a 400 when the start form is submitted, as
 * Tasklist submits it (its plain start answers any refusal but an authorization's with a 500).
 */
class CycleRejectedException extends FormFieldValidationException {

    private final boolean toAManager;

    CycleRejectedException(String message) {
        this(message, false);
    }

    private CycleRejectedException(String message, boolean toAManager) {
        super(null, message);
        this.toAManager = toAManager;
    }

    /**
     * The same refusal, of a manager's start: their mistake, which the application logs in one line. A refusal of
     * the schedule's start is a failure of its job, and stays in the engine's log.
     */
    CycleRejectedException toAManager() {
        return new CycleRejectedException(getMessage(), true);
    }

    boolean isToAManager() {
        return toAManager;
    }
}
