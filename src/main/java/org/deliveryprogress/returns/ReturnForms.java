package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleDeadlines;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Camunda Forms of a return's tasks show, read from the application's tables when a form opens: the plan,
 * its deadlines, last quarter's return, its open actions, and what has been submitted so far (so that an update sent
 * back for more information opens with the text the officer wrote), and what Tasklist's script needs to confirm a
 * completion. Values are plain texts, maps and lists; maps and lists reach the form as Json variables
 * ({@link ReturnFormHandler}).
 */
@Component
@Transactional(readOnly = true)
class ReturnForms {

    private final PlanReturnRepository returns;
    private final ReturnDraftRepository drafts;
    private final UserDirectory users;
    private final AgreeingManager agreeingManager;
    private final ReadableDates dates;
    private final ZoneId zone;

    ReturnForms(PlanReturnRepository returns, ReturnDraftRepository drafts, UserDirectory users,
            AgreeingManager agreeingManager, ReadableDates dates, CycleProperties cycleProperties) {
        this.returns = returns;
        this.drafts = drafts;
        this.users = users;
        this.agreeingManager = agreeingManager;
        this.dates = dates;
        this.zone = cycleProperties.timeZone();
    }

    Map<String, Object> formData(Long returnId, String taskDefinitionKey) {
        PlanReturn planReturn = returns.findById(returnId).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("plan", plan(planReturn.getPlan()));
        data.put("cycle", cycle(planReturn.getCycle()));
        data.put("confirmation", confirmation(planReturn, taskDefinitionKey));
        returns.findPrevious(planReturn.getPlan().getId(), planReturn.getCycle().getId()).ifPresent(previous -> {
            data.put("lastReturn", lastReturn(previous));
            data.put("agreedRemedialActions", remedialActions(previous, RemedialAction.State.AGREED));
        });
        data.put("openActions", planReturn.getPlan().getActions().stream().filter(PlanAction::isOpen)
                .map(ReturnForms::action).toList());
        if (planReturn.getSubmittedAt() != null) {
            data.put("update", update(planReturn));
        }
        if (planReturn.getJudgedAt() != null) {
            data.put("judgement", judgement(planReturn));
        }
        if (planReturn.getRemedialDecidedBy() != null) {
            data.put("remedialDecision", remedialDecision(planReturn));
        }
        switch (taskDefinitionKey) {
            case TASK_SUBMIT_UPDATE -> {
                Optional<ReturnDraft> draft = drafts.findById(returnId);
                putIfPresent(data, ACHIEVEMENTS, draft.map(ReturnDraft::getAchievements)
                        .orElse(planReturn.getAchievements()));
                putIfPresent(data, PLANNED_ACTIVITIES, draft.map(ReturnDraft::getPlannedActivities)
                        .orElse(planReturn.getPlannedActivities()));
                putIfPresent(data, BLOCKAGES, draft.map(ReturnDraft::getBlockages).orElse(planReturn.getBlockages()));
                draft.ifPresent(saved -> data.put("draft", Map.of("savedByName", users.nameOf(saved.getSavedBy()),
                        "savedAt", dates.moment(saved.getSavedAt()))));
            }
            case TASK_JUDGE_STATUS -> planReturn.lastSendBack(SendBack.Kind.UPDATE)
                    .ifPresent(sendBack -> data.put("earlierRequest", Map.of("comment", sendBack.getComment(),
                            "askedByName", users.nameOf(sendBack.getSentBy()))));
            case TASK_PROPOSE_REMEDIAL_ACTIONS, TASK_AGREE_REMEDIAL_ACTIONS -> {
                if (!planReturn.getRemedialActions().isEmpty()) {
                    data.put(REMEDIAL_ACTIONS, remedialActions(planReturn, null));
                }
            }
            default -> {
            }
        }
        return data;
    }

    /** Officers appear by name in the forms (officers may not read each other's profiles in Tasklist). */
    private Map<String, Object> plan(DeliveryPlan plan) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", plan.getReference());
        map.put("title", plan.getTitle());
        map.put("leadOfficer", plan.getLeadOfficer());
        map.put("leadOfficerName", users.nameOf(plan.getLeadOfficer()));
        map.put("judgingOfficer", plan.getJudgingOfficer());
        map.put("judgingOfficerName", users.nameOf(plan.getJudgingOfficer()));
        putIfPresent(map, "dataEntryOfficer", plan.getDataEntryOfficer());
        if (plan.getDataEntryOfficer() != null) {
            map.put("dataEntryOfficerName", users.nameOf(plan.getDataEntryOfficer()));
        }
        putIfPresent(map, "agency", plan.getAgency());
        putIfPresent(map, "partnershipGroup", plan.getPartnershipGroup());
        putIfPresent(map, "priority", plan.getPriority());
        putIfPresent(map, "theme", plan.getTheme());
        return map;
    }

    private Map<String, Object> cycle(Cycle cycle) {
        CycleDeadlines deadlines = cycle.deadlines();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", cycle.getReference());
        map.put("meetingDate", cycle.getMeeting().getMeetingDate().toString());
        map.put("updateDueDate", day(deadlines.updatesDue()));
        map.put("judgementDueDate", day(deadlines.judgementsDue()));
        map.put("remedialDueDate", day(deadlines.agreementsDue()));
        map.put("closeDate", day(deadlines.close()));
        return map;
    }

    /**
     * What Tasklist's script needs, beside the plan and the cycle, to confirm a completion and say who acts next: the
     * step, and for a proposal the manager who will agree it, where that is plain (else the network's managers).
     */
    private Map<String, Object> confirmation(PlanReturn planReturn, String taskDefinitionKey) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("step", taskDefinitionKey);
        if (TASK_PROPOSE_REMEDIAL_ACTIONS.equals(taskDefinitionKey)) {
            agreeingManager.of(planReturn.getId(), planReturn.getPlan().getNetwork().getManagerGroup())
                    .ifPresent(manager -> map.put("agreedByName", users.nameOf(manager)));
        }
        return map;
    }

    private static Map<String, Object> lastReturn(PlanReturn previous) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cycleReference", previous.getCycle().getReference());
        map.put("state", previous.getState().name());
        putIfPresent(map, "ragStatus", previous.getRagStatus() == null ? null : previous.getRagStatus().name());
        putIfPresent(map, "achievements", previous.getAchievements());
        putIfPresent(map, "plannedActivities", previous.getPlannedActivities());
        putIfPresent(map, "blockages", previous.getBlockages());
        putIfPresent(map, "judgementComment", previous.getJudgementComment());
        return map;
    }

    private Map<String, Object> update(PlanReturn planReturn) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, "achievements", planReturn.getAchievements());
        putIfPresent(map, "plannedActivities", planReturn.getPlannedActivities());
        putIfPresent(map, "blockages", planReturn.getBlockages());
        map.put("submittedBy", planReturn.getSubmittedBy());
        map.put("submittedByName", users.nameOf(planReturn.getSubmittedBy()));
        map.put("submittedAt", planReturn.getSubmittedAt().toString());
        return map;
    }

    private Map<String, Object> judgement(PlanReturn planReturn) {
        Map<String, Object> map = new LinkedHashMap<>();
        boolean sentBack = planReturn.getState() == ReturnState.SENT_BACK;
        map.put("judgementOutcome", sentBack ? OUTCOME_SENT_BACK : OUTCOME_JUDGED);
        if (!sentBack && planReturn.getRagStatus() != null) {
            map.put("ragStatus", planReturn.getRagStatus().name());
        }
        putIfPresent(map, "judgementComment", planReturn.getJudgementComment());
        map.put("judgedBy", planReturn.getJudgedBy());
        map.put("judgedByName", users.nameOf(planReturn.getJudgedBy()));
        return map;
    }

    private static Map<String, Object> remedialDecision(PlanReturn planReturn) {
        Map<String, Object> map = new LinkedHashMap<>();
        boolean agreed = planReturn.getState() == ReturnState.COMPLETE;
        map.put("remedialOutcome", agreed ? OUTCOME_AGREED : OUTCOME_SENT_BACK);
        putIfPresent(map, "remedialComment", planReturn.getRemedialComment());
        return map;
    }

    private static List<Map<String, Object>> remedialActions(PlanReturn planReturn, RemedialAction.State only) {
        return planReturn.getRemedialActions().stream()
                .filter(action -> only == null || action.getState() == only)
                .map(ReturnForms::remedialAction)
                .toList();
    }

    /**
     * The date both ways: ISO for the forms that show it in words, and day, month and year for the proposal form's
     * three boxes, which a form sent back opens with. A form submits only its own fields, so never both.
     */
    private static Map<String, Object> remedialAction(RemedialAction action) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("action", action.getAction());
        map.put("owner", action.getOwner());
        map.put(DUE_DATE, action.getDueDate().toString());
        map.put(DUE_DAY, action.getDueDate().getDayOfMonth());
        map.put(DUE_MONTH, action.getDueDate().getMonthValue());
        map.put(DUE_YEAR, action.getDueDate().getYear());
        return map;
    }

    private static Map<String, Object> action(PlanAction action) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", action.getReference());
        map.put("action", action.getAction());
        putIfPresent(map, "milestones", action.getMilestones());
        putIfPresent(map, "owner", action.getOwner());
        putIfPresent(map, "deadline", action.getDeadlineText());
        map.put("status", action.getStatus());
        return map;
    }

    private String day(Instant instant) {
        return LocalDate.ofInstant(instant, zone).toString();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
