package org.deliveryprogress.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.notifications.UserDirectory;
import org.deliveryprogress.packs.StatusMark;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class PlanHistories {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final PlanReturnRepository returns;
    private final HistoryService historyService;
    private final UserDirectory directory;
    private final ZoneId zone;

    PlanHistories(PlanReturnRepository returns, HistoryService historyService, UserDirectory directory,
            CycleProperties properties) {
        this.returns = returns;
        this.historyService = historyService;
        this.directory = directory;
        this.zone = properties.timeZone();
    }

    @Transactional(readOnly = true)
    PlanHistory of(DeliveryPlan plan) {
        List<PlanReturn> latestFirst = returns.findByPlanIdOrderByCycleMeetingMeetingDateDesc(plan.getId());
        List<PlanHistory.Quarter> quarters = new ArrayList<>();
        for (int i = 0; i < latestFirst.size(); i++) {
            PlanReturn planReturn = latestFirst.get(i);
            StatusMark status = StatusMark.of(planReturn);
            StatusMark previous = i + 1 < latestFirst.size() ? StatusMark.of(latestFirst.get(i + 1)) : null;
            quarters.add(new PlanHistory.Quarter(planReturn.getCycle().getReference(),
                    DAY.format(planReturn.getCycle().getMeeting().getMeetingDate()),
                    Dashboards.stageOf(planReturn.getState()), status, previous, status.since(previous),
                    name(planReturn.getSubmittedBy()), moment(planReturn.getSubmittedAt()),
                    name(planReturn.getJudgedBy()), moment(planReturn.getJudgedAt()),
                    planReturn.getJudgementComment(), name(planReturn.getRemedialDecidedBy()),
                    steps(planReturn.getProcessInstanceId())));
        }
        return new PlanHistory(plan.getReference(), plan.getTitle(), plan.getNetwork().getCode(), quarters);
    }

    /** The return's tasks in the order they began; a return recorded without the engine (brought in) has none. */
    private List<PlanHistory.Step> steps(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        Function<Date, String> moment = date -> date == null ? null : moment(date.toInstant());
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(task -> new PlanHistory.Step(task.getName().replaceFirst(":.*", ""), name(task.getAssignee()),
                        moment.apply(task.getStartTime()), moment.apply(task.getEndTime()), outcomeOf(task)))
                .toList();
    }

    private static String outcomeOf(HistoricTaskInstance task) {
        if (task.getEndTime() == null) {
            return "open";
        }
        return "completed".equals(task.getDeleteReason()) ? "done" : "ended when the cycle closed";
    }

    private String name(String userId) {
        return userId == null ? null : directory.nameOf(userId);
    }

    private String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant.atZone(zone));
    }
}
