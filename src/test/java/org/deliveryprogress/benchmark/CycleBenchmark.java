package org.deliveryprogress.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.deliveryprogress.benchmark.BareReturnBatch.BareReturn;
import org.deliveryprogress.benchmark.NationalScenario.Area;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleDeadlines;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.cycles.CycleVariables;
import org.deliveryprogress.identity.KeptIdentities;
import org.deliveryprogress.identity.ManagerRights;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.notifications.Mailer;
import org.deliveryprogress.packs.MeetingPacks;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.returns.Returns;
import org.deliveryprogress.support.Officers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A national cycle on one node: {@code benchmark.plans} plans (1,000 by default) in areas of 35, run through the
 * application's processes and services as the officers would, and the same BPMN work on a bare engine as the floor. A
 * second floor, the same bare engine with Camunda's authorizations on and each officer signed in, says how much of the
 * application's time over the bare engine's is the engine's own authorization work, which the brief requires
 * (authorization on). Prints each phase's figures and writes them to
 * {@code target/benchmark/cycle-benchmark-<plans>.csv}. Not part of the tests: {@code ./mvnw -Pbenchmark test} runs it
 * (see the README). It asserts no timing, only that the work was really done, so that a broken run is not reported as
 * a fast one.
 * <p>
 * The job executor is off, as in the tests: the benchmark runs every job itself, one at a time, on every side, so
 * that the figures are the work's and not the executor's polling. A smaller cycle ({@code benchmark.warm-up-plans},
 * 350) runs first on every side and is not reported, so that none is measured on a cold JIT. Within each
 * phase the sides take their steps in turn, network by network or plan by plan (see {@link #runCycle}). Mail is
 * sent after each phase and measured as a phase of its own, which the bare engine has no counterpart of.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The production batch size, not the tests' smaller one.
        properties = "delivery-progress.cycle.batch-size=" + NationalScenario.BATCH_SIZE)
@ActiveProfiles(resolver = BenchmarkDatabase.class)
@Import(OwnConnection.class)
class CycleBenchmark {

    static final int PLANS = Integer.getInteger("benchmark.plans", 1000);
    static final int PACK_PLANS = Integer.getInteger("benchmark.pack-plans", 1000);
    static final int WARM_UP_PLANS = Integer.getInteger("benchmark.warm-up-plans", 350);

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String PACK_STEP = "ServiceTask_ProduceMeetingPack";
    private static final String BARE_PACK_STEP = "Task_ProduceMeetingPack";
    private static final String SEND_NOTIFICATION = "sendNotification";
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort());

    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
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
    MeetingPacks packs;
    @Autowired
    Officers officers;
    @Autowired
    NetworkRepository networks;
    @Autowired
    NetworkMeetingRepository meetings;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    IndicatorValueRepository indicatorValues;
    @Autowired
    ManagerRights managerRights;
    @Autowired
    Returns returnRecords;
    @Autowired
    TransactionTemplate transaction;

    @Autowired
    KeptIdentities identities;

    @Autowired
    OwnConnection own;

    /** Each bare cycle's returns, by the cycle's business key, filled in as the benchmark opens the cycles. */
    private final Map<String, List<BareReturn>> bareReturns = new HashMap<>();
    private Measurement mail;
    private int remindersReceived;
    private int mailReceived;
    private List<MemoryPoolMXBean> heap;
    private long largestLiveHeap;

    @DynamicPropertySource
    static void mailAndDatabase(DynamicPropertyRegistry registry) throws SQLException {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        BenchmarkDatabase.register(registry, SMTP.getSmtp().getPort());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void nationalCycleOnTheApplicationAndOnTheBareEngine() throws FolderException {
        heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        Report report = Report.ofServer(own.jdbc());
        LocalDate meetingDate = LocalDate.now(LONDON).plusWeeks(8);
        NationalScenario scenario = new NationalScenario(identityService, networks, meetings, plans, managerRights,
                cycleService, returnRecords, indicatorValues, transaction);
        List<Area> warmUpAreas = scenario.seed("WARM", WARM_UP_PLANS, meetingDate);
        List<Area> areas = scenario.seed("LAA", PLANS, meetingDate);
        runOnEverySide(warmUpAreas, areas, report);

        report.figure("peak heap during the cycle, sum of the heap pools' peaks (MB)", megabytes(heap.stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum()));
        report.figure("largest heap live between the cycle's phases, all sides (MB)", megabytes(largestLiveHeap));
        report.figure("heap live after the cycle, the floors closed (MB)", megabytes(liveHeap()));
        report.figure("emails received by the SMTP server", String.valueOf(mailReceived));

        // The largest pack, on its own: if it runs out of memory, the cycle's figures are still reported.
        Cycle large = new NationalScenario(identityService, networks, meetings, plans, managerRights,
                cycleService, returnRecords, indicatorValues, transaction).closedCycleOf(PACK_PLANS, meetingDate);
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Measurement largePack = report.measure("pack", "app", "one pack of " + PACK_PLANS + " plans");
        boolean outOfMemory = false;
        largePack.start();
        try {
            largePack.time(() -> packs.produceAtClose(large.getId()));
        } catch (OutOfMemoryError | RuntimeException e) {
            // The renderer reports a part that ran out of memory as a rendering failure, the error its cause.
            if (!ranOutOfMemory(e)) {
                throw e;
            }
            outOfMemory = true;
            report.figure("pack of " + PACK_PLANS + " plans", "out of memory");
        }
        largePack.stop();
        report.figure("peak heap during the pack of " + PACK_PLANS + " plans (MB)", megabytes(heap.stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum()));
        report.figure("maximum heap (MB)", megabytes(Runtime.getRuntime().maxMemory()));
        int largePackCharts = outOfMemory ? 0 : chartsIn(large);
        if (!outOfMemory) {
            report.figure("charts in the pack of " + PACK_PLANS + " plans", String.valueOf(largePackCharts));
        }

        System.out.println("\nCycle benchmark, " + PLANS + " plans in " + areas.size() + " networks, database "
                + (BenchmarkDatabase.external() ? "external" : "embedded") + "\n" + report.table());
        report.writeCsv(Path.of("target", "benchmark", "cycle-benchmark-" + PLANS + ".csv"));
        assertThat(outOfMemory).as("the pack of " + PACK_PLANS + " plans ran out of memory").isFalse();
        assertThat(packs.versions(large.getId())).as("the large pack").hasSize(1);
        // The two numeric indicators of each plan judged Red or Amber (off target), and the summary's chart.
        long discussed = IntStream.range(0, PACK_PLANS).filter(i -> Script.needsRemedialActions(Script.rag(i))).count();
        assertThat(largePackCharts).as("the large pack's charts").isEqualTo(2 * discussed + 1);
    }

    /**
     * The warm-up's cycle and the measured one, on the application and on both floors. A method of its own so that
     * the floors are gone when it returns: a local variable of the test's frame would keep them, their engines'
     * mappings and caches (80 MB) in the heap the pack is then measured in.
     */
    private void runOnEverySide(List<Area> warmUpAreas, List<Area> areas, Report report) throws FolderException {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        Map<Object, Object> bareBeans = Map.of(
                BareReturnBatch.BEAN, new BareReturnBatch(bareReturns, NationalScenario.BATCH_SIZE),
                BareCloseBatch.BEAN, new BareCloseBatch(NationalScenario.BATCH_SIZE));
        try (BareEngine bare = BareEngine.beside(dataSource, configuration, bareBeans);
                BareEngine authorized = BareEngine.authorizedBeside(dataSource, configuration, bareBeans)) {
            // A smaller cycle first on every side, its figures thrown away, so that none is measured on a cold JIT.
            if (!warmUpAreas.isEmpty()) {
                runCycle(warmUpAreas, Report.ofServer(own.jdbc(), new StatementLog(dataSource)), bare, authorized);
            }
            ClockUtil.reset();
            // A full collection now, so that the pools' peaks count nothing of the warm-up.
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            largestLiveHeap = 0;
            runCycle(areas, report, bare, authorized);
        }
    }

    private static boolean ranOutOfMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The charts the cycle's pack draws: each an inline SVG of its page. */
    private int chartsIn(Cycle cycle) {
        String html = own.jdbc().queryForObject("SELECT html FROM meeting_pack WHERE cycle_id = ?", String.class,
                cycle.getId());
        return html.split("<svg", -1).length - 1;
    }

    /**
     * One whole cycle of the areas' plans on every side, the figures going to the report. Each phase's steps (a
     * network's opening or close, an officer's completion, a timer) are taken in turn: one network's or plan's on the
     * application and the same one's on each bare engine, then the next one's, the side that goes first changing each
     * time. So the sides meet the same load from the machine's neighbours, which moves by more than the difference
     * being measured in the minutes one phase takes; and no side always comes just after another's commit.
     */
    private void runCycle(List<Area> areas, Report report, BareEngine bare, BareEngine authorized)
            throws FolderException {
        mail = report.measure("mail", "app", "an email sent by SMTP in a batch");
        mailReceived = 0;
        remindersReceived = 0;
        List<DeliveryPlan> planList = areas.stream().flatMap(area -> area.plans().stream()).toList();
        int planCount = planList.size();
        Map<String, Integer> indexOfPlan = IntStream.range(0, planCount).boxed()
                .collect(Collectors.toMap(i -> planList.get(i).getReference(), Function.identity()));
        Function<Area, List<Integer>> plansOf = area -> area.plans().stream()
                .map(plan -> indexOfPlan.get(plan.getReference())).toList();

        // Open: a network's cycle on every side, its batches' jobs run one after another.
        PhaseOnEverySide opening = PhaseOnEverySide.of(report, "open", "a network's cycle (<=35 plans)",
                "a network's bare cycle (<=35 plans)");
        List<Cycle> opened = new ArrayList<>();
        List<String> bareCycles = new ArrayList<>();
        List<String> authorizedCycles = new ArrayList<>();
        long[] openingNanos = { 0 };
        for (int step = 0; step < areas.size(); step++) {
            Area area = areas.get(step);
            Runnable onApp = () -> {
                long begin = System.nanoTime();
                open(managementService, () -> cycleService.startOnSchedule(area.meeting().getId()), opening.app());
                openingNanos[0] += System.nanoTime() - begin;
                opened.add(cycles.findByMeetingId(area.meeting().getId()).orElseThrow());
            };
            BiFunction<BareEngine, Measurement, String> onFloor = (floor, measurement) -> {
                // The bare engines' returns take the first cycle's deadlines: the first network opens first.
                CycleDeadlines deadlines = opened.get(0).deadlines();
                List<Integer> areaPlans = plansOf.apply(area);
                String cycleKey = "bare/" + area.meeting().getId();
                bareReturns.computeIfAbsent(cycleKey, key -> areaPlans.stream()
                        .map(i -> BareReturn.of(i, planList.get(i), deadlines)).toList());
                VariableMap cycleVariables = Variables.createVariables()
                        .putValue(CycleVariables.CYCLE_ID, BareEngine.cycleIdOf(areaPlans.get(0)))
                        .putValue(BareEngine.CLOSE_AT, Date.from(deadlines.close()))
                        .putValue(BareReturnBatch.RETURNS_OPENED, 0);
                return open(floor.managementService(), () -> floor.runtimeService()
                        .startProcessInstanceByKey(BareEngine.CYCLE_PROCESS_KEY, cycleKey, cycleVariables),
                        measurement);
            };
            inTurn(step, onApp, () -> bareCycles.add(onFloor.apply(bare, opening.bare())),
                    () -> authorizedCycles.add(onFloor.apply(authorized, opening.authorized())));
        }
        long visible = taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .taskDefinitionKey(TASK_SUBMIT_UPDATE).count();
        assertThat(visible).as("update tasks in Tasklist").isEqualTo(planCount);
        report.figure("time the application took until all " + planCount + " update tasks were visible (ms)",
                String.format("%.0f", openingNanos[0] / 1e6));
        Map<String, Integer> appInstances = instancesByPlan(runtimeService, PROCESS_KEY, indexOfPlan);
        Map<String, Integer> bareInstances = instancesByPlan(bare.runtimeService(), BareEngine.PROCESS_KEY,
                indexOfPlan);
        assertThat(bareInstances).as("bare returns opened").hasSize(planCount);
        Map<String, Integer> authorizedInstances = instancesByPlan(authorized.runtimeService(),
                BareEngine.PROCESS_KEY, indexOfPlan);
        assertThat(authorizedInstances).as("returns opened on the engine with authorizations").hasSize(planCount);
        sendMail();

        CycleDeadlines deadlines = opened.get(0).deadlines();
        Sides sides = new Sides(new Side(taskService, appInstances, officers::signIn, () -> { }),
                new Side(bare.taskService(), bareInstances, officer -> { }, () -> { }),
                new Side(authorized.taskService(), authorizedInstances, officer -> authorized.identityService()
                        .setAuthentication(officer, identities.groupsOf(officer)),
                        authorized.identityService()::clearAuthentication));
        ReportingPeriod reported = ReportingPeriod.quarterOf(areas.get(0).meeting().getMeetingDate()).previous();
        Map<Long, Long> followUps = areas.stream().flatMap(area -> area.toFollowUp().entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        IntPredicate followsUp = i -> followUps.containsKey(planList.get(i).getId());
        IntFunction<Map<String, Object>> update = i -> Script.update(i, reported,
                followUps.get(planList.get(i).getId()));
        IntFunction<String> lead = i -> planList.get(i).getLeadOfficer();
        IntFunction<String> judge = i -> planList.get(i).getJudgingOfficer();
        IntFunction<String> manager = i -> areas.get(i / NationalScenario.PLANS_PER_AREA).manager();

        // Updates on time.
        PhaseOnEverySide submit = PhaseOnEverySide.of(report, "submit", "an update submitted");
        sides.each(TASK_SUBMIT_UPDATE, i -> !Script.late(i), lead, submit,
                (tasks, i, task) -> officers.submit(lead.apply(i), task, update.apply(i)),
                (tasks, i, task) -> tasks.complete(task.getId(), update.apply(i)));
        sendMail();

        // Reminders of the late updates, on the morning they are due.
        ClockUtil.setCurrentTime(Date.from(LocalDate.ofInstant(deadlines.updatesDue(), LONDON).atTime(8, 0)
                .atZone(LONDON).toInstant()));
        PhaseOnEverySide reminders = PhaseOnEverySide.of(report, "reminders", "a late return's morning timer");
        Map<Integer, Job> appTimers = morningTimers(managementService, appInstances);
        Map<Integer, Job> bareTimers = morningTimers(bare.managementService(), bareInstances);
        Map<Integer, Job> authorizedTimers = morningTimers(authorized.managementService(), authorizedInstances);
        assertThat(bareTimers.keySet()).as("late returns on the bare engine").isEqualTo(appTimers.keySet());
        assertThat(authorizedTimers.keySet()).as("late returns on the engine with authorizations")
                .isEqualTo(appTimers.keySet());
        int timer = 0;
        for (int plan : appTimers.keySet()) {
            inTurn(timer++, () -> reminders.app().timeAlone(() -> managementService
                    .executeJob(appTimers.get(plan).getId())),
                    () -> reminders.bare().timeAlone(() -> bare.managementService()
                            .executeJob(bareTimers.get(plan).getId())),
                    () -> reminders.authorized().timeAlone(() -> authorized.managementService()
                            .executeJob(authorizedTimers.get(plan).getId())));
        }
        sendMail();
        assertThat(remindersReceived).as("reminders received by the SMTP server: the lead and the data-entry officer "
                + "of each late update").isEqualTo(2 * IntStream.range(0, planCount).filter(Script::late).count());

        // Late updates, after their reminder; some never come.
        sides.each(TASK_SUBMIT_UPDATE, i -> !Script.neverSubmits(i), lead, submit,
                (tasks, i, task) -> officers.submit(lead.apply(i), task, update.apply(i)),
                (tasks, i, task) -> tasks.complete(task.getId(), update.apply(i)));
        sendMail();

        // Judgements.
        sides.each(TASK_JUDGE_STATUS, i -> true, judge, PhaseOnEverySide.of(report, "judge", "a return judged"),
                (tasks, i, task) -> officers.submit(judge.apply(i), task, Script.judgement(i)),
                (tasks, i, task) -> tasks.complete(task.getId(), Script.judgement(i)));
        sendMail();

        // Remedial actions of the Red and Amber plans, proposed and agreed.
        LocalDate remedialDue = LocalDate.ofInstant(ClockUtil.now().toInstant(), LONDON).plusWeeks(6);
        PhaseOnEverySide remedial = PhaseOnEverySide.of(report, "remedial", "a proposal or an agreement");
        sides.each(TASK_PROPOSE_REMEDIAL_ACTIONS, i -> true, lead, remedial,
                (tasks, i, task) -> officers.submit(lead.apply(i), task, Script.remedialProposal(remedialDue)),
                (tasks, i, task) -> tasks.complete(task.getId(), Script.remedialProposalAsText(remedialDue)));
        // A manager claims an agreement first only if nobody has it, as in Tasklist, which offers no Claim on a task
        // that is already yours: the application's comes to an area's only manager as it is created
        // (AgreeingManager), the bare engine's is offered to the managers' group.
        sides.each(TASK_AGREE_REMEDIAL_ACTIONS, i -> true, manager, remedial,
                (tasks, i, task) -> {
                    if (task.getAssignee() == null) {
                        officers.as(manager.apply(i), () -> {
                            taskService.claim(task.getId(), manager.apply(i));
                            return null;
                        });
                    }
                    officers.submit(manager.apply(i), task, Script.agreement());
                },
                (tasks, i, task) -> {
                    if (task.getAssignee() == null) {
                        tasks.claim(task.getId(), manager.apply(i));
                    }
                    tasks.complete(task.getId(), Script.agreement());
                });
        sendMail();

        // The cycles close: on every side the close timer, then the closing batches' jobs, up to the pack's step.
        PhaseOnEverySide closing = PhaseOnEverySide.of(report, "close", "a network's cycle closed",
                "a network's bare cycle closed");
        for (int step = 0; step < areas.size(); step++) {
            String appCycle = opened.get(step).getProcessInstanceId();
            String bareCycle = bareCycles.get(step);
            String authorizedCycle = authorizedCycles.get(step);
            inTurn(step, () -> close(managementService, appCycle, PACK_STEP, closing.app()),
                    () -> close(bare.managementService(), bareCycle, BARE_PACK_STEP, closing.bare()),
                    () -> close(authorized.managementService(), authorizedCycle, BARE_PACK_STEP, closing.authorized()));
        }
        // The bare engines' pack step has nothing behind it: their cycles end.
        bareCycles.forEach(cycle -> runJobs(bare.managementService(), cycle, Set.of(), Runnable::run));
        authorizedCycles.forEach(cycle -> runJobs(authorized.managementService(), cycle, Set.of(), Runnable::run));

        // The meeting packs, each an asynchronous step of its cycle; then the managers' notices.
        Measurement packApp = report.measure("pack", "app", "a network's pack (35 plans)");
        packApp.start();
        for (Cycle cycle : opened) {
            Job pack = managementService.createJobQuery().processInstanceId(cycle.getProcessInstanceId())
                    .activityId(PACK_STEP).singleResult();
            packApp.time(() -> managementService.executeJob(pack.getId()));
        }
        packApp.stop();
        opened.forEach(cycle -> runJobs(managementService, cycle.getProcessInstanceId(), Set.of(), Runnable::run));
        sendMail();

        checkTheWorkWasDone(opened, bare, authorized, planCount, followsUp);
    }

    /** Jobs or tasks by the plan each is of, in the plans' order; a plan with two of them is a broken run. */
    private static <T> Collector<T, ?, TreeMap<Integer, T>> byPlan(Function<T, Integer> planOf, String what) {
        return Collectors.toMap(planOf, Function.identity(), (one, other) -> {
            throw new IllegalStateException("Two " + what + " for one return");
        }, TreeMap::new);
    }

    /**
     * Takes the sides' shares of a step in turn (the application's, the bare engine's, the engine's with
     * authorizations), each side going first at every third step and the others after it in that order.
     */
    private static void inTurn(int step, Runnable... sides) {
        for (int taken = 0; taken < sides.length; taken++) {
            sides[(step + taken) % sides.length].run();
        }
    }

    private static String megabytes(long bytes) {
        return String.valueOf(bytes / (1024 * 1024));
    }


    /**
     * Opens a cycle as one operation in stretches: its start, then each of its batches' jobs, as the job executor
     * would run them. Answers the cycle's process instance.
     */
    private static String open(ManagementService jobs, Supplier<ProcessInstance> start, Measurement measurement) {
        String[] cycle = { null };
        measurement.inStretches(() -> {
            cycle[0] = measurement.stretch(start).getId();
            runJobs(jobs, cycle[0], Set.of(), measurement::stretch);
        });
        return cycle[0];
    }

    /** Closes a cycle as one operation in stretches: its close timer, then its closing batches' jobs. */
    private static void close(ManagementService jobs, String cycle, String packStep, Measurement measurement) {
        measurement.inStretches(() -> {
            Job closeTimer = jobs.createJobQuery().processInstanceId(cycle).timers().singleResult();
            measurement.stretch(() -> jobs.executeJob(closeTimer.getId()));
            runJobs(jobs, cycle, Set.of(packStep), measurement::stretch);
        });
    }

    /**
     * Runs a process instance's due jobs, as the job executor would, until none is left but the ones held back. Each
     * job is run by {@code runner}, a measurement's stretch: finding the jobs is the benchmark's work (the executor
     * finds several at once, and OpeningWithExecutorBenchmark measures it), not the application's.
     */
    private static void runJobs(ManagementService jobs, String processInstanceId, Set<String> heldBackActivities,
            Consumer<Runnable> runner) {
        while (true) {
            Set<String> heldBack = heldBackActivities.stream()
                    .flatMap(activity -> jobs.createJobQuery().processInstanceId(processInstanceId)
                            .activityId(activity).list().stream())
                    .map(Job::getId).collect(Collectors.toSet());
            List<Job> due = jobs.createJobQuery().processInstanceId(processInstanceId).executable()
                    .list().stream().filter(job -> !heldBack.contains(job.getId())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> runner.accept(() -> jobs.executeJob(job.getId())));
        }
    }

    /** A side's return instances by the plan each is of: its business key ends with the plan's reference. */
    private static Map<String, Integer> instancesByPlan(RuntimeService runtime, String processKey,
            Map<String, Integer> indexOfPlan) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId,
                        instance -> indexOfPlan.get(instance.getBusinessKey().split("/", 2)[1])));
    }

    /** The morning timer of every late return whose update is still open, by plan. */
    private static Map<Integer, Job> morningTimers(ManagementService jobs, Map<String, Integer> instances) {
        return jobs.createJobQuery().timers().list().stream()
                .filter(job -> instances.containsKey(job.getProcessInstanceId())
                        && Script.late(instances.get(job.getProcessInstanceId())))
                .collect(byPlan(job -> instances.get(job.getProcessInstanceId()), "morning timers"));
    }

    /** Empties the outbox, as its schedule would between phases, and counts what the server received. */
    private void sendMail() throws FolderException {
        mail.start();
        int taken;
        do {
            taken = mail.timeEach(() -> mailer.sendNextBatch().taken());
        } while (taken > 0);
        mail.stop();
        assertThat(managementService.createJobQuery().processDefinitionKey(SEND_NOTIFICATION).count())
                .as("emails the outbox could not send").isZero();
        MimeMessage[] received = SMTP.getReceivedMessages();
        mailReceived += received.length;
        remindersReceived += (int) Arrays.stream(received).filter(CycleBenchmark::isReminder).count();
        SMTP.purgeEmailFromAllMailboxes();
        largestLiveHeap = Math.max(largestLiveHeap, liveHeap());
    }

    /**
     * What the heap holds after a full collection, untimed. The pools' peaks say how far the collector let the heap
     * fill, not what the run needs; and what a young collection leaves in the old generation counts its garbage too:
     * until 5 December this figure was read there: 331 and 371 MB at 1,000 plans, where a full collection leaves
     * 232 MB with the three engines and 114 MB with the application alone.
     */
    private long liveHeap() {
        System.gc();
        return heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static boolean isReminder(MimeMessage message) {
        try {
            return message.getSubject().startsWith("Reminder: ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkTheWorkWasDone(List<Cycle> opened, BareEngine bare, BareEngine authorized, int planCount,
            IntPredicate followsUp) {
        long neverSubmitted = IntStream.range(0, planCount).filter(Script::neverSubmits).count();
        long followedUp = IntStream.range(0, planCount).filter(i -> !Script.neverSubmits(i) && followsUp.test(i))
                .count();
        assertThat(followedUp).as("updates following up last quarter's remedial actions").isPositive();
        assertThat(own.jdbc().queryForObject("SELECT COUNT(*) FROM return_remedial_follow_up f JOIN plan_return r"
                + " ON r.id = f.return_id WHERE r.cycle_id IN (" + String.join(",", opened.stream()
                        .map(cycle -> String.valueOf(cycle.getId())).toList()) + ")", Long.class))
                .as("last quarter's remedial actions followed up").isEqualTo(followedUp);
        Map<ReturnState, Long> states = new HashMap<>();
        for (Cycle cycle : opened) {
            for (ReturnState state : List.of(ReturnState.COMPLETE, ReturnState.NO_RETURN)) {
                states.merge(state, returns.countByCycleIdAndState(cycle.getId(), state), Long::sum);
            }
            assertThat(cycles.findById(cycle.getId()).orElseThrow().getState()).isEqualTo(Cycle.State.CLOSED);
            assertThat(packs.versions(cycle.getId())).as("pack of " + cycle.getReference()).hasSize(1);
        }
        assertThat(states).containsEntry(ReturnState.COMPLETE, planCount - neverSubmitted)
                .containsEntry(ReturnState.NO_RETURN, neverSubmitted);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
        assertThat(bare.runtimeService().createProcessInstanceQuery().count()).as("bare instances running").isZero();
        assertThat(authorized.runtimeService().createProcessInstanceQuery().count())
                .as("instances running on the engine with authorizations").isZero();
        assertThat(mailReceived).as("emails received").isGreaterThan(planCount);
    }

    /** A phase's measurements on the application, on the bare engine and on the engine with authorizations. */
    private record PhaseOnEverySide(Measurement app, Measurement bare, Measurement authorized) {

        static PhaseOnEverySide of(Report report, String phase, String unit) {
            return of(report, phase, unit, unit);
        }

        /** With the bare engines' operation named apart from the application's. */
        static PhaseOnEverySide of(Report report, String phase, String unit, String bareUnit) {
            return new PhaseOnEverySide(report.measure(phase, "app", unit),
                    report.measure(phase, Report.BARE, bareUnit), report.measure(phase, Report.AUTHORIZED, bareUnit));
        }
    }

    /**
     * One side's open tasks and how its officers complete them. On the application the officer signs in first,
     * untimed, as they sign in to Tasklist before they work: the completion is timed as the request that completes
     * the task, with their groups kept as their session keeps them. On the engine with authorizations the officer is
     * signed in likewise, with the same groups, and signed out after the work.
     */
    private record Side(TaskService tasks, Map<String, Integer> planOfInstance, Consumer<String> signIn,
            Runnable signOut) {

        interface Work {
            void complete(TaskService tasks, int plan, Task task);
        }

        /** The side's open tasks of a kind of the plans chosen, by plan. */
        Map<Integer, Task> open(String taskDefinitionKey, IntPredicate chosen) {
            return tasks.createTaskQuery().taskDefinitionKey(taskDefinitionKey).list().stream()
                    .filter(task -> planOfInstance.containsKey(task.getProcessInstanceId())
                            && chosen.test(planOfInstance.get(task.getProcessInstanceId())))
                    .collect(byPlan(task -> planOfInstance.get(task.getProcessInstanceId()), taskDefinitionKey
                            + " tasks"));
        }

        void complete(int plan, Task task, String officer, Measurement measurement, Work work) {
            signIn.accept(officer);
            try {
                measurement.timeAlone(() -> work.complete(tasks, plan, task));
            } finally {
                signOut.run();
            }
        }
    }

    /**
     * The three sides, whose officers complete the same plans' tasks in turn; the two bare engines' officers do the
     * same work.
     */
    private record Sides(Side app, Side bare, Side authorized) {

        void each(String taskDefinitionKey, IntPredicate chosen, IntFunction<String> officerOf,
                PhaseOnEverySide phase, Side.Work appWork, Side.Work bareWork) {
            Map<Integer, Task> appTasks = app.open(taskDefinitionKey, chosen);
            Map<Integer, Task> bareTasks = bare.open(taskDefinitionKey, chosen);
            Map<Integer, Task> authorizedTasks = authorized.open(taskDefinitionKey, chosen);
            assertThat(bareTasks.keySet()).as(taskDefinitionKey + " tasks open on the bare engine")
                    .isEqualTo(appTasks.keySet());
            assertThat(authorizedTasks.keySet()).as(taskDefinitionKey + " tasks open on the engine with authorizations")
                    .isEqualTo(appTasks.keySet());
            int step = 0;
            for (int plan : appTasks.keySet()) {
                String officer = officerOf.apply(plan);
                inTurn(step++, () -> app.complete(plan, appTasks.get(plan), officer, phase.app(), appWork),
                        () -> bare.complete(plan, bareTasks.get(plan), officer, phase.bare(), bareWork),
                        () -> authorized.complete(plan, authorizedTasks.get(plan), officer, phase.authorized(),
                                bareWork));
            }
        }
    }
}
