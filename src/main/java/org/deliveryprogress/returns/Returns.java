package org.deliveryprogress.returns;

import java.time.Clock;
import java.util.List;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.SubmissionRules.Judgement;
import org.deliveryprogress.returns.SubmissionRules.RemedialDecision;
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

    Returns(PlanReturnRepository returns, ReturnDraftRepository drafts, Clock clock,
            ApplicationEventPublisher events) {
        this.returns = returns;
        this.drafts = drafts;
        this.clock = clock;
        this.events = events;
    }

    /** Records a return of a past cycle as it was completed then (demo data, history brought in). */
    public PlanReturn recordPast(Cycle cycle, DeliveryPlan plan, ReturnUpdate update, RagStatus status,
            String comment, List<RemedialAction.Proposal> agreedActions) {
        PlanReturn planReturn = new PlanReturn(cycle, plan);
        planReturn.submitUpdate(update, plan.getLeadOfficer(), cycle.deadlines().updatesDue());
        planReturn.judge(status, comment, plan.getJudgingOfficer(), cycle.deadlines().judgementsDue());
        if (!agreedActions.isEmpty()) {
            planReturn.proposeRemedialActions(agreedActions);
            planReturn.decideRemedialActions(true, null, null, cycle.deadlines().agreementsDue(), null);
        }
        return returns.save(planReturn);
    }

    /** Records the update; its draft, now submitted, goes (a send-back starts again from what was submitted). */
    void recordUpdate(Long returnId, ReturnUpdate update, String by) {
        find(returnId).submitUpdate(update, by, clock.instant());
        drafts.findById(returnId).ifPresent(drafts::delete);
    }

    void recordJudgement(Long returnId, Judgement judgement, String by, String taskId) {
        PlanReturn planReturn = find(returnId);
        if (judgement.sentBack()) {
            planReturn.sendBack(judgement.comment(), by, clock.instant(), taskId);
        } else {
            planReturn.judge(judgement.status(), judgement.comment(), by, clock.instant());
        }
    }

    void recordRemedialProposal(Long returnId, List<RemedialAction.Proposal> proposals) {
        find(returnId).proposeRemedialActions(proposals);
    }

    void recordRemedialDecision(Long returnId, RemedialDecision decision, String by, String taskId) {
        find(returnId).decideRemedialActions(decision.agreed(), decision.comment(), by, clock.instant(), taskId);
        if (decision.agreed()) {
            events.publishEvent(new RemedialActionsAgreed(returnId));
        }
    }

    void recordClose(Long returnId) {
        find(returnId).closeUnfinished(clock.instant());
    }

    private PlanReturn find(Long returnId) {
        return returns.findById(returnId)
                .orElseThrow(() -> new IllegalStateException("Return " + returnId + " does not exist"));
    }
}
