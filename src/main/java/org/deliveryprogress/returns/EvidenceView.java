package org.deliveryprogress.returns;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.deliveryprogress.plans.ActionStatus;
import org.deliveryprogress.shared.ReadableDates;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A return's evidence as people read it, the same in the judge's form, the meeting pack, the plan's pages and the
 * API: each indicator's answer beside its baseline and the target of the value's own financial year, and whether it
 * is off that target; each action's progress with what the action is; each remedial action agreed last quarter with
 * how it was followed up. Officers' notes and values are as they wrote them.
 */
public record EvidenceView(List<IndicatorLine> indicators, List<ActionLine> actions, List<FollowUpLine> followUps) {

    /**
     * An indicator's answer. {@code description}, {@code unit}, {@code baseline} and {@code target} are the plan's
     * (none for an indicator the plan no longer has); {@code target} is the plan's target for {@code targetYear}, the
     * financial year of the value's period (of the meeting, for an answer with no new data); {@code check} how the
     * value stands against that target by the network's rules (null when there is nothing to check: no value, no
     * target, a target in words); {@code previousPeriod} and {@code previousValue} the value before it when the
     * update was submitted, and {@code direction} the way it moved since (null when either is not a number).
     */
    public record IndicatorLine(String code, String description, String unit, boolean noData, String period,
            String value, String note, String baseline, String target, String targetYear, TargetCheck check,
            String previousPeriod, String previousValue, Direction direction) {

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

        /** "75 % (2025/26)": the target with the year it is for, or null when there is none. */
        public String targetShownWithYear() {
            return target == null ? null : withUnit(target) + " (" + targetYear + ")";
        }

        /** Short of its year's target by more than the network counts as on target. */
        @JsonProperty
        public boolean offTarget() {
            return check != null && check.status() != RagStatus.Green;
        }

        /** "4.7% short of target: Amber", "on target", or null when nothing was checked. */
        public String checkShown() {
            if (check == null) {
                return null;
            }
            return offTarget() ? check.inWords() + ": " + check.status() : check.inWords();
        }

        /** "Better than 72 % (2026/27 Q1)", or null. */
        public String directionShown() {
            return direction == null ? null
                    : direction.inWords() + (direction == Direction.same ? " as " : " than ") + withUnit(previousValue)
                            + " (" + previousPeriod + ")";
        }

        private String withUnit(String figure) {
            return UnitShown.of(figure, unit);
        }

        IndicatorLine map(UnaryOperator<String> text) {
            return new IndicatorLine(code, text.apply(description), text.apply(unit), noData, period,
                    text.apply(value), text.apply(note), text.apply(baseline), text.apply(target), targetYear,
                    check, previousPeriod, text.apply(previousValue), direction);
        }
    }

    /**
     * An action's progress: its status this quarter and the officer's note; {@code action} is the plan's wording, and
     * {@code deadline} its deadline date (none when the plan says "Ongoing"); {@code overdue} when the deadline had
     * passed when the update was submitted and the action was not completed.
     */
    public record ActionLine(String reference, String action, String status, String note, LocalDate deadline,
            boolean overdue) {

        /** Reported behind, or past its deadline and not completed. */
        @JsonProperty
        public boolean behind() {
            return overdue || ActionStatus.BEHIND.equals(status);
        }

        /** "due Saturday 31 October 2026 and not completed", or "reported behind". */
        public String whyBehind() {
            return overdue ? "due " + ReadableDates.day(deadline) + " and not completed" : "reported behind";
        }

        /** "CS.2: Train the staff". */
        public String label() {
            return action == null ? reference : reference + ": " + action;
        }

        /**
         * "CS.2: Train the staff: reported behind", for a list of what is behind: without the full stop the plan's
         * wording may end with, which read "...staff.: reported behind".
         */
        public String behindInWords() {
            return StatusSuggestion.withoutFinalStop(label()) + ": " + whyBehind();
        }

        ActionLine map(UnaryOperator<String> text) {
            return new ActionLine(reference, text.apply(action), status, text.apply(note), deadline, overdue);
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

    /** What the evidence suggests by the network's rules: empty when it holds nothing the rules can check. */
    public Optional<StatusSuggestion> suggestion() {
        return StatusSuggestion.of(this);
    }

    /** Whether it names an indicator off this year's target or an action behind. */
    public boolean offTrack() {
        return !offTarget().isEmpty() || !behind().isEmpty();
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
        return new EvidenceView(indicators.stream().map(line -> line.map(text)).toList(),
                actions.stream().map(line -> line.map(text)).toList(),
                followUps.stream().map(line -> line.map(text)).toList());
    }
}
