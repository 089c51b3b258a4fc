package org.deliveryprogress.support;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnUpdate;
import org.deliveryprogress.returns.Returns;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plays a cycle of a test network as its officers would: each plan's return taken to the outcome a test wants, then
 * the cycle closed. Officers are TestNetworks' lead, judge and clerk; the manager is the demo's manager.
 */
@Component
public class ScriptedCycle {

    private final CycleService cycleService;
    private final CycleRepository cycles;
    private final NetworkMeetingRepository meetings;
    private final DeliveryPlanRepository plans;
    private final Returns returns;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Officers officers;
    private final TransactionTemplate transaction;

    ScriptedCycle(CycleService cycleService, CycleRepository cycles, NetworkMeetingRepository meetings,
            DeliveryPlanRepository plans, Returns returns, RuntimeService runtimeService, TaskService taskService,
            Officers officers, TransactionTemplate transaction) {
        this.cycleService = cycleService;
        this.cycles = cycles;
        this.meetings = meetings;
        this.plans = plans;
        this.returns = returns;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.officers = officers;
        this.transaction = transaction;
    }

    /** Last quarter's closed cycle, with the given statuses for some of the network's plans. */
    public Cycle lastQuarter(TestNetwork network, Map<DeliveryPlan, RagStatus> statuses) {
        return lastQuarter(network, statuses, Map.of());
    }

    /**
     * Last quarter's closed cycle, with the given statuses for some of the network's plans, and for some a remedial
     * action agreed then (owned by the police, due in six weeks), which this quarter's update follows up.
     */
    public Cycle lastQuarter(TestNetwork network, Map<DeliveryPlan, RagStatus> statuses,
            Map<DeliveryPlan, String> agreedRemedialActions) {
        return pastQuarter(network, 1, statuses, agreedRemedialActions);
    }

    /** The closed cycle of the given number of quarters before the network's meeting, as {@link #lastQuarter}. */
    public Cycle pastQuarter(TestNetwork network, int quartersBefore, Map<DeliveryPlan, RagStatus> statuses,
            Map<DeliveryPlan, String> agreedRemedialActions) {
        return transaction.execute(status -> {
            NetworkMeeting meeting = meetings.save(new NetworkMeeting(network.network(),
                    network.meeting().getMeetingDate().minusWeeks(13L * quartersBefore)));
            Cycle cycle = cycleService.recordPast(meeting);
            statuses.forEach((plan, rag) -> returns.recordPast(cycle, plans.findById(plan.getId()).orElseThrow(),
                    new ReturnUpdate("Last quarter's achievements.", "Last quarter's plans.", null), rag,
                    "Last quarter's comment.", Optional.ofNullable(agreedRemedialActions.get(plan))
                            .map(action -> List.of(new RemedialAction.Proposal(action, "Police",
                                    LocalDate.now().plusWeeks(6))))
                            .orElse(List.of())));
            return cycle;
        });
    }

    /** Opens the cycle of the network's meeting and every plan's return. */
    public Cycle open(TestNetwork network) {
        return openCycleOf(network.meeting());
    }

    /** Adds the network's meeting of the quarter after the given cycle's, and opens its cycle. */
    public Cycle openQuarterAfter(TestNetwork network, Cycle previous) {
        return openCycleOf(transaction.execute(status -> meetings.save(new NetworkMeeting(network.network(),
                cycles.findById(previous.getId()).orElseThrow().getMeeting().getMeetingDate().plusWeeks(13)))));
    }

    private Cycle openCycleOf(NetworkMeeting meeting) {
        ProcessInstance instance = cycleService.startOnSchedule(meeting.getId());
        officers.runJobs(instance.getId());
        return cycles.findByMeetingId(meeting.getId()).orElseThrow();
    }

    public void update(Cycle cycle, DeliveryPlan plan, String achievements, String planned, String blockages) {
        Map<String, Object> values = new HashMap<>();
        values.put(ACHIEVEMENTS, achievements);
        values.put(PLANNED_ACTIVITIES, planned);
        if (blockages != null) {
            values.put(BLOCKAGES, blockages);
        }
        officers.submit(plan.getLeadOfficer(), task(cycle, plan, TASK_SUBMIT_UPDATE), values);
    }

    /**
     * The update with its evidence: each of {@code indicatorValues}, {@code actionProgress} and
     * {@code remedialFollowUp} a Json list as Tasklist sends it (left out when null).
     */
    public void update(Cycle cycle, DeliveryPlan plan, String achievements, String planned, String indicatorValues,
            String actionProgress, String remedialFollowUp) {
        Map<String, Object> values = new HashMap<>(Map.of(ACHIEVEMENTS, achievements, PLANNED_ACTIVITIES, planned));
        putJson(values, INDICATOR_VALUES, indicatorValues);
        putJson(values, ACTION_PROGRESS, actionProgress);
        putJson(values, REMEDIAL_FOLLOW_UP, remedialFollowUp);
        officers.submit(plan.getLeadOfficer(), task(cycle, plan, TASK_SUBMIT_UPDATE), values);
    }

    private static void putJson(Map<String, Object> values, String name, String json) {
        if (json != null) {
            values.put(name, SpinValues.jsonValue(json).create());
        }
    }

    public void judge(Cycle cycle, DeliveryPlan plan, RagStatus status, String comment) {
        Map<String, Object> values = new HashMap<>(Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED, RAG_STATUS,
                status.name()));
        if (comment != null) {
            values.put(JUDGEMENT_COMMENT, comment);
        }
        officers.submit(plan.getJudgingOfficer(), task(cycle, plan, TASK_JUDGE_STATUS), values);
    }

    public void sendBack(Cycle cycle, DeliveryPlan plan, String comment) {
        officers.submit(plan.getJudgingOfficer(), task(cycle, plan, TASK_JUDGE_STATUS),
                Map.of(JUDGEMENT_OUTCOME, OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, comment));
    }

    public void proposeRemedialAction(Cycle cycle, DeliveryPlan plan, String action, String owner) {
        officers.submit(plan.getLeadOfficer(), task(cycle, plan, TASK_PROPOSE_REMEDIAL_ACTIONS),
                Map.of(REMEDIAL_ACTIONS, List.of(Map.of("action", action, "owner", owner,
                        "dueDate", LocalDate.now().plusWeeks(6).toString()))));
    }

    public void agreeRemedialActions(Cycle cycle, DeliveryPlan plan) {
        decideRemedialActions(cycle, plan, Map.of(REMEDIAL_OUTCOME, OUTCOME_AGREED));
    }

    public void sendBackRemedialActions(Cycle cycle, DeliveryPlan plan, String comment) {
        decideRemedialActions(cycle, plan, Map.of(REMEDIAL_OUTCOME, OUTCOME_SENT_BACK, REMEDIAL_COMMENT, comment));
    }

    /** The demo's manager takes the agreement and decides it. */
    private void decideRemedialActions(Cycle cycle, DeliveryPlan plan, Map<String, Object> decision) {
        Task agreement = task(cycle, plan, TASK_AGREE_REMEDIAL_ACTIONS);
        taskService.claim(agreement.getId(), "manager");
        officers.submit("manager", agreement, decision);
    }

    /** Closes the cycle now, whatever is outstanding, and runs what follows: the pack, the managers' notice. */
    public void close(Cycle cycle) {
        officers.fireTimer(cycle.getProcessInstanceId());
        officers.runJobs(cycle.getProcessInstanceId());
    }

    public Task task(Cycle cycle, DeliveryPlan plan, String taskDefinitionKey) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(cycle.getReference() + "/" + plan.getReference()).singleResult();
        return officers.task(instance.getId(), taskDefinitionKey);
    }
}
