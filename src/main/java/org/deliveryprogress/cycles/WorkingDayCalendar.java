package org.deliveryprogress.cycles;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.deliveryprogress.networks.HolidayRegion;
import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Counts working days: every day but Saturdays, Sundays and the bank holidays of the network's region. The holidays
 * come from Jollyday's United Kingdom calendar rather than a list of our own, so that substitute days, Easter and
 * one-off holidays are kept up to date by upgrading the library.
 */
@Component
public class WorkingDayCalendar {

    private final HolidayManager unitedKingdom =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

    /** Each region's holidays of each year asked about, loaded on first use; safe for concurrent callers. */
    private final Map<RegionYear, Set<LocalDate>> holidays = new ConcurrentHashMap<>();

    private record RegionYear(HolidayRegion region, int year) {
    }

    public boolean isWorkingDay(LocalDate date, HolidayRegion region) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !holidays.computeIfAbsent(new RegionYear(region, date.getYear()), this::load).contains(date);
    }

    /** The working day that lies the given number of working days before the date (the date itself not counted). */
    public LocalDate workingDaysBefore(LocalDate date, int workingDays, HolidayRegion region) {
        LocalDate day = date;
        int counted = 0;
        while (counted < workingDays) {
            day = day.minusDays(1);
            if (isWorkingDay(day, region)) {
                counted++;
            }
        }
        return day;
    }

    /** The working day that lies the given number of working days after the date (the date itself not counted). */
    public LocalDate workingDaysAfter(LocalDate date, int workingDays, HolidayRegion region) {
        LocalDate day = date;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day, region)) {
                counted++;
            }
        }
        return day;
    }

    /** The working days after {@code from}, up to and including {@code to}: none when {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to, HolidayRegion region) {
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day, region)) {
                days++;
            }
        }
        return days;
    }

    private Set<LocalDate> load(RegionYear key) {
        // Holiday.getDate() is the day off: the substitute Monday or Tuesday when the holiday falls on a weekend.
        // Observances (days marked but not taken off) are kept out, should the library ever list any for the UK.
        return unitedKingdom.getHolidays(Year.of(key.year()), jollydaySubdivision(key.region())).stream()
                .filter(holiday -> holiday.getType() != HolidayType.OBSERVANCE)
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The library's name of each region's calendar under "gb" (its ISO 3166-2 subdivision codes). */
    private static String jollydaySubdivision(HolidayRegion region) {
        return switch (region) {
            // England and Wales share their bank holidays; the library keeps "wls" as a copy of "eng".
            case ENGLAND_AND_WALES -> "eng";
            case SCOTLAND -> "sct";
            case NORTHERN_IRELAND -> "nir";
        };
    }
}
