package org.deliveryprogress.returns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.networks.StatusRules;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.springframework.stereotype.Component;

/**
 * Reads a return's evidence for people ({@link EvidenceView}): the plan's indicators and actions as they stand, each
 * value's target for its own financial year, the remedial actions the follow-ups answer. The caller holds a
 * transaction.
 */
@Component
public class EvidenceViews {

    private final PlanReturnRepository returns;
    private final ZoneId zone;

    EvidenceViews(PlanReturnRepository returns, CycleProperties cycleProperties) {
        this.returns = returns;
        this.zone = cycleProperties.timeZone();
    }

    public EvidenceView of(PlanReturn planReturn) {
        Evidence evidence = planReturn.getEvidence();
        DeliveryPlan plan = planReturn.getPlan();
        String meetingYear = ReportingPeriod.quarterOf(planReturn.getCycle().getMeeting().getMeetingDate()).year();
        StatusRules rules = plan.getNetwork().getStatusRules();
        List<EvidenceView.IndicatorLine> indicators = evidence.indicators().stream()
                .map(answer -> indicatorLine(answer, plan.indicator(answer.getCode()), meetingYear, rules)).toList();
        LocalDate submitted = planReturn.getSubmittedAt() == null ? null
                : LocalDate.ofInstant(planReturn.getSubmittedAt(), zone);
        List<EvidenceView.ActionLine> actions = evidence.actions().stream()
                .map(progress -> actionLine(progress, plan.action(progress.getReference()), submitted)).toList();
        return new EvidenceView(indicators, actions, followUpLines(evidence.followUps()));
    }

    /**
     * The value is checked against the target of its own period's financial year when the indicator is numeric and
     * the plan still has it: a meeting in the spring hears of the last quarter of the year before, whose target that
     * quarter was working to. An answer with no new data shows the target of the meeting's year. The direction of
     * travel comes from the value before it, recorded with the answer; the network's rules may let it ease a Red.
     */
    private static EvidenceView.IndicatorLine indicatorLine(Evidence.IndicatorAnswer answer,
            Optional<PlanIndicator> indicator, String meetingYear, StatusRules rules) {
        String year = ReportingPeriod.parse(answer.getPeriod()).map(ReportingPeriod::year).orElse(meetingYear);
        String target = indicator.map(known -> known.getTargetsByYear().get(year)).orElse(null);
        boolean higherIsBetter = indicator.map(PlanIndicator::isHigherIsBetter).orElse(true);
        boolean numeric = !answer.isNoData() && indicator.filter(PlanIndicator::isNumeric).isPresent();
        Direction direction = numeric ? Direction.of(answer.getPreviousValue(), answer.getValue(), higherIsBetter)
                .orElse(null) : null;
        TargetCheck check = numeric ? TargetCheck.of(answer.getValue(), target, higherIsBetter, rules, direction)
                .orElse(null) : null;
        return new EvidenceView.IndicatorLine(answer.getCode(), indicator.map(PlanIndicator::getDescription)
                .orElse(null), indicator.map(PlanIndicator::getUnit).orElse(null), answer.isNoData(),
                answer.getPeriod(), answer.getValue(), answer.getNote(),
                indicator.map(PlanIndicator::getBaseline).orElse(null), target, year, check,
                answer.getPreviousPeriod(), answer.getPreviousValue(), direction);
    }

    /** An action is overdue when its deadline passed before the update was submitted and it was not completed. */
    private static EvidenceView.ActionLine actionLine(Evidence.ActionProgress progress, Optional<PlanAction> action,
            LocalDate submitted) {
        LocalDate deadline = action.map(PlanAction::getDeadline).orElse(null);
        boolean finished = PlanAction.COMPLETED.equalsIgnoreCase(progress.getStatus())
                || PlanAction.REMOVED.equalsIgnoreCase(progress.getStatus());
        boolean overdue = deadline != null && submitted != null && deadline.isBefore(submitted) && !finished;
        return new EvidenceView.ActionLine(progress.getReference(), action.map(PlanAction::getAction).orElse(null),
                progress.getStatus(), progress.getNote(), deadline, overdue);
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
