package org.deliveryprogress.returns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The status a return's evidence suggests by its network's rules, with its reasons: the worst of its evidence. Each
 * indicator points to the status its {@link TargetCheck} gives; an action behind (reported behind, or past its
 * deadline and not completed) and a remedial action agreed last quarter and not done point to Amber. Green when
 * nothing points lower. Blue is never suggested: it stays the judge's call.
 */
public record StatusSuggestion(RagStatus status, List<String> reasons) {

    /** Empty when the evidence holds nothing the rules can check: no indicator checked, no action, no follow-up. */
    static Optional<StatusSuggestion> of(EvidenceView evidence) {
        List<EvidenceView.IndicatorLine> checked = evidence.indicators().stream()
                .filter(indicator -> indicator.check() != null).toList();
        if (checked.isEmpty() && evidence.actions().isEmpty() && evidence.followUps().isEmpty()) {
            return Optional.empty();
        }
        RagStatus worst = RagStatus.Green;
        List<String> reasons = new ArrayList<>();
        for (EvidenceView.IndicatorLine indicator : checked.stream()
                .sorted(Comparator.comparing(indicator -> indicator.check().status())).toList()) {
            if (indicator.offTarget()) {
                worst = worse(worst, indicator.check().status());
                reasons.add(indicator.code() + ": " + indicator.valueShown() + " against a target of "
                        + indicator.targetShown() + " for " + indicator.targetYear() + ", " + indicator.checkShown()
                        + ".");
            }
        }
        for (EvidenceView.ActionLine action : evidence.behind()) {
            worst = worse(worst, RagStatus.Amber);
            reasons.add(action.behindInWords() + ": Amber.");
        }
        for (EvidenceView.FollowUpLine followUp : evidence.followUps()) {
            if (followUp.state() == Evidence.FollowUpState.notDone) {
                worst = worse(worst, RagStatus.Amber);
                reasons.add("Remedial action agreed last quarter, not done: " + withoutFinalStop(followUp.action())
                        + ": Amber.");
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(checked.isEmpty() ? "No action is behind."
                    : checked.size() == 1 ? "Its indicator with a target is on target, and no action is behind."
                    : "All " + checked.size() + " indicators with a target are on target, and no action is behind.");
        }
        // One line each, as the return keeps them: the plan's wording of an action may run over several.
        return Optional.of(new StatusSuggestion(worst, reasons.stream()
                .map(reason -> reason.replaceAll("\\s*\\R\\s*", " ")).toList()));
    }

    /**
     * Whether a judged status is kinder than this suggestion, so that the judge must say why: Amber for a suggested
     * Red, Green or Blue for a suggested Red or Amber. Blue for a suggested Green is the judge's call.
     */
    public boolean isKinder(RagStatus judged) {
        return rank(judged) > rank(status);
    }

    private static int rank(RagStatus status) {
        return status == RagStatus.Blue ? RagStatus.Green.ordinal() : status.ordinal();
    }

    /** An action as the plan words it, which may end a sentence, before the reason's own ": ...". */
    static String withoutFinalStop(String text) {
        return text.replaceFirst("[\\s.;:,]+$", "");
    }

    private static RagStatus worse(RagStatus one, RagStatus other) {
        return one.ordinal() <= other.ordinal() ? one : other;
    }
}
