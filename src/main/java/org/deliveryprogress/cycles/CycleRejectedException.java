package org.deliveryprogress.cycles;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A cycle cannot be opened as asked; the message says why, in words a network manager understands. A form's
 * validation failure to the engine, which Camunda's REST API answers with a 400 when the start form is submitted, as
 * Tasklist submits it (its plain start answers any refusal but an authorization's with a 500).
 */
class CycleRejectedException extends FormFieldValidationException {

    CycleRejectedException(String message) {
        super(null, message);
    }
}
