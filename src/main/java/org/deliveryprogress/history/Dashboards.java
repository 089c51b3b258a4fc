package org.deliveryprogress.history;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.identity.TaskHolders;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.outcomes.StatusCharts;
import org.deliveryprogress.outcomes.StatusMark;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.returns.EvidenceView;
import org.deliveryprogress.returns.EvidenceViews;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class Dashboards {

    private final CycleRepository cycles;
    private final PlanReturnRepository returns;
    private final DeliveryPlanRepository plans;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final UserDirectory directory;
    private final Clock clock;
    private final ReadableDates readable;
    private final EvidenceViews evidenceViews;

    Dashboards(CycleRepository cycles, PlanReturnRepository returns, DeliveryPlanRepository plans,
            TaskService taskService, RuntimeService runtimeService, UserDirectory directory, Clock clock,
            ReadableDates readable, EvidenceViews evidenceViews) {
        this.cycles = cycles;
        this.returns = returns;
        this.plans = plans;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.directory = directory;
        this.clock = clock;
        this.readable = readable;
        this.evidenceViews = evidenceViews;
    }

    /**
     * The network's open cycle, and its last {@value StatusCharts#QUARTERS} cycles (the open one too) in the grid and
     * the chart: four a year, so that the page does not grow with the years; each plan's history has them all.
     */
    @Transactional(readOnly = true)
    Dashboard of(Network network) {
        List<Cycle> networkCycles = cycles.findByMeetingNetworkIdOrderByMeetingMeetingDate(network.getId());
        Cycle open = networkCycles.stream().filter(cycle -> cycle.getState() == Cycle.State.OPEN)
                .reduce((first, second) -> second).orElse(null);
        List<Cycle> shown = networkCycles.subList(Math.max(0, networkCycles.size() - StatusCharts.QUARTERS),
                networkCycles.size());
        Map<Long, PlanReturn> latestUpdates = new HashMap<>();
        List<Dashboard.PlanRow> grid = grid(network, shown, latestUpdates);
        return new Dashboard(network.getCode(), network.getName(), open == null ? null : progressOf(open),
                shown.stream().map(Cycle::getReference).toList(), grid, offTrack(network, latestUpdates),
                StatusCharts.of(network, shown, returns.countStatuses(shown.stream().map(Cycle::getId).toList())));
    }

    /**
     * Each plan's indicators short of target and actions behind, from its latest update in the cycles shown, in the
     * plans' order.
     */
    private List<Dashboard.OffTrack> offTrack(Network network, Map<Long, PlanReturn> latestUpdates) {
        List<Dashboard.OffTrack> offTrack = new ArrayList<>();
        for (DeliveryPlan plan : plans.findByNetworkOrderByReference(network)) {
            PlanReturn latest = latestUpdates.get(plan.getId());
            if (latest == null) {
                continue;
            }
            EvidenceView evidence = evidenceViews.of(latest);
            if (evidence.offTrack()) {
                offTrack.add(new Dashboard.OffTrack(plan.getReference(), plan.getTitle(),
                        latest.getCycle().getReference(), evidence.offTarget().stream()
                                .map(indicator -> indicator.code() + ": " + indicator.valueShown() + " against "
                                        + indicator.targetShownWithYear() + ", " + indicator.checkShown())
                                .toList(),
                        evidence.behind().stream().map(EvidenceView.ActionLine::behindInWords).toList()));
            }
        }
        return offTrack;
    }

    private Dashboard.OpenCycle progressOf(Cycle cycle) {
        List<PlanReturn> cycleReturns = returns.findByCycleIdOrderByPlanReference(cycle.getId());
        String ofThisCycle = cycle.getReference() + "/%";
        Map<String, String> planByInstance = new HashMap<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(ofThisCycle).list()) {
            // Business keys are <cycle>/<plan>.
            planByInstance.put(instance.getId(),
                    instance.getBusinessKey().substring(cycle.getReference().length() + 1));
        }
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKeyLike(ofThisCycle).list();
        Map<String, Task> taskByPlan = new HashMap<>();
        for (Task task : tasks) {
            taskByPlan.put(planByInstance.get(task.getProcessInstanceId()), task);
        }
        Date now = Date.from(clock.instant());
        Map<Long, List<String>> holdersByReturn = new HashMap<>();
        for (PlanReturn planReturn : cycleReturns) {
            Task task = taskByPlan.get(planReturn.getPlan().getReference());
            holdersByReturn.put(planReturn.getId(), task == null ? List.of() : holdersOf(task));
        }
        Map<String, String> names = directory.namesOf(holdersByReturn.values().stream().flatMap(List::stream)
                .toList());
        Map<String, int[]> byOfficer = new TreeMap<>();
        List<Dashboard.PlanProgress> byPlan = new ArrayList<>();
        for (PlanReturn planReturn : cycleReturns) {
            Task task = taskByPlan.get(planReturn.getPlan().getReference());
            boolean overdue = task != null && task.getDueDate() != null && task.getDueDate().before(now);
            List<String> holders = holdersByReturn.get(planReturn.getId());
            for (String holder : holders) {
                int[] counts = byOfficer.computeIfAbsent(holder, id -> new int[2]);
                counts[0]++;
                counts[1] += overdue ? 1 : 0;
            }
            byPlan.add(new Dashboard.PlanProgress(planReturn.getPlan().getReference(), planReturn.getPlan().getTitle(),
                    planReturn.getState().describe(), task == null ? null : TaskNames.step(task.getName()),
                    holders.stream().map(names::get).reduce((a, b) -> a + ", " + b).orElse(null),
                    task == null ? null : readable.moment(task.getDueDate() == null ? null
                            : task.getDueDate().toInstant()),
                    overdue));
        }
        return new Dashboard.OpenCycle(cycle.getReference(), ReadableDates.day(cycle.getMeeting().getMeetingDate()),
                cycleReturns.size(),
                (int) cycleReturns.stream().filter(planReturn -> planReturn.getSubmittedAt() != null).count(),
                (int) cycleReturns.stream().filter(planReturn -> planReturn.getRagStatus() != null).count(),
                (int) byPlan.stream().filter(Dashboard.PlanProgress::overdue).count(), tasks.size(), byPlan,
                byOfficer.entrySet().stream().map(entry -> new Dashboard.OfficerProgress(names.get(entry.getKey()),
                        entry.getValue()[0], entry.getValue()[1])).toList());
    }

    /** Who holds an open task: its assignee, or else the users and groups it is offered to. */
    private List<String> holdersOf(Task task) {
        TaskHolders holders = TaskHolders.of(task.getAssignee(), taskService.getIdentityLinksForTask(task.getId()));
        if (holders.assignee() != null) {
            return List.of(holders.assignee());
        }
        return Stream.concat(holders.candidateUsers().stream(),
                holders.candidateGroups().stream().map(group -> group + " (group)")).toList();
    }

    /** Each plan's statuses cycle by cycle; fills {@code latestUpdates} with each plan's latest submitted return. */
    private List<Dashboard.PlanRow> grid(Network network, List<Cycle> networkCycles,
            Map<Long, PlanReturn> latestUpdates) {
        Map<Long, Map<Long, StatusMark>> byPlan = new HashMap<>();
        for (int column = 0; column < networkCycles.size(); column++) {
            for (PlanReturn planReturn : returns.findByCycleIdOrderByPlanReference(networkCycles.get(column)
                    .getId())) {
                byPlan.computeIfAbsent(planReturn.getPlan().getId(), id -> new HashMap<>())
                        .put(networkCycles.get(column).getId(), StatusMark.of(planReturn));
                if (planReturn.getSubmittedAt() != null) {
                    latestUpdates.put(planReturn.getPlan().getId(), planReturn);
                }
            }
        }
        return plans.findByNetworkOrderByReference(network).stream()
                .map(plan -> {
                    Map<Long, StatusMark> statuses = byPlan.getOrDefault(plan.getId(), Map.of());
                    List<StatusMark> row = networkCycles.stream().map(cycle -> statuses.get(cycle.getId())).toList();
                    List<StatusMark> judged = row.stream().filter(mark -> mark != null && mark.isJudged()).toList();
                    StatusMark.Trend trend = judged.size() < 2 ? StatusMark.Trend.NONE
                            : judged.get(judged.size() - 1).since(judged.get(judged.size() - 2));
                    return new Dashboard.PlanRow(plan.getReference(), plan.getTitle(), row, trend);
                })
                .toList();
    }
}
