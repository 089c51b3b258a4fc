package org.deliveryprogress.outcomes;

import java.util.List;
import java.util.function.UnaryOperator;

import org.deliveryprogress.returns.PlanReturn;

/**
 * The status a return's evidence suggested when it was judged, as the pack and the plan's history show it beside the
 * judgement: whether the judge gave another, and whether that one was kinder (their comment then says why).
 */
public record SuggestionMark(StatusMark status, List<String> reasons, boolean differs, boolean kinder) {

    /** Null for a return judged before suggestions, or whose evidence suggested nothing. */
    public static SuggestionMark of(PlanReturn planReturn) {
        if (planReturn.getRagStatus() == null) {
            return null;
        }
        return planReturn.getSuggestion().map(suggestion -> new SuggestionMark(StatusMark.of(suggestion.status()),
                suggestion.reasons(), suggestion.status() != planReturn.getRagStatus(),
                suggestion.isKinder(planReturn.getRagStatus()))).orElse(null);
    }

    /** The same with every reason passed through {@code text} (the pack makes them fit its XHTML). */
    public SuggestionMark map(UnaryOperator<String> text) {
        return new SuggestionMark(status, reasons.stream().map(text).toList(), differs, kinder);
    }
}
