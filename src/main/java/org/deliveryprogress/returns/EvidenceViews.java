package org.deliveryprogress.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.shared.NumberInText;
import org.springframework.stereotype.Component;

/**
 * Reads a return's evidence for people ({@link EvidenceView}): the plan's indicators and actions as they stand, the
 * target of the year the meeting falls in, the remedial actions the follow-ups answer. The caller holds a transaction.
 */
@Component
public class EvidenceViews {

    private final PlanReturnRepository returns;

    EvidenceViews(PlanReturnRepository returns) {
        this.returns = returns;
    }

    public EvidenceView of(PlanReturn planReturn) {
        Evidence evidence = planReturn.getEvidence();
        DeliveryPlan plan = planReturn.getPlan();
        String year = ReportingPeriod.quarterOf(planReturn.getCycle().getMeeting().getMeetingDate()).year();
        List<EvidenceView.IndicatorLine> indicators = evidence.indicators().stream()
                .map(answer -> indicatorLine(answer, plan.indicator(answer.getCode()), year)).toList();
        List<EvidenceView.ActionLine> actions = evidence.actions().stream()
                .map(progress -> new EvidenceView.ActionLine(progress.getReference(), plan
                        .action(progress.getReference()).map(PlanAction::getAction).orElse(null),
                        progress.getStatus(), progress.getNote()))
                .toList();
        return new EvidenceView(year, indicators, actions, followUpLines(evidence.followUps()));
    }

    private static EvidenceView.IndicatorLine indicatorLine(Evidence.IndicatorAnswer answer,
            Optional<PlanIndicator> indicator, String year) {
        String target = indicator.map(known -> known.getTargetsByYear().get(year)).orElse(null);
        boolean offTarget = !answer.isNoData() && indicator.filter(PlanIndicator::isNumeric)
                .map(known -> worse(known, answer.getValue(), target)).orElse(false);
        return new EvidenceView.IndicatorLine(answer.getCode(), indicator.map(PlanIndicator::getDescription)
                .orElse(null), indicator.map(PlanIndicator::getUnit).orElse(null), answer.isNoData(),
                answer.getPeriod(), answer.getValue(), answer.getNote(),
                indicator.map(PlanIndicator::getBaseline).orElse(null), target, offTarget);
    }

    /**
     * Whether the value is worse than the target: below it where higher is better, above it otherwise. A target
     * is text that holds its number ("No more than 142"); one without a number, or no target, is no target to miss.
     */
    private static boolean worse(PlanIndicator indicator, String value, String target) {
        Optional<BigDecimal> number = NumberInText.exactly(value);
        Optional<BigDecimal> aim = NumberInText.first(target);
        if (number.isEmpty() || aim.isEmpty()) {
            return false;
        }
        int comparison = number.get().compareTo(aim.get());
        return indicator.isHigherIsBetter() ? comparison < 0 : comparison > 0;
    }

    private List<EvidenceView.FollowUpLine> followUpLines(List<Evidence.RemedialFollowUp> followUps) {
        if (followUps.isEmpty()) {
            return List.of();
        }
        Map<Long, RemedialAction> actions = returns.findRemedialActions(followUps.stream()
                .map(Evidence.RemedialFollowUp::getRemedialActionId).toList()).stream()
                .collect(Collectors.toMap(RemedialAction::getId, Function.identity()));
        return followUps.stream().map(followUp -> {
            RemedialAction action = actions.get(followUp.getRemedialActionId());
            return new EvidenceView.FollowUpLine(followUp.getRemedialActionId(), action.getAction(),
                    action.getOwner(), action.getDueDate(), followUp.getState(), followUp.getNote());
        }).toList();
    }
}
