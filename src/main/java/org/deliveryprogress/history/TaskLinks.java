package org.deliveryprogress.history;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.TaskHolders;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.NotFoundException;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where an email's link to a task leads. While the task is open and the signed-in user may work on it or watch it
 * (its assignee or candidates, the network's managers), to the task in Tasklist; otherwise a page that says plainly
 * that it is done, by whom and when, or with whom it is, with a link to the plan. Tasklist itself answers a finished
 * task with an engine error. A task of a plan the user may not read is answered as one that does not exist, unless
 * they are one of the officers its return opened with: a return keeps them when the plan is given other officers.
 */
@Controller
class TaskLinks {

    private final HistoryService historyService;
    private final TaskService taskService;
    private final PlanReturnRepository returns;
    private final RegisterAccess access;
    private final TaskCompletions completions;
    private final UserDirectory directory;
    private final ReadableDates readable;

    TaskLinks(HistoryService historyService, TaskService taskService, PlanReturnRepository returns,
            RegisterAccess access, TaskCompletions completions, UserDirectory directory, ReadableDates readable) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.returns = returns;
        this.access = access;
        this.completions = completions;
        this.directory = directory;
        this.readable = readable;
    }

    @GetMapping("/tasks/{taskId}")
    @Transactional(readOnly = true)
    String task(@PathVariable String taskId, Model model) {
        Viewer viewer = Viewer.current();
        HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        PlanReturn planReturn = task == null ? null
                : returns.findByProcessInstanceId(task.getProcessInstanceId()).orElse(null);
        if (planReturn == null
                || !(planReturn.namesOfficer(viewer.userId()) || mayRead(planReturn.getPlan(), viewer))) {
            throw new NotFoundException("There is no task " + taskId + " of yours. The link may be from an email "
                    + "meant for someone else; your open tasks are in Tasklist.");
        }
        DeliveryPlan plan = planReturn.getPlan();
        model.addAttribute("task", TaskNames.step(task.getName()));
        model.addAttribute("planReference", plan.getReference());
        model.addAttribute("planTitle", plan.getTitle());
        if (task.getEndTime() == null) {
            Task open = taskService.createTaskQuery().taskId(taskId).singleResult();
            TaskHolders holders = TaskHolders.of(open.getAssignee(), taskService.getIdentityLinksForTask(taskId));
            if (holders.include(viewer.userId(), viewer.groups()) || viewer.manages(plan.getNetwork())) {
                return "redirect:/camunda/app/tasklist/default/#/?task=" + taskId;
            }
            model.addAttribute("openWith", holders.assignee() != null ? directory.nameOf(holders.assignee())
                    : "a member of " + String.join(", ", holders.candidateGroups()));
        } else {
            boolean completed = "completed".equals(task.getDeleteReason());
            String by = completions.by(task);
            model.addAttribute("completedBy", completed ? directory.nameOf(by) : null);
            model.addAttribute("endedAt", readable.moment(task.getEndTime().toInstant()));
            model.addAttribute("completed", completed);
        }
        return "task-link";
    }

    private boolean mayRead(DeliveryPlan plan, Viewer viewer) {
        try {
            access.plan(plan.getReference(), viewer);
            return true;
        } catch (NotFoundException | NotAllowedException notTheirs) {
            return false;
        }
    }
}
