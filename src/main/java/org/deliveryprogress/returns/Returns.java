package org.deliveryprogress.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.returns.SubmissionRules.ExpectedEvidence;
import org.deliveryprogress.returns.SubmissionRules.Judgement;
import org.deliveryprogress.returns.SubmissionRules.RemedialDecision;
import org.deliveryprogress.returns.SubmissionRules.Submission;
import org.deliveryprogress.shared.NumberInText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what officers submit on a return. Called from the tasks' complete listener, inside the engine's
 * transaction: a completion that fails leaves both the task and the return as they were.
 */
@Service
@Transactional
public class Returns {

    private final PlanReturnRepository returns;
    private final ReturnDraftRepository drafts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IndicatorValueRepository indicatorValues;
    private final EvidenceViews evidenceViews;
    private final UserDirectory users;

    Returns(PlanReturnRepository returns, ReturnDraftRepository drafts, Clock clock, ApplicationEventPublisher events,
            IndicatorValueRepository indicatorValues, EvidenceViews evidenceViews, UserDirectory users) {
        this.returns = returns;
        this.drafts = drafts;
        this.clock = clock;
        this.events = events;
        this.indicatorValues = indicatorValues;
        this.evidenceViews = evidenceViews;
        this.users = users;
    }

    /**
     * Records a return of a past cycle as it was completed then (demo data, history brought in). Its evidence is what
     * the plan's series and register held for the quarter before the meeting: each indicator's value for that quarter
     * (with the one before it), each open action's status; the judgement keeps what that evidence suggests.
     */
    public PlanReturn recordPast(Cycle cycle, DeliveryPlan plan, ReturnUpdate update, RagStatus status,
            String comment, List<RemedialAction.Proposal> agreedActions) {
        PlanReturn planReturn = new PlanReturn(cycle, plan);
        planReturn.submitUpdate(update, pastEvidence(cycle, plan), plan.getLeadOfficer(),
                cycle.deadlines().updatesDue());
        planReturn.judge(status, comment, evidenceViews.of(planReturn).suggestion().orElse(null),
                plan.getJudgingOfficer(), cycle.deadlines().judgementsDue());
        if (!agreedActions.isEmpty()) {
            planReturn.proposeRemedialActions(agreedActions);
            planReturn.decideRemedialActions(true, null, null, cycle.deadlines().agreementsDue(), null);
        }
        return returns.save(planReturn);
    }

    private Evidence pastEvidence(Cycle cycle, DeliveryPlan plan) {
        ReportingPeriod period = ReportingPeriod.quarterOf(cycle.getMeeting().getMeetingDate()).previous();
        List<IndicatorValue> series = indicatorValues.findByPlan(plan);
        List<Evidence.IndicatorAnswer> answers = new ArrayList<>();
        for (PlanIndicator indicator : plan.getIndicators()) {
            series.stream().filter(value -> value.getIndicatorCode().equalsIgnoreCase(indicator.getCode())
                    && value.getPeriod().equals(period)).findFirst().ifPresent(value -> {
                        Evidence.IndicatorAnswer answer = new Evidence.IndicatorAnswer(indicator.getCode(), period,
                                value.getValue(), value.getNote(), false);
                        previousIn(series, indicator.getCode(), period).ifPresent(previous -> answer
                                .follow(previous.getPeriod().toString(), previous.getValue()));
                        answers.add(answer);
                    });
        }
        return new Evidence(answers, plan.getActions().stream().filter(PlanAction::isOpen)
                .map(action -> new Evidence.ActionProgress(action.getReference(), action.getStatus(), null))
                .toList(), List.of());
    }

    /** The indicator's value before the period in a plan's series: where its direction of travel starts. */
    private static Optional<IndicatorValue> previousIn(List<IndicatorValue> series, String code,
            ReportingPeriod period) {
        return series.stream().filter(known -> known.getIndicatorCode().equalsIgnoreCase(code)
                && known.getPeriod().compareTo(period) < 0).max(Comparator.comparing(IndicatorValue::getPeriod));
    }

    /**
     * Takes the return's row lock before a completion of its task checks or writes anything, so that two completions
     * of one task sent at once take turns: the second, let through when the first commits, finds the return moved on
     * and is refused with nothing changed. Without the turn both recorded the evidence, and the second failed on its
     * keys with a server error. (The engine alone would refuse the second only when it deletes the task, at its flush,
     * after the return has been written.)
     */
    void takeTurn(Long returnId, ReturnTask task, String taskName) {
        ReturnState now = ReturnState.valueOf(returns.lockAndReadState(returnId));
        if (!task.awaitedIn(now)) {
            String submittedBy = task == ReturnTask.SUBMIT_UPDATE ? returns.submittedBy(returnId) : null;
            throw new CompletedMeanwhileException(submittedBy != null
                    ? "This update has just been submitted, by " + users.nameOf(submittedBy) + ": yours was not "
                            + "recorded and nothing changed. Open the return to see what was submitted."
                    : "'" + taskName + "' has just been completed, by another request: this one was not recorded and "
                            + "nothing changed. The return now stands at: " + now.describe() + ".");
        }
    }

    /** Records the update; its draft, now submitted, goes (a send-back starts again from what was submitted). */
    void recordUpdate(Long returnId, Submission update, String by) {
        PlanReturn planReturn = returns.getWithPlanEvidence(returnId);
        Instant at = clock.instant();
        recordEvidence(planReturn, update.evidence(), by, at);
        planReturn.submitUpdate(update.texts(), update.evidence(), by, at);
        drafts.deleteOfReturn(returnId);
    }

    /** What the update of the return must answer, read when it is submitted. */
    @Transactional(readOnly = true)
    ExpectedEvidence expectedEvidence(Long returnId) {
        PlanReturn planReturn = returns.getWithPlanEvidence(returnId);
        DeliveryPlan plan = planReturn.getPlan();
        return new ExpectedEvidence(plan.getIndicators(),
                plan.getActions().stream().filter(PlanAction::isOpen).toList(),
                returns.findAgreedBefore(plan.getId(), planReturn.getCycle().getMeeting().getMeetingDate()));
    }

    /** What the return's evidence suggests by its network's rules, read when the judgement is made. */
    @Transactional(readOnly = true)
    Optional<StatusSuggestion> suggestion(Long returnId) {
        return evidenceViews.of(returns.getWithPlanEvidence(returnId)).suggestion();
    }

    /**
     * The indicators' values join their series (a period reported again is corrected), each answer keeping the value
     * before it for its direction of travel; each action's status in the register follows its progress: an action
     * completed or removed leaves next quarter's list.
     */
    private void recordEvidence(PlanReturn planReturn, Evidence evidence, String by, Instant at) {
        DeliveryPlan plan = planReturn.getPlan();
        Map<String, PlanIndicator> indicators = plan.getIndicators().stream()
                .collect(Collectors.toMap(PlanIndicator::getCode, Function.identity()));
        List<IndicatorValue> series = indicatorValues.findByPlan(plan);
        for (Evidence.IndicatorAnswer answer : evidence.indicators()) {
            if (answer.isNoData()) {
                continue;
            }
            ReportingPeriod period = ReportingPeriod.parse(answer.getPeriod()).orElseThrow();
            previousIn(series, answer.getCode(), period)
                    .ifPresent(previous -> answer.follow(previous.getPeriod().toString(), previous.getValue()));
            // Codes are keys in any case, as in the database.
            IndicatorValue value = series.stream().filter(known -> known.getIndicatorCode()
                    .equalsIgnoreCase(answer.getCode()) && known.getPeriod().equals(period)).findFirst()
                    .orElseGet(() -> new IndicatorValue(plan, answer.getCode(), period));
            BigDecimal number = indicators.get(answer.getCode()).isNumeric()
                    ? NumberInText.exactly(answer.getValue()).orElseThrow() : null;
            value.record(number, answer.getValue(), answer.getNote(), planReturn.getId(), by, at);
            indicatorValues.save(value);
        }
        Map<String, PlanAction> actions = plan.getActions().stream()
                .collect(Collectors.toMap(PlanAction::getReference, Function.identity()));
        evidence.actions().forEach(progress -> actions.get(progress.getReference()).reportStatus(progress.getStatus()));
    }

    void recordJudgement(Long returnId, Judgement judgement, String by, String taskId) {
        PlanReturn planReturn = returns.getWithPlanAndCycle(returnId);
        refuseJudgementBySubmitter(planReturn, by);
        if (judgement.sentBack()) {
            planReturn.sendBack(judgement.comment(), by, clock.instant(), taskId,
                    UpdateSeen.of(planReturn, evidenceViews.of(planReturn)));
        } else {
            planReturn.judge(judgement.status(), judgement.comment(), judgement.suggestion(), by, clock.instant());
        }
    }

    /**
     * Where the network keeps judging officers independent, whoever submitted the update does not judge it, even when
     * they are neither its lead nor its data-entry officer (an administrator handed them the update, then its
     * judgement): {@link CompletingOfficer} knows the return's officers, the return who submitted.
     */
    private void refuseJudgementBySubmitter(PlanReturn planReturn, String by) {
        DeliveryPlan plan = planReturn.getPlan();
        if (by.equals(planReturn.getSubmittedBy()) && !plan.getNetwork().isOfficersMayJudgeOwnPlans()) {
            throw NotYourTaskException.judgesKeptIndependent(plan, users.nameOf(by) + " submitted "
                    + plan.getReference() + "'s update: an administrator gives its judgement to another officer.");
        }
    }

    void recordRemedialProposal(Long returnId, List<RemedialAction.Proposal> proposals) {
        returns.getWithPlanAndCycle(returnId).proposeRemedialActions(proposals);
    }

    void recordRemedialDecision(Long returnId, RemedialDecision decision, String by, String taskId) {
        returns.getWithPlanAndCycle(returnId)
                .decideRemedialActions(decision.agreed(), decision.comment(), by, clock.instant(), taskId);
        if (decision.agreed()) {
            events.publishEvent(new RemedialActionsAgreed(returnId));
        }
    }

    void recordClose(Long returnId) {
        returns.getWithPlanAndCycle(returnId).closeUnfinished(clock.instant());
    }
}
