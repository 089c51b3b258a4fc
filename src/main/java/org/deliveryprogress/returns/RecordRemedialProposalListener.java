package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_ProposeRemedialActions: checks every proposed action and keeps them with the return. */
@Component
class RecordRemedialProposalListener implements TaskListener {

    private final CompletingOfficer officer;
    private final SubmissionRules rules;
    private final Returns returns;

    RecordRemedialProposalListener(CompletingOfficer officer, SubmissionRules rules, Returns returns) {
        this.officer = officer;
        this.rules = rules;
        this.returns = returns;
    }

    @Override
    public void notify(DelegateTask task) {
        officer.of(task);
        returns.recordRemedialProposal(CompletingOfficer.returnId(task), rules.remedialActions(task.getVariables()));
    }
}
