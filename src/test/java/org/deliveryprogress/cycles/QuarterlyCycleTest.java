package org.deliveryprogress.cycles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@ApplicationTest
class QuarterlyCycleTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
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
    IdentityService identityService;
    @Autowired
    NetworkMeetingRepository meetings;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void opensAReturnForEveryActivePlanInBatchesAndClosesWhatIsUnfinished() {
        TestNetwork network = networks.create(60);
        networks.retire(network.plans().get(59));

        ProcessInstance cycleInstance = cycles.startOnSchedule(network.meeting().getId());
        assertThat(cycleInstance).isWaitingAt("ServiceTask_OpenReturnBatch");
        Cycle cycle = cycleRepository.findByMeetingId(network.meeting().getId()).orElseThrow();
        assertThat(cycleInstance.getBusinessKey()).isEqualTo(cycle.getReference());

        officers.runJobs(cycleInstance.getId());

        assertThat(cycleInstance).isWaitingAt("Event_CloseTimeReached");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cycleInstance.getId())
                .activityId("ServiceTask_OpenReturnBatch").count())
                .as("59 plans opened 25 at a time, each batch its own job").isEqualTo(3);
        List<ProcessInstance> returnInstances = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ReturnVariables.PROCESS_KEY)
                .variableValueEquals(ReturnVariables.CYCLE_ID, cycle.getId()).list();
        assertThat(returnInstances).hasSize(59);
        assertThat(returnInstances).extracting(ProcessInstance::getBusinessKey)
                .contains(cycle.getReference() + "/" + network.plan().getReference())
                .doesNotContain(cycle.getReference() + "/" + network.plans().get(59).getReference());

        Task update = taskService.createTaskQuery().processInstanceBusinessKey(
                cycle.getReference() + "/" + network.plan().getReference()).singleResult();
        assertThat(update.getName()).isEqualTo("Submit update: " + network.plan().getReference() + " "
                + network.plan().getTitle());
        assertThat(update.getAssignee()).isEqualTo("lead");
        assertThat(update.getDueDate()).isEqualTo(java.util.Date.from(cycle.deadlines().updatesDue()));
        assertThat(taskService.getIdentityLinksForTask(update.getId()))
                .anyMatch(link -> "clerk".equals(link.getUserId()) && "candidate".equals(link.getType()));

        officers.submit("lead", update, Map.of(ReturnVariables.ACHIEVEMENTS, "Done a lot",
                ReturnVariables.PLANNED_ACTIVITIES, "More to do"));

        officers.fireTimer(cycleInstance.getId());
        officers.runJobs(cycleInstance.getId());

        assertThat(cycleInstance).isEnded().hasPassed("ServiceTask_MarkCycleClosed");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReturnVariables.PROCESS_KEY)
                .variableValueEquals(ReturnVariables.CYCLE_ID, cycle.getId()).count()).isZero();
        assertThat(cycleRepository.findById(cycle.getId()).orElseThrow().getState()).isEqualTo(Cycle.State.CLOSED);
        assertThat(returns.countByCycleIdAndState(cycle.getId(), ReturnState.NO_RETURN)).isEqualTo(58);
        assertThat(returns.countByCycleIdAndState(cycle.getId(), ReturnState.NOT_JUDGED)).isEqualTo(1);
    }

    @Test
    void refusesASecondCycleForTheSameMeeting() {
        TestNetwork network = networks.create(1);
        cycles.startOnSchedule(network.meeting().getId());

        assertThatThrownBy(() -> cycles.startOnSchedule(network.meeting().getId()))
                .hasMessageContaining("A cycle is already open for the meeting of "
                        + network.meeting().getMeetingDate());
    }

    /**
     * A network runs one cycle at a time, also when its managers start two meetings' cycles at once: the first start
     * is held uncommitted while the second is made, which without the network's lock would not see the first's cycle.
     */
    @Test
    void twoStartsAtOnceOpenOneCycle() throws Exception {
        TestNetwork network = networks.create(1);
        NetworkMeeting nextQuarter = transaction.execute(status -> meetings.save(new NetworkMeeting(network.network(),
                network.meeting().getMeetingDate().plusWeeks(13))));
        CountDownLatch firstStarted = new CountDownLatch(1);
        ExecutorService managers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = managers.submit(() -> asManager(() -> transaction.executeWithoutResult(status -> {
                start(network.meeting().getId());
                firstStarted.countDown();
                // Held open for longer than the second start takes when nothing stops it
                sleep(Duration.ofSeconds(3));
            })));
            assertThat(firstStarted.await(60, TimeUnit.SECONDS)).isTrue();
            Future<?> second = managers.submit(() -> asManager(() -> start(nextQuarter.getId())));

            first.get(60, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.get(60, TimeUnit.SECONDS)).hasRootCauseInstanceOf(
                    CycleRejectedException.class).hasMessageContaining("is still open: a network runs one cycle");
        } finally {
            managers.shutdownNow();
        }
        assertThat(cycleRepository.findByMeetingId(network.meeting().getId())).isPresent();
        assertThat(cycleRepository.findByMeetingId(nextQuarter.getId())).isEmpty();
    }

    private void start(Long meetingId) {
        runtimeService.startProcessInstanceByKey(CycleVariables.PROCESS_KEY,
                Map.of(CycleVariables.MEETING_ID, meetingId));
    }

    private void asManager(Runnable work) {
        identityService.setAuthentication("manager", List.of(TestNetworks.MANAGER_GROUP));
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
