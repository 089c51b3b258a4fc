package org.deliveryprogress.reminders;

import java.time.LocalDate;
import java.util.Optional;

import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;

/**
 * When a task is reminded, in working days of the network's region: some days before it is due, on the day, then
 * every few days while it is overdue (the network's settings). Never on a weekend or a bank holiday.
 */
@Component
class ReminderSchedule {

    /** One reminder of a task: its key (one email per task and slot) and how the email says when it is due. */
    record Slot(String key, String when, int overdueReminder) {
    }

    private final WorkingDayCalendar calendar;

    ReminderSchedule(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    Optional<Slot> slotOn(LocalDate today, LocalDate due, CycleOffsets offsets, HolidayRegion region) {
        if (!calendar.isWorkingDay(today, region)) {
            return Optional.empty();
        }
        // A network that sets no days before the deadline gets no reminder before it, rather than this one on the day.
        int daysBefore = offsets.reminderDaysBeforeDue();
        if (daysBefore > 0 && today.equals(calendar.workingDaysBefore(due, daysBefore, region))) {
            return Optional.of(new Slot("before", "is due in " + daysBefore + (daysBefore == 1 ? " working day"
                    : " working days") + ", on " + ReadableDates.day(due), 0));
        }
        if (today.equals(due)) {
            return Optional.of(new Slot("due", "is due today", 0));
        }
        // A network that sets no interval gets no overdue reminders, rather than a failing job every morning.
        if (today.isAfter(due) && offsets.reminderEveryDaysOverdue() > 0) {
            int overdueDays = calendar.workingDaysBetween(due, today, region);
            if (overdueDays % offsets.reminderEveryDaysOverdue() == 0) {
                int reminder = overdueDays / offsets.reminderEveryDaysOverdue();
                return Optional.of(new Slot("overdue-" + reminder,
                        "is overdue: it was due on " + ReadableDates.day(due), reminder));
            }
        }
        return Optional.empty();
    }
}
