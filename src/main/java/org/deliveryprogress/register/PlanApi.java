package org.deliveryprogress.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.IndicatorSeries;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.returns.EvidenceView;
import org.deliveryprogress.returns.EvidenceViews;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnState;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Delivery plans with their officers, indicators and actions. Plans are created and changed by importing
 * spreadsheets ({@link RegisterFilesApi}); here they are read, retired and reinstated.
 */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Delivery plans")
@Transactional
class PlanApi {

    record PlanSummary(String reference, String network, String title, String leadOfficer, String judgingOfficer,
            String dataEntryOfficer, boolean active) {

        static PlanSummary of(DeliveryPlan plan) {
            return new PlanSummary(plan.getReference(), plan.getNetwork().getCode(), plan.getTitle(),
                    plan.getLeadOfficer(), plan.getJudgingOfficer(), plan.getDataEntryOfficer(), plan.isActive());
        }
    }

    record PlanDocument(String reference, String network, String title, String leadOfficer, String judgingOfficer,
            String dataEntryOfficer, String agency, String partnershipGroup, String priority, String theme,
            String contact, String keyPartners, boolean active, List<IndicatorDocument> indicators,
            List<ActionDocument> actions) {

        /** The plan, each indicator with its values ({@link IndicatorValueRepository#seriesOf}). */
        static PlanDocument of(DeliveryPlan plan, List<IndicatorValue> series) {
            Function<PlanIndicator, List<IndicatorSeries.Point>> values = IndicatorSeries.valuesIn(series);
            return new PlanDocument(plan.getReference(), plan.getNetwork().getCode(), plan.getTitle(),
                    plan.getLeadOfficer(), plan.getJudgingOfficer(), plan.getDataEntryOfficer(), plan.getAgency(),
                    plan.getPartnershipGroup(), plan.getPriority(), plan.getTheme(), plan.getContact(),
                    plan.getKeyPartners(), plan.isActive(), plan.getIndicators().stream()
                            .map(indicator -> IndicatorDocument.of(indicator, values.apply(indicator))).toList(),
                    plan.getActions().stream().map(ActionDocument::of).toList());
        }
    }

    /** An indicator with its targets by year and its values, period by period, the earliest first. */
    record IndicatorDocument(String code, String description, String baseline, String unit, boolean higherIsBetter,
            Map<String, String> targetsByYear, List<IndicatorSeries.Point> values) {

        static IndicatorDocument of(PlanIndicator indicator, List<IndicatorSeries.Point> values) {
            return new IndicatorDocument(indicator.getCode(), indicator.getDescription(), indicator.getBaseline(),
                    indicator.getUnit(), indicator.isHigherIsBetter(), new TreeMap<>(indicator.getTargetsByYear()),
                    values);
        }
    }

    /** An action; {@code deadline} as written, {@code deadlineDate} the date read from it, when it holds one. */
    record ActionDocument(String reference, String objective, String action, String milestones, String owner,
            String deadline, LocalDate deadlineDate, String priority, String status, String resources, String risk) {

        static ActionDocument of(PlanAction action) {
            return new ActionDocument(action.getReference(), action.getObjective(), action.getAction(),
                    action.getMilestones(), action.getOwner(), action.getDeadlineText(), action.getDeadline(),
                    action.getPriority(), action.getStatus(), action.getResources(), action.getRisk());
        }
    }

    /**
     * A plan's return of one cycle, as recorded: officers' texts as they wrote them, and the evidence the update gave
     * (empty lists until it is submitted).
     */
    record ReturnDocument(String cycle, LocalDate meetingDate, ReturnState state, String achievements,
            String plannedActivities, String blockages, String submittedBy, Instant submittedAt, RagStatus ragStatus,
            String judgementComment, String judgedBy, Instant judgedAt, String remedialComment,
            List<RemedialActionDocument> remedialActions, EvidenceView evidence) {

        static ReturnDocument of(PlanReturn planReturn, EvidenceView evidence) {
            return new ReturnDocument(planReturn.getCycle().getReference(),
                    planReturn.getCycle().getMeeting().getMeetingDate(), planReturn.getState(),
                    planReturn.getAchievements(), planReturn.getPlannedActivities(), planReturn.getBlockages(),
                    planReturn.getSubmittedBy(), planReturn.getSubmittedAt(), planReturn.getRagStatus(),
                    planReturn.getJudgementComment(), planReturn.getJudgedBy(), planReturn.getJudgedAt(),
                    planReturn.getRemedialComment(), planReturn.getRemedialActions().stream()
                            .map(action -> new RemedialActionDocument(action.getAction(), action.getOwner(),
                                    action.getDueDate(), action.getState()))
                            .toList(), evidence);
        }
    }

    record RemedialActionDocument(String action, String owner, LocalDate dueDate, RemedialAction.State state) {
    }

    private final RegisterAccess access;
    private final PlanRetirement retirement;
    private final PlanReturnRepository returns;
    private final IndicatorValueRepository indicatorValues;
    private final EvidenceViews evidenceViews;

    PlanApi(RegisterAccess access, PlanRetirement retirement, PlanReturnRepository returns,
            IndicatorValueRepository indicatorValues, EvidenceViews evidenceViews) {
        this.access = access;
        this.retirement = retirement;
        this.returns = returns;
        this.indicatorValues = indicatorValues;
        this.evidenceViews = evidenceViews;
    }

    @GetMapping
    @Operation(summary = "The plans you may read: your network's as a manager, the ones naming you as an officer")
    List<PlanSummary> plans(@RequestParam(required = false) String network,
            @RequestParam(defaultValue = "false") boolean includeRetired) {
        return access.readablePlans(Viewer.current(), network).stream()
                .filter(plan -> includeRetired || plan.isActive())
                .map(PlanSummary::of).toList();
    }

    @GetMapping("/{reference}")
    @Operation(summary = "The plan: its officers, its indicators with their targets and their values period by "
            + "period, its actions")
    PlanDocument plan(@PathVariable String reference) {
        DeliveryPlan plan = access.plan(reference, Viewer.current());
        return PlanDocument.of(plan, indicatorValues.seriesOf(plan));
    }

    @GetMapping("/{reference}/returns")
    @Operation(summary = "The plan's returns, the latest cycle first, each with the evidence its update gave: "
            + "indicators' values, actions' progress, last quarter's remedial actions followed up (its officers and "
            + "its network's managers)")
    List<ReturnDocument> returns(@PathVariable String reference) {
        DeliveryPlan plan = access.plan(reference, Viewer.current());
        return returns.findByPlanIdOrderByCycleMeetingMeetingDateDesc(plan.getId()).stream()
                .map(planReturn -> ReturnDocument.of(planReturn, evidenceViews.of(planReturn))).toList();
    }

    @PostMapping("/{reference}/retire")
    @Operation(summary = "Retire a plan (the network's managers): no more returns, its history stays")
    PlanSummary retire(@PathVariable String reference) {
        return PlanSummary.of(retirement.retire(reference, Viewer.current()));
    }

    @PostMapping("/{reference}/reinstate")
    @Operation(summary = "Reinstate a retired plan (the network's managers): it reports again from the next cycle")
    PlanSummary reinstate(@PathVariable String reference) {
        return PlanSummary.of(retirement.reinstate(reference, Viewer.current()));
    }
}
