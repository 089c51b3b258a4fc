package org.deliveryprogress.cycles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.networks.HolidayRegion.ENGLAND_AND_WALES;
import static org.deliveryprogress.networks.HolidayRegion.NORTHERN_IRELAND;
import static org.deliveryprogress.networks.HolidayRegion.SCOTLAND;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.deliveryprogress.networks.HolidayRegion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The working days that every deadline is counted in: not Saturdays, Sundays or the bank holidays of the network's
 * region. The holiday lists are gov.uk's for 2026 and 2027.
 */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    @ParameterizedTest
    @EnumSource(HolidayRegion.class)
    @DisplayName("Saturdays and Sundays are not working days; an ordinary Monday to Friday is")
    void weekends(HolidayRegion region) {
        assertThat(calendar.isWorkingDay(date("2026-05-09"), region)).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(date("2026-05-10"), region)).as("Sunday").isFalse();
        assertThat(IntStream.rangeClosed(11, 15).mapToObj(day -> LocalDate.of(2026, 5, day)))
                .allMatch(day -> calendar.isWorkingDay(day, region));
    }

    @Nested
    @DisplayName("England and Wales")
    class EnglandAndWales {

        @Test
        @DisplayName("2026: the bank holidays are the only weekdays off, with Boxing Day moved to Monday 28 December")
        void bankHolidays2026() {
            assertThat(weekdaysOff(2026, ENGLAND_AND_WALES)).containsExactly(dates("2026-01-01", "2026-04-03",
                    "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"));
        }

        @Test
        @DisplayName("2027: Christmas Day and Boxing Day fall at a weekend and move to 27 and 28 December")
        void bankHolidays2027() {
            assertThat(weekdaysOff(2027, ENGLAND_AND_WALES)).containsExactly(dates("2027-01-01", "2027-03-26",
                    "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"));
        }
    }

    @Nested
    @DisplayName("Scotland")
    class Scotland {

        @Test
        @DisplayName("2026: 2 January, the first Monday of August and St Andrew's Day instead of Easter Monday "
                + "and the last Monday of August")
        void bankHolidays2026() {
            // 15 June 2026 is a one-off holiday the library has from gov.scot (the football World Cup).
            assertThat(weekdaysOff(2026, SCOTLAND)).containsExactly(dates("2026-01-01", "2026-01-02", "2026-04-03",
                    "2026-05-04", "2026-05-25", "2026-06-15", "2026-08-03", "2026-11-30", "2026-12-25",
                    "2026-12-28"));
        }

        @Test
        @DisplayName("2027: 2 January is a Saturday and moves to Monday 4 January")
        void bankHolidays2027() {
            assertThat(weekdaysOff(2027, SCOTLAND)).containsExactly(dates("2027-01-01", "2027-01-04", "2027-03-26",
                    "2027-05-03", "2027-05-31", "2027-08-02", "2027-11-30", "2027-12-27", "2027-12-28"));
        }

        @Test
        @DisplayName("English holidays that Scotland does not keep are working days there, and the other way round")
        void englishHolidaysAreScottishWorkingDays() {
            assertThat(calendar.isWorkingDay(date("2026-08-31"), SCOTLAND)).as("last Monday of August").isTrue();
            assertThat(calendar.isWorkingDay(date("2026-04-06"), SCOTLAND)).as("Easter Monday").isTrue();
            assertThat(calendar.isWorkingDay(date("2026-08-03"), SCOTLAND)).as("first Monday of August").isFalse();

            assertThat(calendar.isWorkingDay(date("2026-08-03"), ENGLAND_AND_WALES)).isTrue();
            assertThat(calendar.isWorkingDay(date("2026-01-02"), ENGLAND_AND_WALES)).isTrue();
            assertThat(calendar.isWorkingDay(date("2026-11-30"), ENGLAND_AND_WALES)).isTrue();
        }
    }

    @Nested
    @DisplayName("Northern Ireland")
    class NorthernIreland {

        @Test
        @DisplayName("2026: England's holidays, St Patrick's Day and the Twelfth, a Sunday, on Monday 13 July")
        void bankHolidays2026() {
            assertThat(weekdaysOff(2026, NORTHERN_IRELAND)).containsExactly(dates("2026-01-01", "2026-03-17",
                    "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-07-13", "2026-08-31",
                    "2026-12-25", "2026-12-28"));
            assertThat(calendar.isWorkingDay(date("2026-07-13"), ENGLAND_AND_WALES)).isTrue();
            assertThat(calendar.isWorkingDay(date("2026-03-17"), ENGLAND_AND_WALES)).isTrue();
        }

        @Test
        @DisplayName("2027: St Patrick's Day on a Wednesday, the Twelfth on a Monday")
        void bankHolidays2027() {
            assertThat(weekdaysOff(2027, NORTHERN_IRELAND)).containsExactly(dates("2027-01-01", "2027-03-17",
                    "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-07-12", "2027-08-30",
                    "2027-12-27", "2027-12-28"));
        }
    }

    @Nested
    @DisplayName("Counting back from a meeting")
    class CountingBack {

        @ParameterizedTest
        @EnumSource(HolidayRegion.class)
        @DisplayName("10 working days before Monday 4 January 2027 skip New Year, Boxing Day (28th) and Christmas")
        void overChristmasAndNewYear(HolidayRegion region) {
            // Fri 1 Jan, Mon 28 and Fri 25 Dec are off everywhere; Scotland's 2 January moves to the 4th, the
            // meeting day itself, which is not counted.
            assertThat(calendar.workingDaysBefore(date("2027-01-04"), 10, region)).isEqualTo("2026-12-16");
        }

        @Test
        @DisplayName("from Tuesday 5 January 2027 Scotland also skips Monday 4 January, its 2 January holiday")
        void overScotlandsSecondOfJanuary() {
            assertThat(calendar.workingDaysBefore(date("2027-01-05"), 10, ENGLAND_AND_WALES))
                    .isEqualTo("2026-12-17");
            assertThat(calendar.workingDaysBefore(date("2027-01-05"), 10, SCOTLAND)).isEqualTo("2026-12-16");
        }

        @ParameterizedTest
        @EnumSource(HolidayRegion.class)
        @DisplayName("a meeting on the Tuesday after a bank holiday Monday: the working day before is the Friday")
        void theTuesdayAfterABankHolidayMonday(HolidayRegion region) {
            // Monday 25 May 2026, the spring bank holiday, is kept everywhere.
            assertThat(calendar.workingDaysBefore(date("2026-05-26"), 1, region)).isEqualTo("2026-05-22");
            assertThat(calendar.workingDaysBefore(date("2026-05-26"), 2, region)).isEqualTo("2026-05-21");
        }

        @Test
        @DisplayName("the Tuesday after the last Monday of August: a holiday in England, a working day in Scotland")
        void theTuesdayAfterAnEnglishOnlyHoliday() {
            assertThat(calendar.workingDaysBefore(date("2026-09-01"), 1, ENGLAND_AND_WALES))
                    .isEqualTo("2026-08-28");
            assertThat(calendar.workingDaysBefore(date("2026-09-01"), 1, SCOTLAND)).isEqualTo("2026-08-31");
        }

        @Test
        @DisplayName("no working days before a date is the date itself")
        void zeroWorkingDays() {
            assertThat(calendar.workingDaysBefore(date("2026-05-12"), 0, ENGLAND_AND_WALES)).isEqualTo("2026-05-12");
        }
    }

    @Nested
    @DisplayName("Counting between two days, the first not counted")
    class CountingBetween {

        @Test
        @DisplayName("from Wednesday 23 December 2026 to Tuesday 5 January 2027: Christmas and New Year skipped")
        void overChristmasAndNewYear() {
            // 24, 29, 30, 31 December, then 4 and 5 January in England; Scotland keeps 4 January for the 2nd.
            assertThat(calendar.workingDaysBetween(date("2026-12-23"), date("2027-01-05"), ENGLAND_AND_WALES))
                    .isEqualTo(6);
            assertThat(calendar.workingDaysBetween(date("2026-12-23"), date("2027-01-05"), SCOTLAND)).isEqualTo(5);
        }

        @Test
        @DisplayName("none from a day to itself or to a day before it")
        void noneBackwards() {
            assertThat(calendar.workingDaysBetween(date("2026-05-12"), date("2026-05-12"), ENGLAND_AND_WALES)).isZero();
            assertThat(calendar.workingDaysBetween(date("2026-05-12"), date("2026-05-11"), ENGLAND_AND_WALES)).isZero();
        }
    }

    @Test
    @DisplayName("one calendar (a Spring singleton) gives concurrent first callers the same answers as one caller")
    void concurrentCallers() {
        WorkingDayCalendar shared = new WorkingDayCalendar();
        List<CompletableFuture<LocalDate>> counts = IntStream.range(0, 32)
                .mapToObj(i -> i % 2 == 0 ? ENGLAND_AND_WALES : SCOTLAND)
                .map(region -> CompletableFuture.supplyAsync(
                        () -> shared.workingDaysBefore(date("2027-01-05"), 10, region)))
                .toList();
        for (int i = 0; i < counts.size(); i++) {
            assertThat(counts.get(i).join()).isEqualTo(i % 2 == 0 ? "2026-12-17" : "2026-12-16");
        }
    }

    /** The weekdays of the year that are not working days in the region: its bank holidays as they are taken. */
    private List<LocalDate> weekdaysOff(int year, HolidayRegion region) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .filter(day -> !calendar.isWorkingDay(day, region))
                .toList();
    }

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    private static LocalDate[] dates(String... isoDates) {
        return Stream.of(isoDates).map(LocalDate::parse).toArray(LocalDate[]::new);
    }
}
