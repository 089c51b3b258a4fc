package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_AgreeRemedialActions: records the network manager's decision. */
@Component
class RecordRemedialDecisionListener implements TaskListener {

    private final CompletingOfficer officer;
    private final SubmissionRules rules;
    private final Returns returns;

    RecordRemedialDecisionListener(CompletingOfficer officer, SubmissionRules rules, Returns returns) {
        this.officer = officer;
        this.rules = rules;
        this.returns = returns;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = officer.of(task);
        returns.recordRemedialDecision(CompletingOfficer.returnId(task), rules.remedialDecision(task.getVariables()),
                by);
    }
}
