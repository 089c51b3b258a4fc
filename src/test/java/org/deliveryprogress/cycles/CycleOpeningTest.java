package org.deliveryprogress.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@ApplicationTest
class CycleOpeningTest {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CycleService cycles;
    @Autowired
    CycleRepository cycleRepository;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    TestNetworks networks;
    @Autowired
    Officers officers;
    @Autowired
    TaskService taskService;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theHourlyTimerOpensTheCycleOfAMeetingWhoseOpeningDayHasCome() {
        TestNetwork network = networks.create(2);
        assertThat(cycles.meetingsDueToOpen()).extracting(meeting -> meeting.getId())
                .contains(network.meeting().getId());

        Job everyHour = managementService.createJobQuery().processDefinitionKey("openDueCycles").timers()
                .singleResult();
        managementService.executeJob(everyHour.getId());

        Cycle cycle = cycleRepository.findByMeetingId(network.meeting().getId()).orElseThrow();
        assertThat(cycles.meetingsDueToOpen()).extracting(meeting -> meeting.getId())
                .doesNotContain(network.meeting().getId());
        assertThat(managementService.createJobQuery().processDefinitionKey("openDueCycles").timers().count())
                .as("the timer is set again for the next hour").isEqualTo(1);
        officers.runJobs(cycle.getProcessInstanceId());
        assertThat(returns.countByCycleId(cycle.getId())).isEqualTo(2);
    }

    @Test
    void aCycleOfSomeHundredPlansOpensInSmallTransactionsWithOneSmallInstancePerReturn() {
        TestNetwork network = networks.create(300);

        ProcessInstance cycleInstance = cycles.startOnSchedule(network.meeting().getId());
        Long cycleId = cycleRepository.findByMeetingId(network.meeting().getId()).orElseThrow().getId();
        assertThat(returns.countByCycleId(cycleId)).as("starting the cycle opens no return yet").isZero();

        Job firstBatch = managementService.createJobQuery().processInstanceId(cycleInstance.getId()).singleResult();
        managementService.executeJob(firstBatch.getId());
        assertThat(returns.countByCycleId(cycleId)).as("one job opens one batch").isEqualTo(25);

        officers.runJobs(cycleInstance.getId());

        assertThat(returns.countByCycleId(cycleId)).isEqualTo(300);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cycleInstance.getId())
                .activityId("ServiceTask_OpenReturnBatch").count()).isEqualTo(13);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(cycleInstance.getId()).count())
                .as("the cycle's execution tree (its instance and the waiting timer) does not grow with its plans")
                .isEqualTo(2);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReturnVariables.PROCESS_KEY)
                .variableValueEquals(ReturnVariables.CYCLE_ID, cycleId).count()).isEqualTo(300);
    }

    /**
     * Camunda's tables hold no emoji (MariaDB's three-byte utf8): a title with one failed the whole batch of returns
     * opening, retried until it ended in an incident. The task is named without it; the register keeps the title.
     */
    @Test
    void aPlanWhoseTitleHasAnEmojiOpensItsReturnNamedWithoutIt() {
        TestNetwork network = networks.create(1);
        DeliveryPlan plan = network.plan();
        transaction.executeWithoutResult(status -> plans.findById(plan.getId()).orElseThrow()
                .change("Youth voice \uD83D\uDE42 project", plan.getLeadOfficer(), plan.getJudgingOfficer()));

        ProcessInstance cycleInstance = cycles.startOnSchedule(network.meeting().getId());
        officers.runJobs(cycleInstance.getId());

        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike("%/" + plan.getReference())
                .taskDefinitionKey(ReturnVariables.TASK_SUBMIT_UPDATE).singleResult().getName())
                .isEqualTo("Submit update: " + plan.getReference() + " Youth voice project");
        assertThat(plans.findById(plan.getId()).orElseThrow().getTitle()).isEqualTo("Youth voice \uD83D\uDE42 project");
    }

    @Test
    void eachReturnNamesTheInstanceStartedForItWhateverItsBatch() {
        TestNetwork network = networks.create(30);

        ProcessInstance cycleInstance = cycles.startOnSchedule(network.meeting().getId());
        officers.runJobs(cycleInstance.getId());

        Long cycleId = cycleRepository.findByMeetingId(network.meeting().getId()).orElseThrow().getId();
        Map<Long, String> instanceOfReturn = runtimeService.createVariableInstanceQuery()
                .variableName(ReturnVariables.RETURN_ID).processInstanceIdIn(runtimeService
                        .createProcessInstanceQuery().processDefinitionKey(ReturnVariables.PROCESS_KEY)
                        .variableValueEquals(ReturnVariables.CYCLE_ID, cycleId).list().stream()
                        .map(ProcessInstance::getId).toArray(String[]::new))
                .list().stream()
                .collect(Collectors.toMap(variable -> (Long) variable.getValue(),
                        VariableInstance::getProcessInstanceId));
        // Read back from the database, outside the batches' transactions: 30 plans are two batches (25 a batch in
        // the test profile), each writing its returns' instance ids in one statement.
        assertThat(returns.findByCycleIdOrderByPlanReference(cycleId)).hasSize(30)
                .allSatisfy(planReturn -> assertThat(planReturn.getProcessInstanceId()).as(planReturn.label())
                        .isEqualTo(instanceOfReturn.get(planReturn.getId())));
    }
}
