package org.deliveryprogress.returns;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

/** A task completion that breaks the rules; the task stays open and nothing is recorded. */
public class SubmissionRejectedException extends ProcessEngineException {

    private final List<String> problems;

    SubmissionRejectedException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> getProblems() {
        return problems;
    }
}
