package org.deliveryprogress.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Chases a return's open task by email: who is told what, and when the network manager hears of it. */
@Service
@Transactional
class Reminders {

    private static final int ESCALATING_REMINDER = 2;

    private final TaskService taskService;
    private final CycleRepository cycles;
    private final PlanReturnRepository returns;
    private final ReminderSchedule schedule;
    private final Notifications notifications;
    private final UserDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    Reminders(TaskService taskService, CycleRepository cycles, PlanReturnRepository returns,
            ReminderSchedule schedule, Notifications notifications, UserDirectory directory, Clock clock,
            CycleProperties cycleProperties) {
        this.taskService = taskService;
        this.cycles = cycles;
        this.returns = returns;
        this.schedule = schedule;
        this.notifications = notifications;
        this.directory = directory;
        this.clock = clock;
        this.zone = cycleProperties.timeZone();
    }

    /** Tells the officers of a newly created or reassigned task that it is theirs. */
    void notifyAssigned(String taskId, String taskName, String planTitle, Date due, List<String> officers,
            String managerGroup) {
        for (String officer : officers) {
            queue(NotificationKind.TASK_ASSIGNED, "assigned:" + taskId + ":" + officer, officer,
                    "New task: " + taskName, model(taskId, taskName, planTitle, due, null), managerGroup);
        }
    }

    /** Sends the reminders of the return's open task that fall today, and escalates at the second overdue one. */
    void remindIfDue(String processInstanceId, Long cycleId, String planTitle) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        if (task == null || task.getDueDate() == null) {
            return;
        }
        Cycle cycle = cycles.findWithNetworkById(cycleId).orElseThrow();
        Network network = cycle.getMeeting().getNetwork();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate due = LocalDate.ofInstant(task.getDueDate().toInstant(), zone);
        schedule.slotOn(today, due, network.getOffsets(), network.getRegion()).ifPresent(slot -> {
            Map<String, Object> model = model(task.getId(), task.getName(), planTitle, task.getDueDate(), slot.when());
            for (String officer : officersOf(task)) {
                // The due day in the key: a deadline a manager moved has its own reminders again.
                queue(NotificationKind.REMINDER, "reminder:" + task.getId() + ":" + due + ":" + slot.key() + ":" + officer,
                        officer, "Reminder: " + task.getName() + " " + slot.when(), model,
                        network.getManagerGroup());
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
                .stream().map(PlanReturn::getPlan)
                .map(plan -> Map.<String, Object>of("reference", plan.getReference(), "title", plan.getTitle(),
                        "leadOfficer", directory.nameOf(plan.getLeadOfficer())))
                .toList();
        for (User manager : directory.membersOf(network.getManagerGroup())) {
            notifications.queue(NotificationKind.CYCLE_CLOSED, "cycle-closed:" + cycleId + ":" + manager.getId(),
                    manager.getId(), "Cycle " + cycle.getReference() + " closed: " + noReturn.size()
                            + (noReturn.size() == 1 ? " plan" : " plans") + " with no return",
                    Map.of("cycleReference", cycle.getReference(),
                            "meetingDate", ReadableDates.day(cycle.getMeeting().getMeetingDate()),
                            "noReturn", noReturn));
        }
    }

    /**
     * Queues an email to an officer; if their profile has no address, their network's managers are told (once a day
     * per officer), since the officer will not hear of their work.
     */
    private void queue(NotificationKind kind, String key, String officer, String subject, Map<String, Object> model,
            String managerGroup) {
        notifications.queue(kind, key, officer, subject, model)
                .filter(notification -> notification.getState() == Notification.State.NO_ADDRESS)
                .ifPresent(missed -> {
                    for (User manager : directory.membersOf(managerGroup)) {
                        notifications.queue(NotificationKind.MISSING_ADDRESS, "missing-address:" + officer + ":"
                                + LocalDate.now(clock.withZone(zone)) + ":" + manager.getId(), manager.getId(),
                                directory.nameOf(officer) + " has no email address",
                                Map.of("officer", officer, "officerName", directory.nameOf(officer),
                                        "missedSubject", missed.getSubject()));
                    }
                });
    }

    private void escalate(Task task, Cycle cycle, Network network) {
        String officers = String.join(", ", officersOf(task).stream().map(directory::nameOf).toList());
        Map<String, Object> item = Map.of("taskName", task.getName(), "officer", officers,
                "dueDate", ReadableDates.day(LocalDate.ofInstant(task.getDueDate().toInstant(), zone)),
                "taskUrl", notifications.taskUrl(task.getId()));
        for (User manager : directory.membersOf(network.getManagerGroup())) {
            notifications.queue(NotificationKind.ESCALATION, "escalation:" + task.getId() + ":" + manager.getId(),
                    manager.getId(), "Overdue after two reminders: " + task.getName(),
                    Map.of("cycleReference", cycle.getReference(), "overdue", List.of(item)));
        }
    }

    /** The assignee; for an unassigned task, its candidate users and the members of its candidate groups. */
    private Set<String> officersOf(Task task) {
        return officersOf(TaskHolders.of(task.getAssignee(), taskService.getIdentityLinksForTask(task.getId())));
    }

    Set<String> officersOf(TaskHolders holders) {
        if (holders.assignee() != null) {
            return Set.of(holders.assignee());
        }
        Set<String> officers = new LinkedHashSet<>(holders.candidateUsers());
        holders.candidateGroups().forEach(group -> directory.membersOf(group).forEach(user -> officers.add(
                user.getId())));
        return officers;
    }

    private Map<String, Object> model(String taskId, String taskName, String planTitle, Date due,
            String when) {
        Map<String, Object> model = new HashMap<>();
        model.put("taskName", taskName);
        model.put("planTitle", planTitle);
        model.put("dueDate", due == null ? "no due date" : ReadableDates.day(LocalDate.ofInstant(
                due.toInstant(), zone)));
        model.put("taskUrl", notifications.taskUrl(taskId));
        model.put("when", when == null ? "" : when);
        return model;
    }
}
