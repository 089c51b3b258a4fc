package org.deliveryprogress.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.benchmark.NationalScenario.Area;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.identity.ManagerRights;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.notifications.Mailer;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.returns.Returns;
import org.deliveryprogress.support.Officers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * How long one job of a cycle takes: a batch of {@code delivery-progress.cycle.batch-size} returns opened, an outbox
 * batch of email, a batch of returns closed, the network's pack. The job executor's lock time must outlast the
 * longest of them on a busy node (see the README's <i>Several nodes: when one dies</i>), so this is what to run on
 * new hardware before changing either. One network of {@code benchmark.pack-plans} plans (1,000, the operator's
 * test: the largest network, whose pack {@link CycleBenchmark} renders too), after a smaller one that warms the JIT
 * and is not reported; each job run alone, one after another, as in {@link CycleBenchmark}. Not
 * {@code benchmark.plans}, the size of the national cycle: the whole of England (5,000) is 143 networks, not one, and
 * a pack of 5,000 plans does not fit in the benchmark's heap.
 * {@code ./mvnw -Pbenchmark test -Dtest=BatchBenchmark [-Dbenchmark.database=external]
 * [-Dbenchmark.batch-size=100]}; prints the figures and writes them to
 * {@code target/benchmark/batch-benchmark-<plans>.csv}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "delivery-progress.cycle.batch-size=${benchmark.batch-size:100}")
@ActiveProfiles(resolver = BenchmarkDatabase.class)
@Import(OwnConnection.class)
class BatchBenchmark {

    static final int PLANS = Integer.getInteger("benchmark.pack-plans", 1000);
    static final int WARM_UP_PLANS = Integer.getInteger("benchmark.warm-up-plans", 350);

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort());

    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Mailer mailer;
    @Autowired
    CycleService cycleService;
    @Autowired
    CycleRepository cycles;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    Officers officers;
    @Autowired
    NetworkRepository networks;
    @Autowired
    NetworkMeetingRepository meetings;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    ManagerRights managerRights;
    @Autowired
    Returns returnRecords;
    @Autowired
    IndicatorValueRepository indicatorValues;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    OwnConnection own;

    @DynamicPropertySource
    static void mailAndDatabase(DynamicPropertyRegistry registry) throws SQLException {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        BenchmarkDatabase.register(registry, SMTP.getSmtp().getPort());
    }

    @Test
    void eachJobOfALargeNetworksCycle() {
        LocalDate meetingDate = LocalDate.now(LONDON).plusWeeks(8);
        NationalScenario scenario = new NationalScenario(identityService, networks, meetings, plans, managerRights,
                cycleService, returnRecords, indicatorValues, transaction);
        Area warmUp = scenario.network("WARMB", WARM_UP_PLANS, meetingDate);
        Area measured = scenario.network("BATCH", PLANS, meetingDate);

        runCycle(warmUp, Report.ofServer(own.jdbc()));
        Report report = Report.ofServer(own.jdbc());
        Cycle cycle = runCycle(measured, report);

        System.out.println("\nBatch benchmark, one network of " + PLANS + " plans, batches of "
                + System.getProperty("benchmark.batch-size", "100") + " returns, database "
                + (BenchmarkDatabase.external() ? "external" : "embedded") + "\n" + report.table());
        report.writeCsv(Path.of("target", "benchmark", "batch-benchmark-" + PLANS + ".csv"));
        assertThat(cycles.findById(cycle.getId()).orElseThrow().getState()).isEqualTo(Cycle.State.CLOSED);
        assertThat(returns.countByCycleIdAndState(cycle.getId(), ReturnState.NO_RETURN)).isEqualTo(PLANS);
    }

    private Cycle runCycle(Area area, Report report) {
        ProcessInstance instance = cycleService.startOnSchedule(area.meeting().getId());
        timeJobs(instance, "ServiceTask_OpenReturnBatch", report.measure("open", "app", "a batch of returns opened"));

        Measurement mail = report.measure("mail", "app", "an outbox batch of email");
        mail.start();
        while (mail.time(() -> mailer.sendNextBatch().taken()) > 0) {
            // Until the outbox is empty: the last, empty batch is timed too, and costs next to nothing.
        }
        mail.stop();

        officers.fireTimer(instance.getId());
        // The last batch's job marks the cycle closed too.
        timeJobs(instance, "ServiceTask_CloseReturnBatch", report.measure("close", "app", "a batch of returns closed"));
        timeJob(instance, "ServiceTask_ProduceMeetingPack", report.measure("pack", "app", "the network's pack"));
        officers.runJobs(instance.getId());
        return cycles.findByMeetingId(area.meeting().getId()).orElseThrow();
    }

    /** Runs the instance's jobs at the activity one by one, as long as there is one, timing each. */
    private void timeJobs(ProcessInstance instance, String activityId, Measurement measurement) {
        measurement.start();
        Job job;
        while ((job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .executable().singleResult()) != null) {
            String jobId = job.getId();
            measurement.time(() -> managementService.executeJob(jobId));
        }
        measurement.stop();
    }

    private void timeJob(ProcessInstance instance, String activityId, Measurement measurement) {
        String jobId = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .executable().singleResult().getId();
        measurement.timeAlone(() -> managementService.executeJob(jobId));
    }
}
