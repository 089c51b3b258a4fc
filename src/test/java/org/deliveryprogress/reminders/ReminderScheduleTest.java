package org.deliveryprogress.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The days a task is reminded on")
class ReminderScheduleTest {

    private static final HolidayRegion ENGLAND = HolidayRegion.ENGLAND_AND_WALES;
    /** A Wednesday with no bank holiday near it. */
    private static final LocalDate DUE = LocalDate.of(2027, 3, 10);

    private final ReminderSchedule schedule = new ReminderSchedule(new WorkingDayCalendar());

    @Test
    @DisplayName("a reminder the set working days before the deadline, one on the day, then every few days overdue")
    void beforeOnTheDayAndOverdue() {
        CycleOffsets offsets = offsets(1, 2);
        assertThat(schedule.slotOn(DUE.minusDays(1), DUE, offsets, ENGLAND)).get()
                .satisfies(slot -> assertThat(slot.when()).isEqualTo("is due in 1 working day, on Wednesday 10 "
                        + "March 2027"));
        assertThat(schedule.slotOn(DUE, DUE, offsets, ENGLAND)).get().extracting(ReminderSchedule.Slot::key)
                .isEqualTo("due");
        assertThat(schedule.slotOn(DUE.plusDays(2), DUE, offsets, ENGLAND)).get()
                .extracting(ReminderSchedule.Slot::key).isEqualTo("overdue-1");
    }

    @Test
    @DisplayName("no days before the deadline set: no reminder before it, and the day's own on the day")
    void noneBefore() {
        CycleOffsets offsets = offsets(0, 2);
        assertThat(schedule.slotOn(DUE, DUE, offsets, ENGLAND)).get().extracting(ReminderSchedule.Slot::key)
                .isEqualTo("due");
        assertThat(schedule.slotOn(DUE.minusDays(1), DUE, offsets, ENGLAND)).isEmpty();
    }

    private static CycleOffsets offsets(int daysBefore, int everyDaysOverdue) {
        CycleOffsets defaults = CycleOffsets.defaults();
        return new CycleOffsets(defaults.openDaysBefore(), defaults.updatesDueDaysBefore(),
                defaults.judgementsDueDaysBefore(), defaults.proposalsDueDaysBefore(),
                defaults.agreementsDueDaysBefore(), defaults.closeDaysBefore(), daysBefore, everyDaysOverdue);
    }
}
