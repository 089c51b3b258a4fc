package org.deliveryprogress.cycles;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.deliveryprogress.networks.HolidayRegion;

import org.springframework.stereotype.Component;

/**
 * Counts working days. Weekends are not working days; public holidays are not known yet and count as working days.
 */
@Component
public class WorkingDayCalendar {

    public boolean isWorkingDay(LocalDate date, HolidayRegion region) {
        return isWorkingDay(date);
    }

    public LocalDate workingDaysBefore(LocalDate date, int workingDays, HolidayRegion region) {
        return workingDaysBefore(date, workingDays);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The working day that lies the given number of working days before the date. */
    public LocalDate workingDaysBefore(LocalDate date, int workingDays) {
        LocalDate day = date;
        int counted = 0;
        while (counted < workingDays) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
