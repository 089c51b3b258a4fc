package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch's job whose lock runs out while its node is still at work (a busy node, a long pause) is taken by another
 * node and runs twice at once. One run must win and the other leave nothing behind: no return opened twice, none
 * closed twice, the cycle one step further. The tests run the same job twice at once, as two nodes would; batches
 * here are of 25 returns (the test profile).
 */
@ApplicationTest
class BatchRunTwiceTest {

    private static final int PLANS = 30;

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

    private ProcessInstance cycle;
    private Long cycleId;

    @BeforeEach
    void startCycle() {
        TestNetwork network = networks.create(PLANS);
        cycle = cycles.startOnSchedule(network.meeting().getId());
        cycleId = cycleRepository.findByMeetingId(network.meeting().getId()).orElseThrow().getId();
    }

    @Test
    void aBatchOfReturnsOpenedByTwoNodesAtOnceOpensEachReturnOnce() throws Exception {
        Job firstBatch = onlyJob();

        List<Throwable> failures = runTwiceAtOnce(firstBatch);

        assertThat(failures).as("the run that lost").hasSize(1);
        assertThat(returns.countByCycleId(cycleId)).as("returns opened by the batch").isEqualTo(25);
        assertThat(returnInstances()).as("return processes started by the batch").isEqualTo(25);
        assertThat(onlyJob().getId()).as("the next batch's job").isNotEqualTo(firstBatch.getId());

        officers.runJobs(cycle.getId());
        assertThat(returns.countByCycleId(cycleId)).isEqualTo(PLANS);
        assertThat(returnInstances()).isEqualTo(PLANS);
    }

    @Test
    void aBatchOfReturnsClosedByTwoNodesAtOnceClosesEachReturnOnce() throws Exception {
        officers.runJobs(cycle.getId());
        officers.fireTimer(cycle.getId());
        Job firstBatch = onlyJob();

        List<Throwable> failures = runTwiceAtOnce(firstBatch);

        assertThat(failures).as("the run that lost").hasSize(1);
        assertThat(returns.countByCycleIdAndState(cycleId, ReturnState.NO_RETURN)).as("returns closed by the batch")
                .isEqualTo(25);
        assertThat(returnInstances()).as("returns still open").isEqualTo(PLANS - 25);
        assertThat(closesRecorded()).as("closes recorded in the returns' history").isEqualTo(25);
        assertThat(onlyJob().getId()).as("the next batch's job").isNotEqualTo(firstBatch.getId());

        officers.runJobs(cycle.getId());
        assertThat(returns.countByCycleIdAndState(cycleId, ReturnState.NO_RETURN)).isEqualTo(PLANS);
        assertThat(closesRecorded()).isEqualTo(PLANS);
    }

    /** Runs the job on two threads released at the same moment; answers what the runs threw. */
    private List<Throwable> runTwiceAtOnce(Job job) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Throwable> failures = new ArrayList<>();
        try {
            List<Future<Object>> runs = nodes.invokeAll(List.of(() -> {
                start.await();
                managementService.executeJob(job.getId());
                return null;
            }, () -> {
                start.await();
                managementService.executeJob(job.getId());
                return null;
            }));
            for (Future<Object> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        } finally {
            nodes.shutdown();
        }
        return failures;
    }

    private Job onlyJob() {
        return managementService.createJobQuery().processInstanceId(cycle.getId()).singleResult();
    }

    private long returnInstances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReturnVariables.PROCESS_KEY)
                .variableValueEquals(ReturnVariables.CYCLE_ID, cycleId).count();
    }

    private long closesRecorded() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ReturnVariables.PROCESS_KEY)
                .processInstanceBusinessKeyLike(cycle.getBusinessKey() + "/%").list().stream()
                .mapToLong(instance -> historyService.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId()).activityId("ServiceTask_RecordReturnAtClose").finished()
                        .count())
                .sum();
    }
}
