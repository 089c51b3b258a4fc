package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.deliveryprogress.returns.SubmissionRules.Judgement;
import org.deliveryprogress.returns.SubmissionRules.RemedialDecision;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * On completing any task of a return, whatever the route: the one place a submission is checked and recorded. In order:
 * the task is its officer's, and an update its data-entry officer's only where the network allows it
 * ({@link CompletingOfficer}); the task has not been completed meanwhile by another request, which the return's lock
 * makes this one wait for ({@link Returns#takeTurn}); the completion set only the task's fields
 * ({@link SubmissionBaseline}); the values follow {@link SubmissionRules}; then the return records them, the process
 * keeps the decisions it routes on, and every prose field is removed from the process. Anything refused leaves the task
 * open and the return as it was.
 */
@Component
class RecordSubmissionListener implements TaskListener {

    private final CompletingOfficer officer;
    private final SubmissionRules rules;
    private final Returns returns;

    RecordSubmissionListener(CompletingOfficer officer, SubmissionRules rules, Returns returns) {
        this.officer = officer;
        this.rules = rules;
        this.returns = returns;
    }

    @Override
    public void notify(DelegateTask task) {
        ReturnTask returnTask = ReturnTask.withKey(task.getTaskDefinitionKey()).orElseThrow();
        String by = officer.of(task);
        Long returnId = (Long) task.getVariable(RETURN_ID);
        returns.takeTurn(returnId, returnTask, task.getName());
        refuseUnreadable(task);
        rules.checkOnlyFieldsOf(returnTask, SubmissionBaseline.changedBy(task));
        Map<String, Object> values = submitted(task, returnTask);
        switch (returnTask) {
            case SUBMIT_UPDATE -> returns.recordUpdate(returnId,
                    rules.update(values, returns.expectedEvidence(returnId)), by);
            case JUDGE_STATUS -> {
                Judgement judgement = rules.judgement(values, returns.suggestion(returnId));
                returns.recordJudgement(returnId, judgement, by, task.getId());
                task.setVariable(JUDGEMENT_OUTCOME, judgement.sentBack() ? OUTCOME_SENT_BACK : OUTCOME_JUDGED);
                if (judgement.sentBack()) {
                    task.removeVariable(RAG_STATUS);
                } else {
                    task.setVariable(RAG_STATUS, judgement.status().name());
                }
            }
            case PROPOSE_REMEDIAL_ACTIONS -> returns.recordRemedialProposal(returnId, rules.remedialActions(values));
            case AGREE_REMEDIAL_ACTIONS -> {
                RemedialDecision decision = rules.remedialDecision(values);
                returns.recordRemedialDecision(returnId, decision, by, task.getId());
                task.setVariable(REMEDIAL_OUTCOME, decision.agreed() ? OUTCOME_AGREED : OUTCOME_SENT_BACK);
            }
        }
        returnTask.prose().forEach(task::removeVariable);
    }

    /**
     * A value sent as a type it cannot be read as, such as a Json value that is not JSON, is refused by name: the
     * engine would fail on reading it, a server error that says nothing of the field. So is a value sent as a Java
     * object of a class other than the JDK's plain values and collections, which the engine will not make
     * ({@code deserializationTypeValidationEnabled}): reading it would run the code of whatever class the sender named.
     */
    private static void refuseUnreadable(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(task.getVariableNames())) {
            try {
                task.getVariableTyped(name);
            } catch (ProcessEngineException unreadable) {
                // The parser's own words where it has some; the first line, without its position in the input.
                Throwable cause = NestedExceptionUtils.getMostSpecificCause(unreadable);
                String why = cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getMessage().lines().findFirst().orElse("");
                problems.add(name + ": cannot be read as the type it was sent as (" + why
                        + "); send it as the form does.");
            }
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems);
        }
    }

    /**
     * The values of the task's fields. A decision sent as a transient value is refused: the process must keep it, and
     * the engine cannot turn a transient variable into a stored one within the same command.
     */
    private static Map<String, Object> submitted(DelegateTask task, ReturnTask returnTask) {
        List<String> transientDecisions = returnTask.decisions().stream()
                .filter(name -> task.getVariableTyped(name) != null && task.getVariableTyped(name).isTransient())
                .sorted().toList();
        if (!transientDecisions.isEmpty()) {
            throw new SubmissionRejectedException(List.of(String.join(", ", transientDecisions) + ": send "
                    + (transientDecisions.size() == 1 ? "it" : "them") + " as an ordinary value, not a transient "
                    + "one; the process keeps the decision."));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        returnTask.fields().forEach(name -> values.put(name, task.getVariable(name)));
        return values;
    }
}
