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
import org.deliveryprogress.plans.ActionStatus;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.springframework.stereotype.Component;

/**
 * Reads a return's evidence for people ({@link EvidenceView}): the plan's indicators and actions with the targets and
 * deadlines the return keeps from its submission, each value's target that of its own financial year, and the
 * remedial actions the follow-ups answer. The caller holds a transaction.
 */
@Component
public class EvidenceViews {

    private final PlanReturnRepository returns;
    private final ZoneId zone;

    EvidenceViews(PlanReturnRepository returns, CycleProperties cycleProperties) {
        this.returns = returns;
        this.zone = cycleProperties.timeZone();
    }

    /**
     * The evidence against the targets and deadlines its return keeps from when its update was submitted, or, for a
     * return submitted before returns kept them, against the register as it is now.
     */
    public EvidenceView of(PlanReturn planReturn) {
        Evidence evidence = planReturn.getEvidence();
        DeliveryPlan plan = planReturn.getPlan();
        String meetingYear = meetingYear(planReturn);
        StatusRules rules = plan.getNetwork().getStatusRules();
        boolean kept = planReturn.isRegisterKept();
        List<EvidenceView.IndicatorLine> indicators = evidence.indicators().stream()
                .map(answer -> {
                    Optional<PlanIndicator> indicator = plan.indicator(answer.getCode());
                    String target = kept ? answer.getTarget() : targetOf(answer, indicator, meetingYear);
                    return indicatorLine(answer, indicator, target, meetingYear, rules);
                }).toList();
        LocalDate submitted = planReturn.getSubmittedAt() == null ? null
                : LocalDate.ofInstant(planReturn.getSubmittedAt(), zone);
        List<EvidenceView.ActionLine> actions = evidence.actions().stream()
                .map(progress -> {
                    Optional<PlanAction> action = plan.action(progress.getReference());
                    LocalDate deadline = kept ? progress.getDeadline() : action.map(PlanAction::getDeadline)
                            .orElse(null);
                    return actionLine(progress, action, deadline, submitted);
                }).toList();
        return new EvidenceView(indicators, actions, followUpLines(evidence.followUps()));
    }

    /** Keeps with the evidence, as it is submitted, each answer's target and each action's deadline in the register. */
    static void keepRegister(Evidence evidence, PlanReturn planReturn) {
        DeliveryPlan plan = planReturn.getPlan();
        String meetingYear = meetingYear(planReturn);
        evidence.indicators().forEach(answer -> answer.keepTarget(targetOf(answer, plan.indicator(answer.getCode()),
                meetingYear)));
        evidence.actions().forEach(progress -> progress.keepDeadline(plan.action(progress.getReference())
                .map(PlanAction::getDeadline).orElse(null)));
    }

    private static String meetingYear(PlanReturn planReturn) {
        return ReportingPeriod.quarterOf(planReturn.getCycle().getMeeting().getMeetingDate()).year();
    }

    /**
     * The target of the answer's own period's financial year: a meeting in the spring hears of the last quarter of
     * the year before, whose target that quarter was working to. An answer with no new data has the target of the
     * meeting's year.
     */
    private static String targetOf(Evidence.IndicatorAnswer answer, Optional<PlanIndicator> indicator,
            String meetingYear) {
        String year = yearOf(answer, meetingYear);
        return indicator.map(known -> known.getTargetsByYear().get(year)).orElse(null);
    }

    private static String yearOf(Evidence.IndicatorAnswer answer, String meetingYear) {
        return ReportingPeriod.parse(answer.getPeriod()).map(ReportingPeriod::year).orElse(meetingYear);
    }

    /**
     * The value is checked against its target when the indicator is numeric and the plan still has it. The direction
     * of travel comes from the value before it, recorded with the answer; the network's rules may let it ease a Red.
     */
    private static EvidenceView.IndicatorLine indicatorLine(Evidence.IndicatorAnswer answer,
            Optional<PlanIndicator> indicator, String target, String meetingYear, StatusRules rules) {
        String year = yearOf(answer, meetingYear);
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
            LocalDate deadline, LocalDate submitted) {
        boolean finished = ActionStatus.isFinished(progress.getStatus());
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
