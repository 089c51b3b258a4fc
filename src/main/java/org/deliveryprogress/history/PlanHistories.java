package org.deliveryprogress.history;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.outcomes.ReturnOutcomes;
import org.deliveryprogress.outcomes.StatusMark;
import org.deliveryprogress.outcomes.SuggestionMark;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.IndicatorSeries;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.RecordedValue;
import org.deliveryprogress.returns.EvidenceViews;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.returns.SendBack;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class PlanHistories {

    private final PlanReturnRepository returns;
    private final HistoryService historyService;
    private final UserDirectory directory;
    private final ReadableDates readable;
    private final ReturnOutcomes outcomes;
    private final TaskCompletions completions;
    private final EvidenceViews evidenceViews;
    private final IndicatorValueRepository indicatorValues;

    PlanHistories(PlanReturnRepository returns, HistoryService historyService, UserDirectory directory,
            ReadableDates readable, ReturnOutcomes outcomes, TaskCompletions completions, EvidenceViews evidenceViews,
            IndicatorValueRepository indicatorValues) {
        this.completions = completions;
        this.evidenceViews = evidenceViews;
        this.indicatorValues = indicatorValues;
        this.returns = returns;
        this.historyService = historyService;
        this.directory = directory;
        this.readable = readable;
        this.outcomes = outcomes;
    }

    @Transactional(readOnly = true)
    PlanHistory of(DeliveryPlan plan) {
        return of(plan, indicatorValues.seriesOf(plan));
    }

    /** The plan's history, with its indicators' series read already (the page draws its charts from them too). */
    @Transactional(readOnly = true)
    PlanHistory of(DeliveryPlan plan, List<IndicatorValue> series) {
        List<PlanReturn> latestFirst = returns.findByPlanIdOrderByCycleMeetingMeetingDateDesc(plan.getId());
        List<PlanHistory.Quarter> quarters = new ArrayList<>();
        for (int i = 0; i < latestFirst.size(); i++) {
            PlanReturn planReturn = latestFirst.get(i);
            StatusMark status = StatusMark.of(planReturn);
            StatusMark previous = i + 1 < latestFirst.size() ? StatusMark.of(latestFirst.get(i + 1)) : null;
            boolean judged = planReturn.getRagStatus() != null;
            quarters.add(new PlanHistory.Quarter(planReturn.getCycle().getReference(),
                    ReadableDates.day(planReturn.getCycle().getMeeting().getMeetingDate()),
                    planReturn.getState().describe() + outcomes.waitingAtClose(planReturn)
                            .map(waiting -> ": " + waiting).orElse(""),
                    status, previous, status.since(previous),
                    directory.nameOf(planReturn.getSubmittedBy()), readable.moment(planReturn.getSubmittedAt()),
                    evidenceViews.of(planReturn), judged ? directory.nameOf(planReturn.getJudgedBy()) : null,
                    judged ? readable.moment(planReturn.getJudgedAt()) : null, SuggestionMark.of(planReturn),
                    judged ? planReturn.getJudgementComment() : null, outcomes.decisions(planReturn),
                    List.copyOf(planReturn.getRemedialActions()), steps(planReturn)));
        }
        return new PlanHistory(plan.getReference(), plan.getTitle(), plan.getNetwork().getCode(),
                IndicatorSeries.of(plan, series), replacedValues(series), quarters);
    }

    private List<PlanHistory.ReplacedValue> replacedValues(List<IndicatorValue> series) {
        return series.stream().flatMap(value -> value.getReplaced().stream().map(replaced -> {
            RecordedValue was = replaced.getRecorded();
            return new PlanHistory.ReplacedValue(value.getIndicatorCode(), value.getPeriod().toString(),
                    was.getValue(), was.getNote(), (was.isImported() ? "Imported by " : "Reported by ")
                            + directory.nameOf(was.getRecordedBy()) + ", " + readable.moment(was.getRecordedAt()),
                    directory.nameOf(replaced.getReplacedBy()) + ", " + readable.moment(replaced.getReplacedAt()));
        })).toList();
    }

    /**
     * The return's tasks in the order they began, each with who completed it ({@link TaskCompletions}) and what came
     * of it. A return recorded without the engine (brought in from before) has none.
     */
    private List<PlanHistory.Step> steps(PlanReturn planReturn) {
        String processInstanceId = planReturn.getProcessInstanceId();
        if (processInstanceId == null) {
            return List.of();
        }
        Map<String, String> completedBy = completions.loggedIn(processInstanceId);
        List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc().list();
        Outcomes named = new Outcomes(planReturn, tasks);
        return tasks.stream()
                .map(task -> new PlanHistory.Step(TaskNames.step(task.getName()),
                        directory.nameOf(completedBy.getOrDefault(task.getId(), task.getAssignee())),
                        moment(task.getStartTime()), moment(task.getEndTime()), named.of(task), named.textOf(task)))
                .toList();
    }

    /**
     * What came of each task of a return, named for what it was. A judgement or an agreement ends its loop, so only
     * the last completed judging (or agreeing) task can be one; every earlier one sent the return back. The send-back
     * recorded with the task's id gives the officer's question or comment (send-backs from before the application
     * kept them have none).
     */
    private static final class Outcomes {

        private final PlanReturn planReturn;
        private final Map<String, SendBack> sendBackByTask;
        private final Map<String, String> lastCompletedByKey;

        Outcomes(PlanReturn planReturn, List<HistoricTaskInstance> tasks) {
            this.planReturn = planReturn;
            this.sendBackByTask = planReturn.getSendBacks().stream().filter(sendBack -> sendBack.getTaskId() != null)
                    .collect(Collectors.toMap(SendBack::getTaskId, Function.identity(), (first, second) -> first));
            this.lastCompletedByKey = tasks.stream().filter(Outcomes::completed)
                    .collect(Collectors.toMap(HistoricTaskInstance::getTaskDefinitionKey, HistoricTaskInstance::getId,
                            (earlier, later) -> later));
        }

        String of(HistoricTaskInstance task) {
            if (task.getEndTime() == null) {
                return "Open";
            }
            if (!completed(task)) {
                return "Ended when the cycle closed";
            }
            boolean last = task.getId().equals(lastCompletedByKey.get(task.getTaskDefinitionKey()));
            return switch (task.getTaskDefinitionKey()) {
                case ReturnVariables.TASK_SUBMIT_UPDATE -> "Update submitted";
                case ReturnVariables.TASK_JUDGE_STATUS -> last && planReturn.getRagStatus() != null
                        ? "Judged " + planReturn.getRagStatus() : "Update sent back for more information";
                case ReturnVariables.TASK_PROPOSE_REMEDIAL_ACTIONS -> "Remedial actions proposed";
                case ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS -> last
                        && planReturn.getState() == ReturnState.COMPLETE ? "Remedial actions agreed"
                                : "Remedial actions sent back";
                default -> "Done";
            };
        }

        /** The question or comment the task sent the return back with, as written. */
        String textOf(HistoricTaskInstance task) {
            SendBack sendBack = sendBackByTask.get(task.getId());
            return sendBack == null ? null : sendBack.getComment();
        }

        private static boolean completed(HistoricTaskInstance task) {
            return task.getEndTime() != null && "completed".equals(task.getDeleteReason());
        }
    }

    private String moment(Date date) {
        return date == null ? null : readable.moment(date.toInstant());
    }
}
