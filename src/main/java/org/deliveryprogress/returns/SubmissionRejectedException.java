package org.deliveryprogress.returns;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion that breaks the rules; the task stays open and nothing is recorded. A form validation failure
 * for the engine, so Camunda's REST API answers it with a 400 and its message.
 */
class SubmissionRejectedException extends FormFieldValidationException {

    private final List<String> problems;

    SubmissionRejectedException(List<String> problems) {
        super(null, String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> getProblems() {
        return problems;
    }
}
