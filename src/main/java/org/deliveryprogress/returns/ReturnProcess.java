package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleDeadlines;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.engine.EngineText;
import org.deliveryprogress.identity.ManagerRights;
import org.deliveryprogress.identity.OfficerRights;
import org.deliveryprogress.plans.DeliveryPlan;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and ends the planReturn process instances of a cycle: one instance per plan, so that no cycle becomes one
 * giant execution tree; and in batches, each batch its own transaction (an asynchronous step of the quarterlyCycle
 * process), so that a cycle of thousands of plans is not one giant transaction either.
 */
@Component
@Transactional
class ReturnProcess {

    /** Task names carry the plan; the engine stores at most 255 characters of a task name. */
    private static final int LABEL_LIMIT = 180;

    private final PlanReturnRepository returns;
    private final RuntimeService runtimeService;
    private final ManagerRights managerRights;
    private final OfficerRights officerRights;
    private final CycleService cycles;
    private final CycleProperties properties;

    ReturnProcess(PlanReturnRepository returns, RuntimeService runtimeService, ManagerRights managerRights,
            OfficerRights officerRights, CycleService cycles, CycleProperties properties) {
        this.returns = returns;
        this.runtimeService = runtimeService;
        this.managerRights = managerRights;
        this.officerRights = officerRights;
        this.cycles = cycles;
        this.properties = properties;
    }

    /** Opens the returns of the next batch of the cycle's plans; answers whether plans without a return remain. */
    boolean openNextBatch(Long cycleId, String processInstanceId) {
        Cycle cycle = cycles.runBy(cycleId, processInstanceId);
        List<DeliveryPlan> batch = returns.findActivePlansWithoutReturn(cycle.getMeeting().getNetwork(), cycleId,
                PageRequest.of(0, properties.batchSize()));
        List<PlanReturn> opened = batch.stream().map(plan -> open(cycle, plan)).toList();
        returns.recordStarted(opened);
        // After every instance has started, as the managers' grants on their tasks are (TaskAuthorizations): the
        // engine then writes the batch's grants to groups together, after its grants to users, so that MariaDB's
        // driver sends each kind as a bulk statement rather than one or two a return.
        opened.forEach(planReturn -> managerRights.shareStartedInstanceWithManagers(
                planReturn.getProcessInstanceId(), planReturn.getPlan().getNetwork().getManagerGroup()));
        officerRights.grantFor(batch);
        return batch.size() == properties.batchSize();
    }

    /** Ends the open work of the next batch of the cycle's returns; answers whether returns remain open. */
    boolean closeNextBatch(Long cycleId, String processInstanceId) {
        cycles.runBy(cycleId, processInstanceId);
        return closeOpenReturns(cycleId, properties.batchSize()) == properties.batchSize();
    }

    private PlanReturn open(Cycle cycle, DeliveryPlan plan) {
        PlanReturn planReturn = returns.save(new PlanReturn(cycle, plan));
        CycleDeadlines deadlines = cycle.deadlines();
        VariableMap variables = Variables.createVariables()
                .putValue(RETURN_ID, planReturn.getId())
                .putValue(CYCLE_ID, cycle.getId())
                .putValue(PLAN_LABEL, labelOf(plan))
                .putValue(LEAD_OFFICER, plan.getLeadOfficer())
                .putValue(JUDGING_OFFICER, plan.getJudgingOfficer())
                .putValue(DATA_ENTRY_OFFICER, plan.getDataEntryOfficer())
                .putValue(NETWORK_MANAGER_GROUP, plan.getNetwork().getManagerGroup())
                .putValue(UPDATE_DUE_AT, date(deadlines.updatesDue()))
                .putValue(JUDGEMENT_DUE_AT, date(deadlines.judgementsDue()))
                .putValue(REMEDIAL_PROPOSAL_DUE_AT, date(deadlines.proposalsDue()))
                .putValue(REMEDIAL_AGREEMENT_DUE_AT, date(deadlines.agreementsDue()));
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(cycle.getReference() + "/" + plan.getReference())
                .setVariables(variables)
                .execute();
        planReturn.startedAs(instance.getId());
        return planReturn;
    }

    /** Ends the open work of up to {@code max} returns of the cycle; answers how many it ended. */
    private int closeOpenReturns(Long cycleId, int max) {
        List<ProcessInstance> open = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(CYCLE_ID, cycleId)
                .listPage(0, max);
        open.forEach(instance -> runtimeService.createMessageCorrelation(CYCLE_CLOSED_MESSAGE)
                .processInstanceId(instance.getId())
                .correlateWithResult());
        return open.size();
    }

    /** The plan as its tasks' names and emails give it: as much of its title as the engine's tables can hold. */
    static String labelOf(DeliveryPlan plan) {
        String label = EngineText.fitted(plan.getReference() + " " + plan.getTitle());
        return label.length() <= LABEL_LIMIT ? label : label.substring(0, LABEL_LIMIT - 1) + "…";
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
