package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_SubmitUpdate: checks the update and keeps its texts in the return. */
@Component
class RecordUpdateListener implements TaskListener {

    private final CompletingOfficer officer;
    private final SubmissionRules rules;
    private final Returns returns;

    RecordUpdateListener(CompletingOfficer officer, SubmissionRules rules, Returns returns) {
        this.officer = officer;
        this.rules = rules;
        this.returns = returns;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = officer.of(task);
        returns.recordUpdate(CompletingOfficer.returnId(task), rules.update(task.getVariables()), by);
    }
}
