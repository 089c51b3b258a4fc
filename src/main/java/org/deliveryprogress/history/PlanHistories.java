package org.deliveryprogress.history;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.packs.StatusMark;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class PlanHistories {

    private final PlanReturnRepository returns;
    private final HistoryService historyService;
    private final UserDirectory directory;
    private final ReadableDates readable;

    PlanHistories(PlanReturnRepository returns, HistoryService historyService, UserDirectory directory,
            ReadableDates readable) {
        this.returns = returns;
        this.historyService = historyService;
        this.directory = directory;
        this.readable = readable;
    }

    @Transactional(readOnly = true)
    PlanHistory of(DeliveryPlan plan) {
        List<PlanReturn> latestFirst = returns.findByPlanIdOrderByCycleMeetingMeetingDateDesc(plan.getId());
        List<PlanHistory.Quarter> quarters = new ArrayList<>();
        for (int i = 0; i < latestFirst.size(); i++) {
            PlanReturn planReturn = latestFirst.get(i);
            StatusMark status = StatusMark.of(planReturn);
            StatusMark previous = i + 1 < latestFirst.size() ? StatusMark.of(latestFirst.get(i + 1)) : null;
            boolean judged = planReturn.getRagStatus() != null;
            quarters.add(new PlanHistory.Quarter(planReturn.getCycle().getReference(),
                    ReadableDates.day(planReturn.getCycle().getMeeting().getMeetingDate()),
                    planReturn.getState().describe(), status, previous, status.since(previous),
                    name(planReturn.getSubmittedBy()), readable.moment(planReturn.getSubmittedAt()),
                    judged ? name(planReturn.getJudgedBy()) : null,
                    judged ? readable.moment(planReturn.getJudgedAt()) : null,
                    planReturn.getJudgementComment(), name(planReturn.getRemedialDecidedBy()),
                    steps(planReturn.getProcessInstanceId())));
        }
        return new PlanHistory(plan.getReference(), plan.getTitle(), plan.getNetwork().getCode(), quarters);
    }

    /**
     * The return's tasks in the order they began, each with who completed it: the engine's log of the completion
     * (a data-entry officer may complete an update offered to them without taking it first), else the assignee. A
     * return recorded without the engine (brought in from before) has none.
     */
    private List<PlanHistory.Step> steps(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        Map<String, String> completedBy = historyService.createUserOperationLogQuery()
                .processInstanceId(processInstanceId).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list().stream().filter(entry -> entry.getTaskId() != null && entry.getUserId() != null)
                .collect(Collectors.toMap(UserOperationLogEntry::getTaskId, UserOperationLogEntry::getUserId,
                        (first, second) -> first));
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(task -> new PlanHistory.Step(TaskNames.step(task.getName()),
                        name(completedBy.getOrDefault(task.getId(), task.getAssignee())), moment(task.getStartTime()),
                        moment(task.getEndTime()), outcomeOf(task)))
                .toList();
    }

    private static String outcomeOf(HistoricTaskInstance task) {
        if (task.getEndTime() == null) {
            return "open";
        }
        return "completed".equals(task.getDeleteReason()) ? "done" : "ended when the cycle closed";
    }

    private String moment(Date date) {
        return date == null ? null : readable.moment(date.toInstant());
    }

    private String name(String userId) {
        return userId == null ? null : directory.nameOf(userId);
    }
}
