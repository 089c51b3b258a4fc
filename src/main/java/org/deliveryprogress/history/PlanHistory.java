package org.deliveryprogress.history;

import java.util.List;

import org.deliveryprogress.outcomes.ReturnOutcomes;
import org.deliveryprogress.outcomes.StatusMark;
import org.deliveryprogress.outcomes.SuggestionMark;
import org.deliveryprogress.plans.IndicatorSeries;
import org.deliveryprogress.returns.EvidenceView;
import org.deliveryprogress.returns.RemedialAction;

/**
 * A plan's returns quarter by quarter, latest first: what was decided and the evidence the update gave (from the
 * application's tables) and who did each step when (from the engine's history); and each indicator's values period
 * by period, with the values an import or another return's update replaced.
 */
record PlanHistory(String reference, String title, String networkCode, List<IndicatorSeries> indicators,
        List<ReplacedValue> replacedValues, List<Quarter> quarters) {

    /** A value a period held before the one it has: who recorded it, and who replaced it, with when. */
    public record ReplacedValue(String code, String period, String value, String note, String recorded,
            String replaced) {
    }

    /** The values of the indicator that were replaced, period by period, the earliest first. */
    public List<ReplacedValue> replacedOf(String code) {
        return replacedValues.stream().filter(value -> value.code().equals(code)).toList();
    }

    public record Quarter(String cycle, String meetingDay, String stage, StatusMark status, StatusMark previous,
            StatusMark.Trend trend, String submittedBy, String submittedAt, EvidenceView evidence, String judgedBy,
            String judgedAt, SuggestionMark suggested, String judgementComment, List<ReturnOutcomes.Outcome> decisions,
            List<RemedialAction> remedialActions, List<Step> steps) {
    }

    /**
     * A task of the return as the engine recorded it, what came of it, and the question or comment it sent the
     * return back with (from the return: officers' text is never the engine's).
     */
    public record Step(String task, String who, String started, String ended, String outcome, String comment) {
    }
}
