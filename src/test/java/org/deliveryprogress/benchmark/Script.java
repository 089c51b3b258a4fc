package org.deliveryprogress.benchmark;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.returns.RagStatus;

/**
 * What the officers of the i-th plan do, the same on both sides: one plan in ten is late and reminded, half of those
 * then submit and the other half never do (the cycle closes them as no return); three in ten are judged Red or Amber
 * and get a remedial action agreed. Texts are a few hundred characters, as real updates are at the least; every update
 * gives its plan's three indicators' values and its two open actions' progress, and follows up the remedial action
 * its plan agreed last quarter, where it agreed one (three plans in ten).
 */
final class Script {

    static final String ACHIEVEMENTS_TEXT = """
            Partners met monthly and the tension monitoring group reported on time. Community cohesion funding of \
            £25,000 reached twelve voluntary groups; four new café forums ran in the wards with the lowest sense \
            of belonging. The annual place survey shows the indicator moving towards the target, and the youth \
            engagement scheme recruited 48 young people, above the 40 planned for the quarter.""";
    static final String PLANNED_TEXT = """
            Hold the next tension monitoring meeting with the police and housing partners; commission the second \
            round of small grants; publish the interim evaluation of the café forums and agree the next year's \
            targets with the partnership board.""";
    static final String BLOCKAGE_TEXT = """
            The analyst post funded by the partnership has been vacant since March: the quarterly data for two \
            indicators is late, and the partnership is asked to agree interim cover.""";
    static final String REMEDIAL_ACTION = "Recruit interim analyst cover and publish the missing quarterly data";
    static final String REMEDIAL_OWNER = "Partnership support team";
    static final String SURVEY = "NI 1";
    static final String INCIDENTS = "NI 2";
    static final String STRATEGY = "LI 3";
    private static final String INCIDENTS_VALUE = "138";
    private static final String INCIDENTS_NOTE = "Fewer reports from the two schools after the assemblies";
    private static final String FOLLOW_UP_NOTE = "Interim cover agreed; the analyst starts next month";

    private Script() {
    }

    /**
     * What every plan reports on, as a real plan does: a survey percentage whose target is 76 % (higher is better), a
     * count of incidents whose target is 142 (lower is better), a measure in words, and three actions, one of them
     * completed and so no longer reported.
     */
    static void evidenceOf(DeliveryPlan plan, String targetYear) {
        plan.addIndicator(SURVEY, "Percentage of people who believe people from different backgrounds get on well",
                "74.6", "%", true).setTarget(targetYear, "76");
        plan.addIndicator(INCIDENTS, "Hate incidents reported", "150", "incidents", false)
                .setTarget(targetYear, "No more than 142");
        plan.addIndicator(STRATEGY, "Cohesion strategy adopted by the partners", "Draft", null, true);
        plan.addAction("CS.1", "Run the tension monitoring group monthly", "on track");
        plan.addAction("CS.2", "Commission the small grants round", "on track");
        plan.addAction("CS.3", "Publish the cohesion strategy", "completed");
    }

    /**
     * The i-th plan's indicator values for the period, as the update form sends them: as far from their targets as
     * the status its judge gives (on target for Green and Blue, 2.6% short for Amber, 7.9% short for Red), so that no
     * judgement is kinder than the evidence.
     */
    static String indicatorValues(int i, ReportingPeriod period) {
        return "[{\"code\": \"" + SURVEY + "\", \"period\": \"" + period + "\", \"value\": \"" + survey(i) + "\"}, "
                + "{\"code\": \"" + INCIDENTS + "\", \"period\": \"" + period + "\", \"value\": \"" + INCIDENTS_VALUE
                + "\", \"note\": \"" + INCIDENTS_NOTE + "\"}, "
                + "{\"code\": \"" + STRATEGY + "\", \"period\": \"" + period.year() + "\", "
                + "\"value\": \"Adopted by three of the five partners\"}]";
    }

    /**
     * The i-th plan's numeric values for the period, as {@link #indicatorValues} gives them, straight into the plan's
     * series: what a past cycle's return, recorded without its update form, takes its evidence from.
     */
    static List<IndicatorValue> numericValues(DeliveryPlan plan, int i, ReportingPeriod period, Instant at) {
        IndicatorValue survey = new IndicatorValue(plan, SURVEY, period);
        survey.record(new BigDecimal(survey(i)), null, null, null, plan.getLeadOfficer(), at);
        IndicatorValue incidents = new IndicatorValue(plan, INCIDENTS, period);
        incidents.record(new BigDecimal(INCIDENTS_VALUE), null, INCIDENTS_NOTE, null, plan.getLeadOfficer(), at);
        return List.of(survey, incidents);
    }

    private static String survey(int i) {
        return switch (rag(i)) {
            case Red -> "70.0";
            case Amber -> "74.0";
            default -> "76.5";
        };
    }

    static String actionProgress() {
        return "[{\"reference\": \"CS.1\", \"status\": \"on track\"}, "
                + "{\"reference\": \"CS.2\", \"status\": \"on track\", \"note\": \"Twelve bids received\"}]";
    }

    static boolean late(int i) {
        return i % 10 == 9;
    }

    static boolean neverSubmits(int i) {
        return i % 20 == 19;
    }

    static RagStatus rag(int i) {
        return switch (i % 10) {
            case 0 -> RagStatus.Red;
            case 1, 2 -> RagStatus.Amber;
            case 4 -> RagStatus.Blue;
            default -> RagStatus.Green;
        };
    }

    static boolean needsRemedialActions(RagStatus rag) {
        return rag == RagStatus.Red || rag == RagStatus.Amber;
    }

    static String judgementComment(int i, RagStatus rag) {
        if (needsRemedialActions(rag)) {
            return "Two milestones missed this quarter and the indicator is moving away from its target; "
                    + "remedial action is needed before the next meeting.";
        }
        return i % 10 == 3 ? "Strong partnership working that other areas could learn from." : null;
    }

    static String blockages(int i) {
        return i % 4 == 0 ? BLOCKAGE_TEXT : "None";
    }

    /**
     * The update with its evidence, for the quarter before the meeting; where the plan agreed a remedial action last
     * quarter ({@code toFollowUp}, its id, or null), its follow-up: done, or in progress with a note.
     */
    static Map<String, Object> update(int i, ReportingPeriod period, Long toFollowUp) {
        Map<String, Object> values = new HashMap<>(Map.of(ACHIEVEMENTS, ACHIEVEMENTS_TEXT, PLANNED_ACTIVITIES,
                PLANNED_TEXT, BLOCKAGES, blockages(i), INDICATOR_VALUES, indicatorValues(i, period), ACTION_PROGRESS,
                actionProgress()));
        if (toFollowUp != null) {
            values.put(REMEDIAL_FOLLOW_UP, i % 2 == 0 ? "[{\"id\": " + toFollowUp + ", \"state\": \"done\"}]"
                    : "[{\"id\": " + toFollowUp + ", \"state\": \"inProgress\", \"note\": \"" + FOLLOW_UP_NOTE
                            + "\"}]");
        }
        return values;
    }

    static Map<String, Object> judgement(int i) {
        RagStatus rag = rag(i);
        Map<String, Object> values = new HashMap<>(Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED, RAG_STATUS,
                rag.name()));
        String comment = judgementComment(i, rag);
        if (comment != null) {
            values.put(JUDGEMENT_COMMENT, comment);
        }
        return values;
    }

    /** As the REST API takes them: a list of actions, each with what, who and when. */
    static Map<String, Object> remedialProposal(LocalDate dueDate) {
        return Map.of(REMEDIAL_ACTIONS, List.of(remedialAction(dueDate)));
    }

    /** The same proposal for the bare engine, which has no JSON data format: as the JSON text. */
    static Map<String, Object> remedialProposalAsText(LocalDate dueDate) {
        Map<String, String> action = remedialAction(dueDate);
        return Map.of(REMEDIAL_ACTIONS, "[{\"action\": \"" + action.get("action") + "\", \"owner\": \""
                + action.get("owner") + "\", \"dueDate\": \"" + action.get("dueDate") + "\"}]");
    }

    static Map<String, Object> agreement() {
        return Map.of(REMEDIAL_OUTCOME, OUTCOME_AGREED);
    }

    private static Map<String, String> remedialAction(LocalDate dueDate) {
        return Map.of("action", REMEDIAL_ACTION, "owner", REMEDIAL_OWNER, "dueDate", dueDate.toString());
    }
}
