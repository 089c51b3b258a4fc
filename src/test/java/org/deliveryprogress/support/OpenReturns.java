package org.deliveryprogress.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.cycles.CycleVariables;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.springframework.stereotype.Component;

/** Opens a test network's cycle as the schedule does, and answers its first plan's return, waiting for its update. */
@Component
public class OpenReturns {

    private final CycleService cycles;
    private final Officers officers;
    private final RuntimeService runtimeService;

    OpenReturns(CycleService cycles, Officers officers, RuntimeService runtimeService) {
        this.cycles = cycles;
        this.officers = officers;
        this.runtimeService = runtimeService;
    }

    public ProcessInstance of(TestNetwork network) {
        ProcessInstance cycle = cycles.startOnSchedule(network.meeting().getId());
        officers.runJobs(cycle.getId());
        String businessKey = cycle.getBusinessKey() + "/" + network.plan().getReference();
        ProcessInstance planReturn = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult();
        assertThat(planReturn).as("the return of " + businessKey).isNotNull();
        return planReturn;
    }

    /** The return's lead officer submits an update of the two texts it needs, and nothing else. */
    public void submitUpdate(ProcessInstance planReturn) {
        officers.submit(officer(planReturn, LEAD_OFFICER), officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE),
                Map.of(ACHIEVEMENTS, "Done.", PLANNED_ACTIVITIES, "More."));
    }

    /**
     * Takes the open return to a Red judgement with the judge's comment: its lead officer submits an update and its
     * judging officer judges it, so that it waits for the lead's remedial actions.
     */
    public void judgeRed(ProcessInstance planReturn, String comment) {
        submitUpdate(planReturn);
        officers.submit(officer(planReturn, JUDGING_OFFICER), officers.task(planReturn.getId(), TASK_JUDGE_STATUS),
                Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED, RAG_STATUS, "Red", JUDGEMENT_COMMENT, comment));
    }

    /** The officer of the return's plan in the given role, as the return was opened with. */
    private String officer(ProcessInstance planReturn, String role) {
        return (String) runtimeService.getVariable(planReturn.getId(), role);
    }

    /** The running cycle the return belongs to: its business key is the cycle's reference, then the plan's. */
    public ProcessInstance cycleOf(ProcessInstance planReturn) {
        String businessKey = planReturn.getBusinessKey();
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CycleVariables.PROCESS_KEY)
                .processInstanceBusinessKey(businessKey.substring(0, businessKey.lastIndexOf('/'))).singleResult();
    }

    /** The id of the return in the application's tables, which the return's process carries. */
    public Long returnId(ProcessInstance planReturn) {
        return (Long) runtimeService.getVariable(planReturn.getId(), RETURN_ID);
    }
}
