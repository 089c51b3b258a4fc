package org.deliveryprogress.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.deliveryprogress.engine.AsApplication;
import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.shared.DayMonthYear;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A network manager moves the deadline of a return's open task (an officer is ill, the data comes late). The task's
 * due date is what its reminders follow; the change is recorded with its reason, and the engine accepts no other
 * change of a return's due date (see {@link ReturnTaskChangeListener}).
 */
@Service
public class ReturnDeadlines {

    /** The open task of a plan's current return, and the latest day its deadline may move to. */
    public record OpenTask(String taskId, String taskName, LocalDate due, LocalDate latest, String cycleReference) {
    }

    private final RegisterAccess access;
    private final PlanReturnRepository returns;
    private final DeadlineChangeRepository changes;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    ReturnDeadlines(RegisterAccess access, PlanReturnRepository returns, DeadlineChangeRepository changes,
            TaskService taskService, IdentityService identityService, WorkingDayCalendar calendar, Clock clock,
            CycleProperties cycleProperties) {
        this.access = access;
        this.returns = returns;
        this.changes = changes;
        this.taskService = taskService;
        this.identityService = identityService;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = cycleProperties.timeZone();
    }

    /** The open task of the plan's current return, if it has one with a deadline. */
    @Transactional(readOnly = true)
    public Optional<OpenTask> openTask(String planReference, Viewer viewer) {
        return returns.findOpen(managedPlan(planReference, viewer).getId()).flatMap(this::taskOf)
                .map(found -> found.openTask(zone));
    }

    /** What has been done to the plan's deadlines, the latest first. */
    @Transactional(readOnly = true)
    public List<DeadlineChange> changes(String planReference, Viewer viewer) {
        return changes.findByPlanReturnPlanIdOrderByChangedAtDesc(managedPlan(planReference, viewer).getId());
    }

    /**
     * Moves the deadline of the plan's open task to the given day, at the time of day it had. Only a manager of the
     * plan's network (or an administrator) may; the day must be from today to the day the cycle closes.
     */
    @Transactional
    public OpenTask move(String planReference, DayMonthYear day, String reason, Viewer viewer) {
        DeliveryPlan plan = managedPlan(planReference, viewer);
        OpenReturnTask found = returns.findOpen(plan.getId()).flatMap(this::taskOf)
                .orElseThrow(() -> new InvalidRequestException(plan.getReference()
                        + " has no return waiting for anyone: there is no deadline to change."));
        OpenTask task = found.openTask(zone);
        LocalDate newDay = day.date();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (newDay.isBefore(today)) {
            throw new InvalidRequestException("The new deadline cannot be in the past: choose today or a later day.");
        }
        if (task.latest() != null && newDay.isAfter(task.latest())) {
            throw new InvalidRequestException("The cycle " + task.cycleReference() + " closes on "
                    + ReadableDates.day(task.latest()) + ": a deadline after that would never be reached. Choose "
                    + ReadableDates.day(task.latest()) + " or earlier.");
        }
        if (newDay.equals(task.due())) {
            throw new InvalidRequestException("'" + task.taskName() + "' is already due on that day.");
        }
        if (!calendar.isWorkingDay(newDay, plan.getNetwork().getRegion())) {
            throw new InvalidRequestException(ReadableDates.day(newDay) + " is not a working day in "
                    + plan.getNetwork().getRegion().inWords() + ": deadlines, like their reminders, fall on working "
                    + "days. Choose a weekday that is not a bank holiday.");
        }
        String why = ManagersReason.required(reason, "Say why the deadline moves",
                "the officers and the history read it");
        Instant previous = found.task().getDueDate().toInstant();
        Instant moved = ZonedDateTime.ofInstant(previous, zone).with(newDay).toInstant()
                .truncatedTo(ChronoUnit.SECONDS);
        changes.saveAndFlush(new DeadlineChange(found.planReturn(), task.taskId(), task.taskName(), previous, moved,
                why, viewer.userId(), clock.instant()));
        AsApplication.run(identityService, () -> {
            Task engineTask = taskService.createTaskQuery().taskId(task.taskId()).singleResult();
            engineTask.setDueDate(Date.from(moved));
            taskService.saveTask(engineTask);
        });
        return new OpenTask(task.taskId(), task.taskName(), newDay, task.latest(), task.cycleReference());
    }

    /** The plan, if the viewer may read it (404, 403 otherwise) and manages its network (403 otherwise). */
    private DeliveryPlan managedPlan(String reference, Viewer viewer) {
        DeliveryPlan plan = access.plan(reference, viewer);
        if (!viewer.manages(plan.getNetwork())) {
            throw new NotAllowedException("Only a manager of " + plan.getNetwork().getName()
                    + " may change the deadlines of its returns.");
        }
        return plan;
    }

    private Optional<OpenReturnTask> taskOf(PlanReturn planReturn) {
        return AsApplication.run(identityService, () -> taskService.createTaskQuery()
                .processInstanceId(planReturn.getProcessInstanceId()).active().list().stream()
                .filter(task -> task.getDueDate() != null).findFirst()
                .map(task -> new OpenReturnTask(planReturn, task)));
    }

    private record OpenReturnTask(PlanReturn planReturn, Task task) {

        OpenTask openTask(ZoneId zone) {
            Instant closeAt = planReturn.getCycle().getCloseAt();
            return new OpenTask(task.getId(), task.getName(), LocalDate.ofInstant(task.getDueDate().toInstant(), zone),
                    closeAt == null ? null : LocalDate.ofInstant(closeAt, zone), planReturn.getCycle().getReference());
        }
    }
}
