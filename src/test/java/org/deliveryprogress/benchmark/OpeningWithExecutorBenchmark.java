package org.deliveryprogress.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.TASK_SUBMIT_UPDATE;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.deliveryprogress.benchmark.BareReturnBatch.BareReturn;
import org.deliveryprogress.benchmark.NationalScenario.Area;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.identity.ManagerRights;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.returns.Returns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening a national cycle as production does, with the job executor on: {@code benchmark.plans} plans (1,000 by
 * default) in areas of 35, every area's cycle started at once, and the networks' batches of returns run side by side
 * by the job executor on both cores, until every plan's update task exists. Against the bare engine, its own job
 * executor set up as the application's, doing the same BPMN work with bareCycle.bpmn: as many jobs, transactions and
 * return instances, with nothing behind them; and against the same bare engine with Camunda's authorizations on, as
 * {@link CycleBenchmark} has it. A smaller opening ({@code benchmark.warm-up-plans}, 350) runs first on every side
 * and is not reported. Prints the figures and writes them to
 * {@code target/benchmark/opening-with-executor-<plans>.csv}. It asserts no timing, only that the work was done.
 */
@Tag("benchmark")
@SpringBootTest(properties = {
        // The production batch size, not the tests' smaller one.
        "delivery-progress.cycle.batch-size=" + NationalScenario.BATCH_SIZE,
        // The production job executor (application.yaml), which the test profile turns off.
        "camunda.bpm.job-execution.enabled=true" })
@ActiveProfiles(resolver = BenchmarkDatabase.class)
@Import(OwnConnection.class)
// The job executor stops with the context: it must not poll the database under the next benchmark's figures.
@DirtiesContext
class OpeningWithExecutorBenchmark {

    static final int PLANS = Integer.getInteger("benchmark.plans", 1000);
    static final int WARM_UP_PLANS = Integer.getInteger("benchmark.warm-up-plans", 350);

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** No email is sent (the test profile keeps the outbox off), so no mail server runs. */
    private static final int NO_MAIL_SERVER = 25;
    private static final String CYCLE_PROCESS = "quarterlyCycle";
    private static final String CLOSE_TIMER = "Event_CloseTimeReached";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String COUNT_UPDATE_TASKS = "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = '"
            + TASK_SUBMIT_UPDATE + "'";

    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CycleService cycleService;
    @Autowired
    CycleRepository cycles;
    @Autowired
    PlanReturnRepository returns;
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

    /** One side of the benchmark, and where to read what it did. */
    private record Side(String name, JdbcTemplate database, RuntimeService runtime, ManagementService jobs,
            HistoryService history, String cycleProcess, String returnProcess) {

        /** A bare engine's side, running bareCycle.bpmn and bareReturn.bpmn. */
        static Side of(String name, BareEngine engine) {
            return new Side(name, engine.jdbc(), engine.runtimeService(), engine.managementService(),
                    engine.historyService(), BareEngine.CYCLE_PROCESS_KEY, BareEngine.PROCESS_KEY);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        BenchmarkDatabase.register(registry, NO_MAIL_SERVER);
    }

    @Test
    void nationalOpeningWithTheJobExecutorOnBothSides() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getJobExecutor().isActive()).as("the application's job executor runs").isTrue();
        LocalDate meetingDate = LocalDate.now(LONDON).plusWeeks(8);
        NationalScenario scenario = new NationalScenario(identityService, networks, meetings, plans, managerRights,
                cycleService, returnRecords, indicatorValues, transaction);
        List<Area> warmUpAreas = scenario.seed("WARM", WARM_UP_PLANS, meetingDate);
        List<Area> areas = scenario.seed("LAA", PLANS, meetingDate);

        // Each cycle's bare returns, by the cycle's reference, filled in as the application opens the cycles.
        Map<String, List<BareReturn>> bareReturns = new ConcurrentHashMap<>();
        Map<Object, Object> bareBeans = Map.of(BareReturnBatch.BEAN,
                new BareReturnBatch(bareReturns, NationalScenario.BATCH_SIZE));
        try (BareEngine bare = BareEngine.withJobExecutor(dataSource, configuration, bareBeans);
                BareEngine authorized = BareEngine.authorizedWithJobExecutor(dataSource, configuration, bareBeans)) {
            Side app = new Side("app", own.jdbc(), runtimeService, managementService, historyService, CYCLE_PROCESS,
                    ReturnVariables.PROCESS_KEY);
            List<Side> floors = List.of(Side.of(Report.BARE, bare), Side.of(Report.AUTHORIZED, authorized));
            if (!warmUpAreas.isEmpty()) {
                openOnEverySide(warmUpAreas, Report.ofServer(own.jdbc()), app, floors, bareReturns);
            }
            Report report = Report.ofServer(own.jdbc());
            openOnEverySide(areas, report, app, floors, bareReturns);
            report.figure("job executor, every side", bare.jobExecutorSettings());

            System.out.println("\nOpening with the job executor on, " + PLANS + " plans in " + areas.size()
                    + " networks, database " + (BenchmarkDatabase.external() ? "external" : "embedded") + "\n"
                    + report.table());
            report.writeCsv(Path.of("target", "benchmark", "opening-with-executor-" + PLANS + ".csv"));
        }
    }

    /** Opens the areas' cycles on the application, then the same BPMN work on each bare engine. */
    private void openOnEverySide(List<Area> areas, Report report, Side app, List<Side> floors,
            Map<String, List<BareReturn>> bareReturns) {
        List<Runnable> appStarts = areas.stream()
                .<Runnable>map(area -> () -> cycleService.startOnSchedule(area.meeting().getId())).toList();
        open(app, appStarts, planCount(areas), report);
        List<Cycle> opened = areas.stream()
                .map(area -> cycles.findByMeetingId(area.meeting().getId()).orElseThrow()).toList();
        for (int a = 0; a < areas.size(); a++) {
            assertThat(returns.countByCycleId(opened.get(a).getId())).as("returns of " + opened.get(a).getReference())
                    .isEqualTo(areas.get(a).plans().size());
        }

        int plan = 0;
        for (int a = 0; a < areas.size(); a++) {
            Cycle cycle = opened.get(a);
            List<BareReturn> cycleReturns = new ArrayList<>();
            for (DeliveryPlan deliveryPlan : areas.get(a).plans()) {
                cycleReturns.add(BareReturn.of(plan++, deliveryPlan, cycle.deadlines()));
            }
            bareReturns.put(cycle.getReference(), cycleReturns);
        }
        for (Side floor : floors) {
            List<Runnable> bareStarts = new ArrayList<>();
            for (Cycle cycle : opened) {
                Date closeAt = Date.from(cycle.deadlines().close());
                bareStarts.add(() -> floor.runtime().startProcessInstanceByKey(floor.cycleProcess(),
                        cycle.getReference(), Variables.createVariables().putValue(BareEngine.CLOSE_AT, closeAt)
                                .putValue(BareReturnBatch.RETURNS_OPENED, 0)));
            }
            open(floor, bareStarts, planCount(areas), report);
        }
    }

    /**
     * Starts every cycle, one after another, while the side's job executor opens their batches, and waits until
     * each plan's update task exists; then checks that the work was done, and nothing more.
     */
    private void open(Side side, List<Runnable> cycleStarts, int planCount, Report report) {
        long tasksBefore = countUpdateTasks(side.database());
        long cyclesBefore = side.runtime().createProcessInstanceQuery().processDefinitionKey(side.cycleProcess())
                .count();
        long jobsBefore = side.history().createHistoricJobLogQuery().successLog().count();
        long failuresBefore = side.history().createHistoricJobLogQuery().failureLog().count();
        long tasksAfter = tasksBefore + planCount;
        Measurement measurement = report.measure("open", side.name(), "a return, job executor on");
        AtomicInteger polls = new AtomicInteger();
        measurement.start();
        measurement.timeEach(() -> {
            cycleStarts.forEach(Runnable::run);
            polls.set(awaitUpdateTasks(side, tasksAfter));
            return planCount;
        });
        measurement.stop();
        measurement.leaveOut(polls.get());

        assertThat(countUpdateTasks(side.database())).as(side.name() + ": update tasks").isEqualTo(tasksAfter);
        assertThat(side.runtime().createProcessInstanceQuery().processDefinitionKey(side.returnProcess()).count())
                .as(side.name() + ": return instances").isEqualTo(tasksAfter);
        long cyclesAfter = cyclesBefore + cycleStarts.size();
        assertThat(side.runtime().createProcessInstanceQuery().processDefinitionKey(side.cycleProcess())
                .activityIdIn(CLOSE_TIMER).count()).as(side.name() + ": cycles opened, waiting for their close")
                .isEqualTo(cyclesAfter);
        assertThat(side.runtime().createProcessInstanceQuery().processDefinitionKey(side.cycleProcess()).count())
                .isEqualTo(cyclesAfter);
        assertThat(side.jobs().createJobQuery().withException().count()).as(side.name() + ": failed jobs").isZero();
        assertThat(side.runtime().createIncidentQuery().count()).as(side.name() + ": incidents").isZero();

        long jobs = side.history().createHistoricJobLogQuery().successLog().count() - jobsBefore;
        report.figure("jobs run, " + side.name(), String.valueOf(jobs));
        report.figure("job failures retried, " + side.name(),
                String.valueOf(side.history().createHistoricJobLogQuery().failureLog().count() - failuresBefore));
        report.figure("SQL statements per job, " + side.name(), String.format("%.0f",
                measurement.statementsPerOperation() * measurement.operations() / Math.max(jobs, 1)));
        report.figure("update-task polls, " + side.name() + " (left out of its statements)",
                String.valueOf(polls.get()));
    }

    /**
     * Reads the side's count of update tasks every {@link #POLL} until it reaches {@code tasks}; answers how many
     * times it read it, each a statement of the benchmark's own. Gives up well after the slowest opening measured.
     */
    private static int awaitUpdateTasks(Side side, long tasks) {
        long giveUpAt = System.nanoTime() + Duration.ofMinutes(2).plusMillis(60L * PLANS).toNanos();
        int polls = 1;
        while (countUpdateTasks(side.database()) < tasks) {
            assertThat(System.nanoTime()).as(side.name() + ": every update task within the time allowed")
                    .isLessThan(giveUpAt);
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            polls++;
        }
        return polls;
    }

    private static long countUpdateTasks(JdbcTemplate database) {
        return database.queryForObject(COUNT_UPDATE_TASKS, Long.class);
    }

    private static int planCount(List<Area> areas) {
        return areas.stream().mapToInt(area -> area.plans().size()).sum();
    }
}
