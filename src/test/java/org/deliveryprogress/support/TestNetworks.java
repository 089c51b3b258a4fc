package org.deliveryprogress.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.deliveryprogress.identity.ManagerRights;
import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Networks made for one test each, so that tests sharing the application (and its demo data) do not see each
 * other's plans. Their plans are held by the demo officers (lead, judge and clerk) unless a test names its own.
 */
@Component
public class TestNetworks {

    /** Test networks are managed by the demo's manager ({@code manager}), like the demo network. */
    public static final String MANAGER_GROUP = "scn-managers";

    private static final AtomicInteger sequence = new AtomicInteger();

    public record TestNetwork(Network network, NetworkMeeting meeting, List<DeliveryPlan> plans) {

        public DeliveryPlan plan() {
            return plans.get(0);
        }
    }

    private final NetworkRepository networks;
    private final NetworkMeetingRepository meetings;
    private final DeliveryPlanRepository plans;
    private final ManagerRights managerRights;

    TestNetworks(NetworkRepository networks, NetworkMeetingRepository meetings, DeliveryPlanRepository plans,
            ManagerRights managerRights) {
        this.networks = networks;
        this.meetings = meetings;
        this.plans = plans;
        this.managerRights = managerRights;
    }

    /** A network with the given number of active plans and a meeting four weeks ahead. */
    @Transactional
    public TestNetwork create(int planCount) {
        return create(planCount, LocalDate.now().plusWeeks(4));
    }

    /** A network in England with the given number of active plans and a meeting on the given day. */
    @Transactional
    public TestNetwork create(int planCount, LocalDate meetingDate) {
        return create(planCount, meetingDate, MANAGER_GROUP, "lead", "judge", "clerk");
    }

    /**
     * A network of people of its own: its manager group, and the officers of its plans (no data-entry officer when
     * null), with a meeting four weeks ahead.
     */
    @Transactional
    public TestNetwork create(int planCount, String managerGroup, String lead, String judge, String dataEntry) {
        return create(planCount, LocalDate.now().plusWeeks(4), managerGroup, lead, judge, dataEntry);
    }

    private TestNetwork create(int planCount, LocalDate meetingDate, String managerGroup, String lead, String judge,
            String dataEntry) {
        int number = sequence.incrementAndGet();
        String code = "T" + number + "-" + System.nanoTime() % 100_000;
        Network network = networks.save(new Network(code, "Test network " + code, HolidayRegion.ENGLAND_AND_WALES,
                managerGroup, CycleOffsets.defaults()));
        managerRights.grantManagerRights(network);
        NetworkMeeting meeting = meetings.save(new NetworkMeeting(network, meetingDate));
        List<DeliveryPlan> created = new ArrayList<>();
        for (int i = 1; i <= planCount; i++) {
            DeliveryPlan plan = new DeliveryPlan(network, code + "-P" + i, "Test plan " + i + " of " + code, lead,
                    judge);
            plan.setDataEntryOfficer(dataEntry);
            created.add(plans.save(plan));
        }
        return new TestNetwork(network, meeting, created);
    }

    /**
     * Gives the plan two indicators (NI 1, a percentage with a target of 76.0 for this financial year and for the
     * year of last quarter, which tests report on; and LI 9, measured in words) and two open actions (CS.1 on track,
     * CS.2 not started), as a return's update must then answer.
     */
    @Transactional
    public void withEvidence(DeliveryPlan plan) {
        DeliveryPlan stored = plans.findById(plan.getId()).orElseThrow();
        ReportingPeriod thisQuarter = ReportingPeriod.quarterOf(LocalDate.now());
        PlanIndicator ni1 = stored.addIndicator("NI 1", "People who believe people from different backgrounds get on "
                + "well", "74.6", "%", true);
        ni1.setTarget(thisQuarter.previous().year(), "76.0");
        ni1.setTarget(thisQuarter.year(), "76.0");
        stored.addIndicator("LI 9", "Cohesion strategy adopted by every district", "Not yet", null, true);
        stored.addAction("CS.1", "Run the cohesion survey in every district", "on track");
        stored.addAction("CS.2", "Train frontline staff in tension monitoring", "not started");
    }

    /** Gives a plan's action the paper form's Resources and Risk. */
    @Transactional
    public void describeAction(DeliveryPlan plan, String reference, String resources, String risk) {
        PlanAction action = plans.findById(plan.getId()).orElseThrow().action(reference).orElseThrow();
        action.setResources(resources);
        action.setRisk(risk);
    }

    /** Sets whether the network's data-entry officers may submit updates (a new network's lead officers submit). */
    @Transactional
    public void letEntryOfficersSubmit(TestNetwork network, boolean entryOfficersMaySubmit) {
        networks.findById(network.network().getId()).orElseThrow().letEntryOfficersSubmit(entryOfficersMaySubmit);
    }

    /** Sets whether a plan's judging officer may also be its lead or data-entry officer (a new network's may). */
    @Transactional
    public void letOfficersJudgeOwnPlans(TestNetwork network, boolean officersMayJudgeOwnPlans) {
        networks.findById(network.network().getId()).orElseThrow().letOfficersJudgeOwnPlans(officersMayJudgeOwnPlans);
    }

    @Transactional
    public void retire(DeliveryPlan plan) {
        plans.findById(plan.getId()).orElseThrow().retire();
    }
}
