package org.deliveryprogress.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.identity.ManagerRights;
import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnUpdate;
import org.deliveryprogress.returns.Returns;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local Area Agreements as they would stand on one national installation: areas of 35 plans, each with its own
 * manager group and manager, and a lead, judging and data-entry officer for every ten plans, and last quarter's cycle
 * closed. Seeded straight into the register, the returns and the engine's identity tables, outside what is measured.
 */
final class NationalScenario {

    static final int PLANS_PER_AREA = 35;
    /** Returns opened or closed in one job, as in production (application.yaml), not the tests' smaller batches. */
    static final int BATCH_SIZE = 100;
    static final int PLANS_PER_OFFICER = 10;

    /**
     * An area and its meeting; {@code toFollowUp} holds, by plan id, the remedial action its plan agreed last quarter,
     * which this quarter's update follows up (three plans in ten have one).
     */
    record Area(Network network, NetworkMeeting meeting, String manager, List<DeliveryPlan> plans,
            Map<Long, Long> toFollowUp) {
    }

    private record ClosedCycle(Cycle cycle, Map<Long, Long> agreedActions) {
    }

    private final IdentityService identityService;
    private final NetworkRepository networks;
    private final NetworkMeetingRepository meetings;
    private final DeliveryPlanRepository plans;
    private final ManagerRights managerRights;
    private final CycleService cycleService;
    private final Returns returns;
    private final IndicatorValueRepository indicatorValues;
    private final TransactionTemplate transaction;

    NationalScenario(IdentityService identityService, NetworkRepository networks, NetworkMeetingRepository meetings,
            DeliveryPlanRepository plans, ManagerRights managerRights, CycleService cycleService, Returns returns,
            IndicatorValueRepository indicatorValues, TransactionTemplate transaction) {
        this.identityService = identityService;
        this.networks = networks;
        this.meetings = meetings;
        this.plans = plans;
        this.managerRights = managerRights;
        this.cycleService = cycleService;
        this.returns = returns;
        this.indicatorValues = indicatorValues;
        this.transaction = transaction;
    }

    /**
     * The areas holding {@code planCount} plans in all, every one meeting on {@code meetingDate} after last quarter's
     * cycle closed, their codes starting with {@code prefix}. Areas of another prefix share their officers.
     */
    List<Area> seed(String prefix, int planCount, LocalDate meetingDate) {
        int officers = officersFor(planCount);
        List<Area> areas = new ArrayList<>();
        int areaCount = (planCount + PLANS_PER_AREA - 1) / PLANS_PER_AREA;
        for (int a = 1; a <= areaCount; a++) {
            int first = (a - 1) * PLANS_PER_AREA;
            areas.add(afterLastQuarter(area(String.format("%s%03d", prefix, a), first,
                    Math.min(PLANS_PER_AREA, planCount - first), officers, meetingDate)));
        }
        return areas;
    }

    /**
     * One network of {@code planCount} plans and no cycle before, its officers shared with other networks' as
     * {@link #seed}'s are.
     */
    Area network(String code, int planCount, LocalDate meetingDate) {
        return area(code, 0, planCount, officersFor(planCount), meetingDate);
    }

    /** Seeds a lead, judging and data-entry officer for every ten plans; answers how many of each. */
    private int officersFor(int planCount) {
        int officers = Math.max(1, planCount / PLANS_PER_OFFICER);
        for (int i = 1; i <= officers; i++) {
            user(leadOf(i));
            user(judgeOf(i));
            user(clerkOf(i));
        }
        return officers;
    }

    /**
     * A network of {@code planCount} plans whose cycle closed with every plan returned and judged (30% Red or Amber
     * with agreed remedial actions), after a quarter before it: the largest pack a manager would ask for, made
     * without running its cycle. Each return carries the evidence an update gives in the cycle (its indicators'
     * values, recorded in the plan's series, and its actions' progress), so that the pack shows what a real one does:
     * the charts of the indicators of the plans the meeting discusses among them.
     */
    Cycle closedCycleOf(int planCount, LocalDate meetingDate) {
        Area area = afterLastQuarter(area("PACK", 0, planCount, Math.max(1, planCount / PLANS_PER_OFFICER),
                meetingDate));
        return recordClosedCycle(area, area.meeting(), 0).cycle();
    }

    /**
     * The area with last quarter's cycle closed, three in ten of its plans with a remedial action agreed. Its statuses
     * are shifted by one plan from this quarter's, so that its changes go both ways.
     */
    private Area afterLastQuarter(Area area) {
        NetworkMeeting lastQuarter = transaction.execute(status -> meetings.save(new NetworkMeeting(area.network(),
                area.meeting().getMeetingDate().minusWeeks(13))));
        return new Area(area.network(), area.meeting(), area.manager(), area.plans(),
                recordClosedCycle(area, lastQuarter, 1).agreedActions());
    }

    private ClosedCycle recordClosedCycle(Area area, NetworkMeeting meeting, int shift) {
        Cycle cycle = transaction.execute(status -> cycleService.recordPast(meeting));
        // The quarter a return reports on: the one before its meeting's.
        ReportingPeriod period = ReportingPeriod.quarterOf(meeting.getMeetingDate()).previous();
        Instant recordedAt = meeting.getMeetingDate().minusWeeks(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<DeliveryPlan> areaPlans = area.plans();
        Map<Long, Long> agreedActions = new HashMap<>();
        for (int from = 0; from < areaPlans.size(); from += 100) {
            int batchStart = from;
            transaction.executeWithoutResult(status -> {
                for (int i = batchStart; i < Math.min(batchStart + 100, areaPlans.size()); i++) {
                    DeliveryPlan plan = areaPlans.get(i);
                    indicatorValues.saveAll(Script.numericValues(plan, i + shift, period, recordedAt));
                    RagStatus rag = Script.rag(i + shift);
                    PlanReturn recorded = returns.recordPast(cycle, plan, new ReturnUpdate(
                            Script.ACHIEVEMENTS_TEXT, Script.PLANNED_TEXT, Script.blockages(i)), rag,
                            Script.judgementComment(i + shift, rag),
                            Script.needsRemedialActions(rag) ? List.of(new RemedialAction.Proposal(
                                    Script.REMEDIAL_ACTION, Script.REMEDIAL_OWNER, meeting.getMeetingDate()
                                            .plusWeeks(6))) : List.of());
                    recorded.getRemedialActions().forEach(action -> agreedActions.put(plan.getId(), action.getId()));
                }
            });
        }
        return new ClosedCycle(cycle, agreedActions);
    }

    private Area area(String code, int firstPlan, int planCount, int officers, LocalDate meetingDate) {
        String managerGroup = code.toLowerCase() + "-managers";
        String manager = code.toLowerCase() + "-manager";
        if (identityService.createGroupQuery().groupId(managerGroup).count() == 0) {
            Group group = identityService.newGroup(managerGroup);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
        user(manager);
        identityService.createMembership(manager, managerGroup);
        return transaction.execute(status -> {
            Network network = networks.save(new Network(code, "Local Area Agreement " + code,
                    HolidayRegion.ENGLAND_AND_WALES, managerGroup, CycleOffsets.defaults()));
            managerRights.grantManagerRights(network);
            NetworkMeeting meeting = meetings.save(new NetworkMeeting(network, meetingDate));
            List<DeliveryPlan> created = new ArrayList<>();
            for (int p = 0; p < planCount; p++) {
                int officer = (firstPlan + p) % officers + 1;
                DeliveryPlan plan = new DeliveryPlan(network, code + "-P" + (p + 1),
                        "Delivery plan " + (p + 1) + " of " + code, leadOf(officer), judgeOf(officer));
                plan.setDataEntryOfficer(clerkOf(officer));
                plan.describe("Partner agency " + (p % 7 + 1), "Contact " + (p + 1), "Safer communities",
                        "Priority " + (p % 3 + 1), "Theme " + (p % 5 + 1));
                // The targets of the year the update reports on: the quarter before the meeting.
                Script.evidenceOf(plan, ReportingPeriod.quarterOf(meetingDate).previous().year());
                created.add(plans.save(plan));
            }
            return new Area(network, meeting, manager, created, Map.of());
        });
    }

    private void user(String id) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("Officer");
            user.setEmail(id + "@example.org");
            identityService.saveUser(user);
        }
    }

    private static String leadOf(int officer) {
        return String.format("lead%04d", officer);
    }

    private static String judgeOf(int officer) {
        return String.format("judge%04d", officer);
    }

    private static String clerkOf(int officer) {
        return String.format("clerk%04d", officer);
    }
}
