package org.deliveryprogress.returns;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import org.deliveryprogress.shared.ReadableDates;

/**
 * A return's evidence as people read it, the same in the judge's form, the meeting pack, the plan's pages and the
 * API: each indicator's answer beside its baseline and the target for the year of the meeting ({@code targetYear}),
 * and whether it is off that target; each action's progress with what the action is; each remedial action agreed
 * last quarter with how it was followed up. Officers' notes and values are as they wrote them.
 */
public record EvidenceView(String targetYear, List<IndicatorLine> indicators, List<ActionLine> actions,
        List<FollowUpLine> followUps) {

    /**
     * An indicator's answer. {@code description}, {@code unit}, {@code baseline} and {@code target} are the plan's
     * (none for an indicator the plan no longer has); {@code offTarget} when the value is a number worse than the
     * year's target, whichever way the indicator is better.
     */
    public record IndicatorLine(String code, String description, String unit, boolean noData, String period,
            String value, String note, String baseline, String target, boolean offTarget) {

        /** "NI 1: People who get on well together". */
        public String label() {
            return description == null ? code : code + ": " + description;
        }

        /** "70.5 % (2026/27 Q2)", or "No new data" (the note says why). */
        public String valueShown() {
            return noData ? "No new data" : withUnit(value) + " (" + period + ")";
        }

        public String baselineShown() {
            return baseline == null ? null : withUnit(baseline);
        }

        public String targetShown() {
            return target == null ? null : withUnit(target);
        }

        private String withUnit(String number) {
            return unit == null ? number : number + " " + unit;
        }

        IndicatorLine map(UnaryOperator<String> text) {
            return new IndicatorLine(code, text.apply(description), text.apply(unit), noData, period,
                    text.apply(value), text.apply(note), text.apply(baseline), text.apply(target), offTarget);
        }
    }

    /** An action's progress: its status this quarter and the officer's note; {@code action} is the plan's wording. */
    public record ActionLine(String reference, String action, String status, String note) {

        public boolean behind() {
            return SubmissionRules.ACTION_BEHIND.equals(status);
        }

        /** "CS.2: Train the staff". */
        public String label() {
            return action == null ? reference : reference + ": " + action;
        }

        ActionLine map(UnaryOperator<String> text) {
            return new ActionLine(reference, text.apply(action), status, text.apply(note));
        }
    }

    /** A remedial action agreed last quarter, who was to do it by when, and how it was followed up. */
    public record FollowUpLine(Long remedialActionId, String action, String owner, LocalDate dueDate,
            Evidence.FollowUpState state, String note) {

        public String stateInWords() {
            return state.inWords();
        }

        /** "Friday 29 January 2027". */
        public String dueDay() {
            return ReadableDates.day(dueDate);
        }

        FollowUpLine map(UnaryOperator<String> text) {
            return new FollowUpLine(remedialActionId, text.apply(action), text.apply(owner), dueDate, state,
                    text.apply(note));
        }
    }

    /**
     * Whether the update gave any evidence: returns from before updates did, and those of plans with nothing to
     * report, give none.
     */
    public boolean given() {
        return !indicators.isEmpty() || !actions.isEmpty() || !followUps.isEmpty();
    }

    public List<IndicatorLine> offTarget() {
        return indicators.stream().filter(IndicatorLine::offTarget).toList();
    }

    public List<ActionLine> behind() {
        return actions.stream().filter(ActionLine::behind).toList();
    }

    /** The actions as a reader wants them: those behind first, the others in the plan's order. */
    public List<ActionLine> behindFirst() {
        return actions.stream().sorted(Comparator.comparing(action -> !action.behind())).toList();
    }

    /** The same evidence with every text passed through {@code text} (the pack makes them fit its XHTML). */
    public EvidenceView map(UnaryOperator<String> text) {
        return new EvidenceView(targetYear, indicators.stream().map(line -> line.map(text)).toList(),
                actions.stream().map(line -> line.map(text)).toList(),
                followUps.stream().map(line -> line.map(text)).toList());
    }
}
