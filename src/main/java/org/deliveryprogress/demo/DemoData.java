package org.deliveryprogress.demo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.deliveryprogress.identity.ManagerRights;
import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.packs.MeetingPacks;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnUpdate;
import org.deliveryprogress.returns.Returns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo ({@code demo/demo-data.json}): its networks (SCN with the plans of the seeds and one whose actions are all
 * done, and a small second one), their plans' indicators' past values, their officers and managers (password
 * {@code demo}); for each network last quarter's closed cycle with its pack, a meeting in three weeks whose cycle is
 * open, and a meeting next quarter whose cycle the schedule opens on its opening day. Loaded once, on the first start
 * of the demo profile.
 */
@Component
@Profile("demo")
@Order(2)
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record Document(List<NetworkData> networks, List<UserData> users) {
    }

    /**
     * A network of the demo. SCN has its lead officers submit (entryOfficersMaySubmit false), as on the paper form:
     * its data-entry officers (clerk for lead's plans, clerk2 for lead4's) show the hand-over, the only way their
     * drafts reach the engine there. HWB keeps its judging officers independent of the updates they judge
     * (officersMayJudgeOwnPlans false); SCN, like a network the JSON says nothing of, lets them be the same.
     */
    record NetworkData(String code, String name, HolidayRegion region, String managerGroup,
            boolean entryOfficersMaySubmit, Boolean officersMayJudgeOwnPlans, List<PlanData> plans) {
    }

    record UserData(String id, String firstName, String lastName, String email, List<String> groups) {
    }

    record PlanData(String reference, String title, String leadOfficer, String judgingOfficer,
            String dataEntryOfficer, String agency, String contact, String keyPartners, String partnershipGroup,
            String priority, String theme, List<IndicatorData> indicators, List<ActionData> actions,
            ReturnData lastReturn) {
    }

    record IndicatorData(String code, String description, String baseline, String unit, boolean higherIsBetter,
            List<Map<String, String>> targets, List<ValueData> values) {
    }

    /** A past value of a numeric indicator, for a quarter ("2026/27 Q2") or a year ("2025/26"). */
    record ValueData(String period, BigDecimal value, String note) {
    }

    record ActionData(String reference, String objective, String action, String milestones, String owner,
            String deadline, String priority, String status, String resources, String risk) {
    }

    record ReturnData(String achievements, String plannedActivities, String blockages, RagStatus ragStatus,
            String judgementComment, List<RemedialAction.Proposal> remedialActions) {
    }

    private final ObjectMapper objectMapper;
    private final IdentityService identityService;
    private final NetworkRepository networks;
    private final NetworkMeetingRepository meetings;
    private final DeliveryPlanRepository plans;
    private final IndicatorValueRepository indicatorValues;
    private final CycleService cycles;
    private final Returns returns;
    private final TransactionTemplate transaction;
    private final ManagerRights managerRights;
    private final CycleRepository cycleRepository;
    private final MeetingPacks packs;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    DemoData(ObjectMapper objectMapper, IdentityService identityService, NetworkRepository networks,
            NetworkMeetingRepository meetings, DeliveryPlanRepository plans,
            IndicatorValueRepository indicatorValues, CycleService cycles, Returns returns,
            TransactionTemplate transaction, ManagerRights managerRights, CycleRepository cycleRepository,
            MeetingPacks packs, WorkingDayCalendar calendar, Clock clock,
            CycleProperties cycleProperties) {
        this.objectMapper = objectMapper;
        this.identityService = identityService;
        this.networks = networks;
        this.meetings = meetings;
        this.plans = plans;
        this.indicatorValues = indicatorValues;
        this.cycles = cycles;
        this.returns = returns;
        this.transaction = transaction;
        this.managerRights = managerRights;
        this.cycleRepository = cycleRepository;
        this.packs = packs;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = cycleProperties.timeZone();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Document demo;
        try (InputStream json = new ClassPathResource("demo/demo-data.json").getInputStream()) {
            demo = objectMapper.readValue(json, Document.class);
        }
        if (networks.findByCode(demo.networks().get(0).code()).isPresent()) {
            return;
        }
        List<NetworkMeeting> upcoming = demo.networks().stream()
                .map(data -> transaction.execute(status -> createNetwork(data, importer(demo, data)))).toList();
        upcoming.forEach(meeting -> managerRights.grantManagerRights(meeting.getNetwork()));
        demo.users().forEach(this::createUser);
        // Last quarter's pack, as its cycle would have produced it when it closed.
        upcoming.forEach(meeting -> cycleRepository.findByMeetingNetworkIdOrderByMeetingMeetingDate(
                meeting.getNetwork().getId()).forEach(closed -> packs.produceAtClose(closed.getId())));
        upcoming.forEach(meeting -> cycles.startOnSchedule(meeting.getId()));
        log.info("Demo data loaded: networks {}, users {} with password '{}'",
                demo.networks().stream().map(NetworkData::code).toList(),
                demo.users().stream().map(UserData::id).toList(), DEMO_PASSWORD);
    }

    /** Who imported the network's past values: its first manager, as managers import a network's register. */
    private static String importer(Document demo, NetworkData network) {
        return demo.users().stream().filter(user -> user.groups().contains(network.managerGroup())).map(UserData::id)
                .findFirst().orElseThrow(() -> new IllegalStateException(network.code() + " has no manager"));
    }

    /**
     * Creates the network, its plans and meetings and last quarter's cycle, its plans' past values imported by the
     * given manager; answers the meeting to open now.
     */
    private NetworkMeeting createNetwork(NetworkData data, String importer) {
        Network created = new Network(data.code(), data.name(), data.region(), data.managerGroup(),
                CycleOffsets.defaults());
        created.letEntryOfficersSubmit(data.entryOfficersMaySubmit());
        created.letOfficersJudgeOwnPlans(!Boolean.FALSE.equals(data.officersMayJudgeOwnPlans()));
        Network network = networks.save(created);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        NetworkMeeting lastQuarter = meetings.save(new NetworkMeeting(network,
                workingDayFrom(today.minusWeeks(10), data.region())));
        NetworkMeeting upcoming = meetings.save(new NetworkMeeting(network,
                workingDayFrom(today.plusWeeks(3), data.region())));
        meetings.save(new NetworkMeeting(network, workingDayFrom(today.plusWeeks(16), data.region())));
        Cycle pastCycle = cycles.recordPast(lastQuarter);
        for (PlanData planData : data.plans()) {
            DeliveryPlan plan = plans.save(plan(network, planData));
            recordPastValues(plan, planData, importer);
            ReturnData last = planData.lastReturn();
            if (last != null) {
                returns.recordPast(pastCycle, plan,
                        new ReturnUpdate(last.achievements(), last.plannedActivities(), last.blockages()),
                        last.ragStatus(), last.judgementComment(),
                        last.remedialActions() == null ? List.of() : last.remedialActions());
            }
        }
        return upcoming;
    }

    private static DeliveryPlan plan(Network network, PlanData data) {
        DeliveryPlan plan = new DeliveryPlan(network, data.reference(), data.title(), data.leadOfficer(),
                data.judgingOfficer());
        plan.setDataEntryOfficer(data.dataEntryOfficer());
        plan.describe(data.agency(), data.contact(), data.partnershipGroup(), data.priority(), data.theme());
        plan.setKeyPartners(data.keyPartners());
        for (IndicatorData indicatorData : data.indicators() == null ? List.<IndicatorData>of() : data.indicators()) {
            PlanIndicator indicator = plan.addIndicator(indicatorData.code(), indicatorData.description(),
                    indicatorData.baseline(), indicatorData.unit(), indicatorData.higherIsBetter());
            if (indicatorData.targets() != null) {
                indicatorData.targets()
                        .forEach(target -> indicator.setTarget(target.get("year"), target.get("target")));
            }
        }
        for (ActionData actionData : data.actions() == null ? List.<ActionData>of() : data.actions()) {
            PlanAction action = plan.addAction(actionData.reference(), actionData.action(), actionData.status());
            action.describe(actionData.objective(), actionData.milestones(), actionData.owner(),
                    actionData.priority());
            action.setResources(actionData.resources());
            action.setRisk(actionData.risk());
            action.setDeadline(actionData.deadline(), null);
        }
        return plan;
    }

    /** The values the plan reported before the application, as the manager's import of them would record. */
    private void recordPastValues(DeliveryPlan plan, PlanData data, String importer) {
        Instant now = clock.instant();
        for (IndicatorData indicator : data.indicators() == null ? List.<IndicatorData>of() : data.indicators()) {
            for (ValueData past : indicator.values() == null ? List.<ValueData>of() : indicator.values()) {
                IndicatorValue value = new IndicatorValue(plan, indicator.code(),
                        ReportingPeriod.parse(past.period()).orElseThrow());
                value.record(past.value(), null, past.note(), null, importer, now);
                indicatorValues.save(value);
            }
        }
    }

    private void createUser(UserData data) {
        if (identityService.createUserQuery().userId(data.id()).count() == 0) {
            User user = identityService.newUser(data.id());
            user.setFirstName(data.firstName());
            user.setLastName(data.lastName());
            user.setEmail(data.email());
            user.setPassword(DEMO_PASSWORD);
            identityService.saveUser(user);
        }
        for (String group : data.groups()) {
            if (identityService.createUserQuery().userId(data.id()).memberOfGroup(group).count() == 0) {
                identityService.createMembership(data.id(), group);
            }
        }
    }

    /** Meetings fall on working days: the date itself or the next working day after it. */
    private LocalDate workingDayFrom(LocalDate date, HolidayRegion region) {
        LocalDate day = date;
        while (!calendar.isWorkingDay(day, region)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
