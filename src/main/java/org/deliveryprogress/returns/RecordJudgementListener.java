package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.deliveryprogress.returns.SubmissionRules.Judgement;
import org.springframework.stereotype.Component;

/** On completing Task_JudgeStatus: checks the judgement, records it, and leaves the outcome for the gateway. */
@Component
class RecordJudgementListener implements TaskListener {

    private final CompletingOfficer officer;
    private final SubmissionRules rules;
    private final Returns returns;

    RecordJudgementListener(CompletingOfficer officer, SubmissionRules rules, Returns returns) {
        this.officer = officer;
        this.rules = rules;
        this.returns = returns;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = officer.of(task);
        Judgement judgement = rules.judgement(task.getVariables());
        returns.recordJudgement(CompletingOfficer.returnId(task), judgement, by);
        task.setVariable(ReturnVariables.JUDGEMENT_OUTCOME,
                judgement.sentBack() ? ReturnVariables.OUTCOME_SENT_BACK : ReturnVariables.OUTCOME_JUDGED);
    }
}
