package org.deliveryprogress.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.identity.TaskHolders;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.notifications.Notification;
import org.deliveryprogress.notifications.NotificationKind;
import org.deliveryprogress.notifications.Notifications;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.CycleWithdrawn;
import org.deliveryprogress.returns.DraftHandedToLead;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RemedialActionsAgreed;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Chases a return's open task by email: who is told what, and when the network manager hears of it. Each email's
 * subject and first line say what is wanted ({@link TaskRequests}); the officers who may do a task are told of it
 * and reminded: its assignee and its named candidates (the data-entry officer beside the lead officer on an update),
 * or, while no one has taken it, the members of the group it is offered to.
 */
@Service
@Transactional
class Reminders {

    /** The overdue reminder whose day also tells the network's managers; their email's words count from it. */
    private static final int ESCALATING_REMINDER = 2;

    private final TaskService taskService;
    private final CycleRepository cycles;
    private final PlanReturnRepository returns;
    private final ReminderSchedule schedule;
    private final Notifications notifications;
    private final UserDirectory directory;
    private final TaskRequests requests;
    private final ReadableDates readable;
    private final Clock clock;
    private final ZoneId zone;

    Reminders(TaskService taskService, CycleRepository cycles, PlanReturnRepository returns,
            ReminderSchedule schedule, Notifications notifications, UserDirectory directory, TaskRequests requests,
            ReadableDates readable, Clock clock, CycleProperties cycleProperties) {
        this.taskService = taskService;
        this.cycles = cycles;
        this.returns = returns;
        this.schedule = schedule;
        this.notifications = notifications;
        this.directory = directory;
        this.requests = requests;
        this.readable = readable;
        this.clock = clock;
        this.zone = cycleProperties.timeZone();
    }

    /** Tells the officers of a newly created or reassigned task what it asks of them. */
    void notifyAssigned(String taskId, String taskDefinitionKey, Long returnId, String planLabel, Date due,
            Collection<String> officers, String managerGroup) {
        if (officers.isEmpty()) {
            return;
        }
        PlanReturn planReturn = returns.getWithPlanAndCycle(returnId);
        for (String officer : officers) {
            TaskRequests.Request request = requests.of(taskDefinitionKey, planReturn, officer);
            Map<String, Object> model = model(request, taskId, planLabel, due);
            model.put("firstLine", StringUtils.capitalize(request.action()) + " for " + planLabel + " by "
                    + model.get("dueDate") + ".");
            queue(NotificationKind.TASK_ASSIGNED, "assigned:" + taskId + ":" + officer, officer,
                    request.subject() + " - " + planLabel, model, managerGroup);
        }
    }

    /** Sends the reminders of the return's open task that fall today, and escalates at the second overdue one. */
    void remindIfDue(DelegateTask task, Long returnId, String planLabel) {
        if (task.getDueDate() == null) {
            return;
        }
        PlanReturn planReturn = returns.getWithPlanAndCycle(returnId);
        Cycle cycle = planReturn.getCycle();
        Network network = cycle.getMeeting().getNetwork();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate due = LocalDate.ofInstant(task.getDueDate().toInstant(), zone);
        schedule.slotOn(today, due, network.getOffsets(), network.getRegion()).ifPresent(slot -> {
            for (String officer : officersOf(task)) {
                TaskRequests.Request request = requests.of(task.getTaskDefinitionKey(), planReturn, officer);
                Map<String, Object> model = model(request, task.getId(), planLabel, task.getDueDate());
                model.put("firstLine", "Reminder: " + request.action() + " for " + planLabel + ", which "
                        + slot.when() + ".");
                model.put("closing", "You will not be reminded again once the task is done.");
                // The due day in the key: a deadline a manager moved has its own reminders again.
                queue(NotificationKind.REMINDER,
                        "reminder:" + task.getId() + ":" + due + ":" + slot.key() + ":" + officer,
                        officer, "Reminder: " + request.action() + ", which " + slot.when() + " - " + planLabel,
                        model, network.getManagerGroup());
            }
            if (slot.overdueReminder() == ESCALATING_REMINDER) {
                escalate(task, cycle, network);
            }
        });
    }

    /** Tells the network's managers that the cycle closed, with the plans that made no return. */
    void noticeCycleClosed(Long cycleId) {
        Cycle cycle = cycles.findWithNetworkById(cycleId).orElseThrow();
        Network network = cycle.getMeeting().getNetwork();
        List<Map<String, Object>> noReturn = returns.findByCycleIdAndStateOrderById(cycleId, ReturnState.NO_RETURN)
                .stream()
                .map(planReturn -> Map.<String, Object>of("reference", planReturn.getPlan().getReference(),
                        "title", planReturn.getPlan().getTitle(),
                        "leadOfficer", directory.nameOf(planReturn.getLeadOfficer())))
                .toList();
        for (String manager : directory.membersOf(network.getManagerGroup())) {
            notifications.queue(NotificationKind.CYCLE_CLOSED, "cycle-closed:" + cycleId + ":" + manager,
                    manager, "Cycle " + cycle.getReference() + " closed: " + noReturn.size()
                            + (noReturn.size() == 1 ? " plan" : " plans") + " with no return",
                    Map.of("cycleReference", cycle.getReference(),
                            "meetingDate", ReadableDates.day(cycle.getMeeting().getMeetingDate()),
                            "noReturn", noReturn));
        }
    }

    /**
     * Tells the plan's lead and judging officers that a network manager agreed its remedial actions, with the
     * actions and the manager's comment; in the transaction that records the agreement.
     */
    @EventListener
    void noticeRemedialActionsAgreed(RemedialActionsAgreed agreed) {
        PlanReturn planReturn = returns.getWithPlanAndCycle(agreed.returnId());
        DeliveryPlan plan = planReturn.getPlan();
        String planLabel = planReturn.label();
        Map<String, Object> model = new HashMap<>();
        model.put("firstLine", "The remedial actions for " + planLabel + " were agreed by "
                + directory.nameOf(planReturn.getRemedialDecidedBy()) + " on "
                + readable.moment(planReturn.getRemedialDecidedAt()) + ".");
        model.put("quoteLabel", planReturn.getRemedialComment() == null ? null : "With this comment:");
        model.put("quote", planReturn.getRemedialComment());
        model.put("remedialActions", TaskRequests.remedialActions(planReturn));
        model.put("planTitle", planLabel);
        model.put("link", notifications.planHistoryUrl(plan.getReference()));
        model.put("linkText", "See the plan's history");
        for (String officer : new LinkedHashSet<>(List.of(planReturn.getLeadOfficer(),
                planReturn.getJudgingOfficer()))) {
            queue(NotificationKind.REMEDIAL_ACTIONS_AGREED, "agreed:" + planReturn.getId() + ":" + officer, officer,
                    "Remedial actions agreed - " + planLabel, model, plan.getNetwork().getManagerGroup());
        }
    }

    /**
     * Tells the lead officer that the data-entry officer handed them a draft of the update to review and submit; in
     * the transaction that hands it over.
     */
    @EventListener
    void noticeDraftHandedToLead(DraftHandedToLead handed) {
        PlanReturn planReturn = returns.getWithPlanAndCycle(handed.returnId());
        DeliveryPlan plan = planReturn.getPlan();
        String planLabel = planReturn.label();
        Task task = taskService.createTaskQuery().taskId(handed.taskId()).singleResult();
        TaskRequests.Request request = requests.of(task.getTaskDefinitionKey(), planReturn,
                planReturn.getLeadOfficer());
        Map<String, Object> model = model(request, task.getId(), planLabel, task.getDueDate());
        // Its first line says who prepared it and who submits it: the request's note, that the lead officer submits
        // and the data-entry officer may hand it over, repeated it after it was handed over.
        model.remove("note");
        model.put("firstLine", directory.nameOf(handed.dataEntryOfficer()) + ", the plan's data-entry officer, has "
                + "prepared the update for " + planLabel + " and handed it to you: please review it and submit it by "
                + model.get("dueDate") + ". The form opens with the draft.");
        queue(NotificationKind.DRAFT_HANDED_TO_LEAD, "draft-handed:" + task.getId() + ":"
                + handed.handedAt().toEpochMilli(), planReturn.getLeadOfficer(),
                "Draft update ready: please review and submit it - " + planLabel, model,
                plan.getNetwork().getManagerGroup());
    }

    /**
     * Tells the officers of a withdrawn cycle's open tasks that their work is no longer wanted, with the manager's
     * reason; in the transaction that withdraws it, before the tasks are deleted.
     */
    @EventListener
    void noticeCycleWithdrawn(CycleWithdrawn withdrawn) {
        Map<String, String> labels = withdrawn.returns().stream().collect(Collectors.toMap(
                CycleWithdrawn.Return::processInstanceId, CycleWithdrawn.Return::planLabel));
        if (labels.isEmpty()) {
            return;
        }
        List<Task> tasks = taskService.createTaskQuery().processInstanceIdIn(labels.keySet().toArray(String[]::new))
                .list();
        notifications.withdrawUnsent(tasks.stream().map(Task::getId).toList());
        for (Task task : tasks) {
            String planLabel = labels.get(task.getProcessInstanceId());
            Map<String, Object> model = new HashMap<>();
            model.put("firstLine", "'" + task.getName() + "' is no longer wanted: " + withdrawn.withdrawnBy()
                    + " withdrew the cycle " + withdrawn.cycleReference() + " for the network meeting of "
                    + ReadableDates.day(withdrawn.meetingDate()) + ", and the task has gone from Tasklist.");
            model.put("quoteLabel", "Their reason:");
            model.put("quote", withdrawn.reason());
            model.put("planTitle", planLabel);
            model.put("link", notifications.tasklistUrl());
            model.put("linkText", "See your open tasks");
            model.put("closing", "Anything you saved as a draft for it is gone too. If a cycle is opened for the "
                    + "meeting again, you will be asked afresh.");
            TaskHolders holders = TaskHolders.of(task.getAssignee(), taskService.getIdentityLinksForTask(task.getId()));
            for (String officer : officersOf(holders)) {
                queue(NotificationKind.CYCLE_WITHDRAWN, "withdrawn:" + task.getId() + ":" + officer, officer,
                        "No longer wanted: " + task.getName(), model, withdrawn.managerGroup());
            }
        }
    }

    /**
     * Queues an email to an officer; if their profile has no address, their network's managers are told (once a day
     * per officer), since the officer will not hear of their work.
     */
    private void queue(NotificationKind kind, String key, String officer, String subject, Map<String, Object> model,
            String managerGroup) {
        // A manager asked to agree remedial actions read that the email came on behalf of the network manager.
        Map<String, Object> theirs = new HashMap<>(model);
        theirs.put("toAManager", directory.membersOf(managerGroup).contains(officer));
        if (notifications.queue(kind, key, officer, subject, theirs) != Notification.State.NO_ADDRESS) {
            return;
        }
        // Once a day per officer, whatever they miss: the key says so.
        for (String manager : directory.membersOf(managerGroup)) {
            notifications.queue(NotificationKind.MISSING_ADDRESS, "missing-address:" + officer + ":"
                    + LocalDate.now(clock.withZone(zone)) + ":" + manager, manager,
                    directory.nameOf(officer) + " has no email address",
                    Map.of("officer", officer, "officerName", directory.nameOf(officer), "missedSubject", subject));
        }
    }

    private void escalate(DelegateTask task, Cycle cycle, Network network) {
        String officers = String.join(", ", officersOf(task).stream().map(directory::nameOf).toList());
        Map<String, Object> item = Map.of("taskName", task.getName(), "officer", officers,
                "dueDate", ReadableDates.day(LocalDate.ofInstant(task.getDueDate().toInstant(), zone)),
                "taskUrl", notifications.taskUrl(task.getId()));
        for (String manager : directory.membersOf(network.getManagerGroup())) {
            notifications.queue(NotificationKind.ESCALATION, "escalation:" + task.getId() + ":" + manager,
                    manager, "Overdue after " + ESCALATING_REMINDER + " reminders: " + task.getName(),
                    Map.of("cycleReference", cycle.getReference(), "overdue", List.of(item),
                            "reminders", ESCALATING_REMINDER));
        }
    }

    /**
     * Who may do the task: its assignee and its named candidates; the members of its candidate groups while no one
     * has taken it.
     */
    Set<String> officersOf(DelegateTask task) {
        return officersOf(TaskHolders.of(task.getAssignee(), task.getCandidates()));
    }

    private Set<String> officersOf(TaskHolders holders) {
        Set<String> officers = new LinkedHashSet<>();
        if (holders.assignee() != null) {
            officers.add(holders.assignee());
        }
        officers.addAll(holders.candidateUsers());
        if (holders.assignee() == null) {
            holders.candidateGroups().forEach(group -> officers.addAll(directory.membersOf(group)));
        }
        return officers;
    }

    private Map<String, Object> model(TaskRequests.Request request, String taskId, String planLabel, Date due) {
        Map<String, Object> model = new HashMap<>();
        model.put("note", request.note());
        model.put("quoteLabel", request.quoteLabel());
        model.put("quote", request.quote());
        model.put("remedialActions", request.remedialActions());
        model.put("planTitle", planLabel);
        model.put("dueDate", due == null ? "no due date" : ReadableDates.day(LocalDate.ofInstant(
                due.toInstant(), zone)));
        model.put("link", notifications.taskUrl(taskId));
        model.put("linkText", "Open the task");
        return model;
    }
}
