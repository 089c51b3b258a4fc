package org.deliveryprogress.register;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.ChangesSinceSendBack;
import org.deliveryprogress.returns.EvidenceView;
import org.deliveryprogress.returns.EvidenceViews;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.shared.NotFoundException;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;

/**
 * A plan's returns as their officers submitted them, once submitted: for the plan's page, which lists them, and for
 * the page that shows one. The caller has checked that the viewer may read the plan.
 */
@Component
class SubmittedReturns {

    /** A line of the plan's page: whose update for which cycle, submitted when. */
    record Line(String cycle, boolean yours, String submittedBy, String submittedAt) {
    }

    /**
     * One return as submitted: the officers' texts exactly as written, the evidence with them, and the judgement once
     * there is one.
     */
    record Submitted(String reference, String title, String cycle, String meetingDay, String stage,
            String achievements, String plannedActivities, String blockages, String submittedBy, String submittedAt,
            EvidenceView evidence, SinceSentBack sinceSentBack, boolean sentBack, String ragStatus,
            String judgementComment, String judgedBy, String judgedAt, List<RemedialAction> remedialActions,
            String remedialComment, String remedialDecidedBy) {
    }

    /** What the update's answer to its latest send-back changed, and who sent it back when, asking what. */
    record SinceSentBack(String by, String at, String question, List<ChangesSinceSendBack.Change> changes) {
    }

    /** The evidence of the plan's latest submitted update, and the cycle it was for. */
    record LatestEvidence(String cycle, String submittedAt, EvidenceView evidence) {
    }

    private final PlanReturnRepository returns;
    private final UserDirectory directory;
    private final ReadableDates readable;
    private final EvidenceViews evidenceViews;

    SubmittedReturns(PlanReturnRepository returns, UserDirectory directory, ReadableDates readable,
            EvidenceViews evidenceViews) {
        this.returns = returns;
        this.directory = directory;
        this.readable = readable;
        this.evidenceViews = evidenceViews;
    }

    /** The plan's submitted returns, the latest cycle first. */
    List<Line> of(DeliveryPlan plan, Viewer viewer) {
        List<PlanReturn> submitted = submittedReturns(plan).toList();
        Map<String, String> names = directory.namesOf(submitted.stream().map(PlanReturn::getSubmittedBy).toList());
        return submitted.stream().map(planReturn -> new Line(planReturn.getCycle().getReference(),
                viewer.userId().equals(planReturn.getSubmittedBy()), names.get(planReturn.getSubmittedBy()),
                readable.moment(planReturn.getSubmittedAt()))).toList();
    }

    Submitted of(DeliveryPlan plan, String cycle) {
        PlanReturn planReturn = submittedReturns(plan)
                .filter(candidate -> candidate.getCycle().getReference().equalsIgnoreCase(cycle)).findFirst()
                .orElseThrow(() -> new NotFoundException("No update of " + plan.getReference()
                        + " has been submitted for " + cycle + "; the plan's page lists those that have."));
        boolean judged = planReturn.getRagStatus() != null;
        boolean sentBack = planReturn.getState() == ReturnState.SENT_BACK;
        EvidenceView evidence = evidenceViews.of(planReturn);
        SinceSentBack sinceSentBack = ChangesSinceSendBack.of(planReturn, evidence).map(since -> new SinceSentBack(
                directory.nameOf(since.sentBy()), readable.moment(since.sentAt()), since.question(), since.changes()))
                .orElse(null);
        return new Submitted(plan.getReference(), plan.getTitle(), planReturn.getCycle().getReference(),
                ReadableDates.day(planReturn.getCycle().getMeeting().getMeetingDate()),
                planReturn.getState().describe(), planReturn.getAchievements(), planReturn.getPlannedActivities(),
                planReturn.getBlockages(), directory.nameOf(planReturn.getSubmittedBy()),
                readable.moment(planReturn.getSubmittedAt()), evidence, sinceSentBack, sentBack,
                judged ? planReturn.getRagStatus().name() : null,
                judged || sentBack ? planReturn.getJudgementComment() : null,
                judged || sentBack ? directory.nameOf(planReturn.getJudgedBy()) : null,
                judged || sentBack ? readable.moment(planReturn.getJudgedAt()) : null,
                List.copyOf(planReturn.getRemedialActions()),
                planReturn.getRemedialComment(), directory.nameOf(planReturn.getRemedialDecidedBy()));
    }

    /** The latest update's evidence, if an update has been submitted and gave some. */
    Optional<LatestEvidence> latestEvidence(DeliveryPlan plan) {
        return submittedReturns(plan).findFirst().map(planReturn -> new LatestEvidence(
                planReturn.getCycle().getReference(), readable.moment(planReturn.getSubmittedAt()),
                evidenceViews.of(planReturn))).filter(latest -> latest.evidence().given());
    }

    private Stream<PlanReturn> submittedReturns(DeliveryPlan plan) {
        return returns.findByPlanIdOrderByCycleMeetingMeetingDateDesc(plan.getId()).stream()
                .filter(planReturn -> planReturn.getSubmittedAt() != null);
    }
}
