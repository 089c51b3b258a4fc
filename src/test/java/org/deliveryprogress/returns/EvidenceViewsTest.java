package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleDeadlines;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.StatusRules;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.ReportingPeriod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A return's evidence as people read it, built from a return in memory. */
@DisplayName("A return's evidence as people read it")
class EvidenceViewsTest {

    private static final Instant SUBMITTED = Instant.parse("2026-06-01T09:00:00Z");

    private final EvidenceViews views = new EvidenceViews(null,
            new CycleProperties(100, ZoneId.of("Europe/London"), LocalTime.of(17, 0)));
    private final Network network = new Network("SCN", "Safer Communities", HolidayRegion.ENGLAND_AND_WALES,
            "scn-managers", CycleOffsets.defaults());
    private final DeliveryPlan plan = new DeliveryPlan(network, "CC-NI1", "Cohesion", "lead", "judge");

    @Test
    @DisplayName("checks each value against the target of its own period's financial year: a spring meeting hears of "
            + "the last quarter of the year before, against that year's target")
    void targetOfTheValuesYear() {
        for (String code : List.of("NI 1", "NI 2", "LI 9")) {
            plan.addIndicator(code, "Indicator " + code, "70", "%", true).setTarget("2025/26", "75");
            plan.indicator(code).orElseThrow().setTarget("2026/27", "80");
        }
        // 10 June 2026 falls in 2026/27 Q1.
        PlanReturn planReturn = submitted(LocalDate.of(2026, 6, 10), new Evidence(List.of(
                answer("NI 1", "2025/26 Q4", "76"), answer("NI 2", "2026/27 Q1", "78"),
                new Evidence.IndicatorAnswer("LI 9", null, null, "Counted in the autumn", true)), List.of(),
                List.of()));

        EvidenceView evidence = views.of(planReturn);

        assertThat(evidence.indicators()).extracting(EvidenceView.IndicatorLine::code,
                EvidenceView.IndicatorLine::targetShownWithYear, EvidenceView.IndicatorLine::checkShown)
                .containsExactly(tuple("NI 1", "75 % (2025/26)", "on target"),
                        tuple("NI 2", "80 % (2026/27)", "2.5% short of target: Amber"),
                        tuple("LI 9", "80 % (2026/27)", null));
        StatusSuggestion suggestion = evidence.suggestion().orElseThrow();
        assertThat(suggestion.status()).isEqualTo(RagStatus.Amber);
        assertThat(suggestion.reasons()).containsExactly(
                "NI 2: 78 % (2026/27 Q1) against a target of 80 % for 2026/27, 2.5% short of target: Amber.");
    }

    @Test
    @DisplayName("shows a value written with its unit with the unit once, spaced as the plan's series shows it")
    void aValueWrittenWithItsUnit() {
        plan.addIndicator("NI 1", "Getting on well", "70", "%", true).setTarget("2026/27", "80");
        plan.addIndicator("LI 2", "Groups funded", "10", "groups", true).setTarget("2026/27", "12");
        PlanReturn planReturn = submitted(LocalDate.of(2026, 12, 29), new Evidence(List.of(
                answer("NI 1", "2026/27 Q2", "75.9%"), answer("LI 2", "2026/27 Q2", "11")), List.of(), List.of()));

        EvidenceView evidence = views.of(planReturn);

        assertThat(evidence.indicators()).extracting(EvidenceView.IndicatorLine::valueShown)
                .containsExactly("75.9 % (2026/27 Q2)", "11 groups (2026/27 Q2)");
        assertThat(evidence.suggestion().orElseThrow().reasons()).first().asString()
                .startsWith("NI 1: 75.9 % (2026/27 Q2) against a target of 80 % for 2026/27");
    }

    @Test
    @DisplayName("gives the reason of an action behind without the full stop its plan's wording may end with")
    void anActionWordedAsASentence() {
        plan.addAction("CS.2", "Train the staff, after the Pilkington case.", "on track");
        PlanReturn planReturn = submitted(LocalDate.of(2026, 12, 29), new Evidence(List.of(), List.of(
                new Evidence.ActionProgress("CS.2", "behind", "Waiting for the police")), List.of()));

        assertThat(views.of(planReturn).suggestion().orElseThrow().reasons()).containsExactly(
                "CS.2: Train the staff, after the Pilkington case: reported behind: Amber.");
    }

    @Test
    @DisplayName("keeps the targets and deadlines of its submission: a target or deadline changed in the register "
            + "later changes nothing of what a past return shows or suggests")
    void keepsTheRegisterOfItsSubmission() {
        plan.addIndicator("NI 1", "Getting on well", "70", "%", true).setTarget("2026/27", "80");
        plan.addAction("CS.1", "Run the survey", "on track").setDeadline("Dec 2026", LocalDate.of(2026, 12, 31));
        PlanReturn planReturn = submitted(LocalDate.of(2026, 12, 29), new Evidence(List.of(
                answer("NI 1", "2026/27 Q2", "80")), List.of(new Evidence.ActionProgress("CS.1", "on track", null)),
                List.of()));

        plan.indicator("NI 1").orElseThrow().setTarget("2026/27", "90");
        plan.action("CS.1").orElseThrow().setDeadline("Jan 2026", LocalDate.of(2026, 1, 31));
        EvidenceView evidence = views.of(planReturn);

        assertThat(evidence.indicators()).extracting(EvidenceView.IndicatorLine::targetShown,
                EvidenceView.IndicatorLine::checkShown).containsExactly(tuple("80 %", "on target"));
        assertThat(evidence.actions()).extracting(EvidenceView.ActionLine::deadline, EvidenceView.ActionLine::behind)
                .containsExactly(tuple(LocalDate.of(2026, 12, 31), false));
        assertThat(evidence.suggestion().orElseThrow().status()).isEqualTo(RagStatus.Green);
    }

    @Test
    @DisplayName("by the network's rule that Red is for an indicator not improving, a value beyond Amber's tolerance "
            + "but better than the one before suggests Amber, and says so")
    void redOnlyWhenNotImproving() {
        network.changeStatusRules(new StatusRules(BigDecimal.ZERO, BigDecimal.TEN, true));
        plan.addIndicator("NI 1", "Getting on well", "60", "%", true).setTarget("2026/27", "80");
        plan.addIndicator("NI 2", "Feeling safe", "60", "%", true).setTarget("2026/27", "80");
        Evidence.IndicatorAnswer improving = answer("NI 1", "2026/27 Q2", "70");
        improving.follow("2026/27 Q1", "65");
        Evidence.IndicatorAnswer falling = answer("NI 2", "2026/27 Q2", "70");
        falling.follow("2026/27 Q1", "72");
        PlanReturn planReturn = submitted(LocalDate.of(2026, 12, 29), new Evidence(List.of(improving, falling),
                List.of(), List.of()));

        EvidenceView evidence = views.of(planReturn);

        assertThat(evidence.indicators()).extracting(EvidenceView.IndicatorLine::checkShown,
                EvidenceView.IndicatorLine::directionShown).containsExactly(
                        tuple("12.5% short of target but improving: Amber", "Better than 65 % (2026/27 Q1)"),
                        tuple("12.5% short of target: Red", "Worse than 72 % (2026/27 Q1)"));
        assertThat(evidence.suggestion().orElseThrow().status()).isEqualTo(RagStatus.Red);
    }

    /**
     * The plan's return for the network's meeting on that day, its update submitted with the evidence given, which
     * keeps the register's targets and deadlines as they are then.
     */
    private PlanReturn submitted(LocalDate meetingDate, Evidence evidence) {
        Cycle cycle = new Cycle(new NetworkMeeting(network, meetingDate), "SCN-" + meetingDate, new CycleDeadlines(
                SUBMITTED, SUBMITTED, SUBMITTED, SUBMITTED, SUBMITTED), SUBMITTED, "admin");
        PlanReturn planReturn = new PlanReturn(cycle, plan);
        planReturn.submitUpdate(new ReturnUpdate("Done.", "More.", null), evidence, "lead", SUBMITTED);
        return planReturn;
    }

    private static Evidence.IndicatorAnswer answer(String code, String period, String value) {
        return new Evidence.IndicatorAnswer(code, ReportingPeriod.parse(period).orElseThrow(), value, null, false);
    }
}
