package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.OUTCOME_SENT_BACK;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The deadline of a return's task that goes round again: an update sent back by its judging officer, remedial actions
 * sent back by a manager, and the judgement or agreement that follows them. Each has the cycle's deadline for its
 * step, which has often passed by the time the judge or the manager sends the work back: the task would be overdue
 * as it is created, its officer reminded and their manager told at once, and its email would ask for a day gone by.
 * Such a task is due {@value #REWORK_WORKING_DAYS} working days after it is created when its own deadline is sooner,
 * at the cycle's time of day for deadlines, and never after the cycle closes. A task's first round keeps the cycle's
 * deadline unless that has passed as the task arrives, as it does after a late update or one whose deadline a manager
 * moved past the judgement's: the judging officer was not late, so it is given the same time. planReturn's tasks
 * name this bean in their due dates (public, as the engine's expressions call it).
 */
@Component("reworkDeadlines")
public class ReworkDeadlines {

    static final int REWORK_WORKING_DAYS = 2;

    private final PlanReturnRepository returns;
    private final WorkingDayCalendar calendar;
    private final CycleProperties properties;
    private final Clock clock;

    ReworkDeadlines(PlanReturnRepository returns, WorkingDayCalendar calendar, CycleProperties properties,
            Clock clock) {
        this.returns = returns;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The task's deadline: the cycle's for its step, or, when the step's last outcome sent the work back or the
     * cycle's deadline has passed, the rework's if that is later.
     */
    public Date due(Date cycleDeadline, Object lastOutcome, Long returnId) {
        if (!OUTCOME_SENT_BACK.equals(lastOutcome) && cycleDeadline.toInstant().isAfter(clock.instant())) {
            return cycleDeadline;
        }
        Cycle cycle = returns.getWithPlanAndCycle(returnId).getCycle();
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        Instant rework = calendar.workingDaysAfter(today, REWORK_WORKING_DAYS,
                cycle.getMeeting().getNetwork().getRegion())
                .atTime(properties.deadlineTime()).atZone(properties.timeZone()).toInstant();
        Instant due = rework.isAfter(cycleDeadline.toInstant()) ? rework : cycleDeadline.toInstant();
        return Date.from(due.isAfter(cycle.getCloseAt()) ? cycle.getCloseAt() : due);
    }
}
