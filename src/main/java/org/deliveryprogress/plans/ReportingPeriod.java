package org.deliveryprogress.plans;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period an indicator's value is for, as councils write it: a quarter of a financial year ({@code 2026/27 Q2},
 * July to September 2026) or a whole year ({@code 2026/27}, for annual surveys). A financial year runs April to March.
 */
public record ReportingPeriod(int startYear, Integer quarter) implements Comparable<ReportingPeriod> {

    /** "2026/27 Q2" or "2026/27"; "q2", and more than one space before it, as typed, too. */
    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})/(\\d{2})(?:\\s+[Qq]([1-4]))?");
    /** A month of a year, as a spreadsheet or an officer writes one: "September 2026", "Sept 2026", "Sep. 2026". */
    private static final Pattern MONTH_OF_YEAR = Pattern.compile("(\\p{L}{3,})\\.?\\s+(\\d{4})");
    private static final Comparator<ReportingPeriod> ORDER = Comparator.comparingInt(ReportingPeriod::startYear)
            // A year's value comes after its quarters: it is known once the year is over.
            .thenComparingInt(period -> period.quarter() == null ? 5 : period.quarter());

    /** The period written as {@code 2026/27 Q2} or {@code 2026/27}; empty if it is not one. */
    public static Optional<ReportingPeriod> parse(String text) {
        Matcher written = text == null ? null : WRITTEN.matcher(text.strip());
        if (written == null || !written.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(written.group(1));
        if (Integer.parseInt(written.group(2)) != (start + 1) % 100) {
            return Optional.empty();
        }
        return Optional.of(new ReportingPeriod(start, written.group(3) == null ? null
                : Integer.valueOf(written.group(3))));
    }

    /**
     * What to write instead of a text that is not a period, the example's quarter named with its months: the quarter
     * a month falls in, as a quarter was what a month meant ("September 2026" is 2026/27 Q2), else the forms read.
     */
    public static String whatToWrite(String written, ReportingPeriod example) {
        return quarterOfMonth(written)
                .map(quarter -> "write the quarter of the financial year it falls in, " + quarter + " ("
                        + quarter.months() + ")")
                .orElseGet(() -> "write a quarter of a financial year, such as " + example + " (" + example.months()
                        + "), or a year, such as " + example.year());
    }

    private static Optional<ReportingPeriod> quarterOfMonth(String text) {
        Matcher written = text == null ? null : MONTH_OF_YEAR.matcher(text.strip());
        if (written == null || !written.matches()) {
            return Optional.empty();
        }
        String name = written.group(1).toLowerCase(Locale.UK);
        return Arrays.stream(Month.values())
                .filter(month -> month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.UK)
                        .startsWith(name))
                .findFirst()
                .map(month -> quarterOf(LocalDate.of(Integer.parseInt(written.group(2)), month, 1)));
    }

    /** "July to September 2026" of a quarter, "April 2026 to March 2027" of a year. */
    public String months() {
        LocalDate first = LocalDate.of(startYear, Month.APRIL, 1).plusMonths(quarter == null ? 0 : (quarter - 1) * 3L);
        LocalDate last = first.plusMonths(quarter == null ? 11 : 2);
        return monthName(first) + (quarter == null ? " " + first.getYear() : "") + " to " + monthName(last) + " "
                + last.getYear();
    }

    private static String monthName(LocalDate day) {
        return day.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
    }

    /** The quarter of the financial year a day falls in. */
    public static ReportingPeriod quarterOf(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return new ReportingPeriod(start, (day.getMonthValue() + 8) % 12 / 3 + 1);
    }

    /** The quarter before this one (a year's: the year before). */
    public ReportingPeriod previous() {
        if (quarter == null) {
            return new ReportingPeriod(startYear - 1, null);
        }
        return quarter == 1 ? new ReportingPeriod(startYear - 1, 4) : new ReportingPeriod(startYear, quarter - 1);
    }

    /**
     * Whether this period has begun by the given quarter: a quarter up to it, or a year it falls in or before. A value
     * for a period that has not begun cannot have been measured.
     */
    public boolean hasBegunBy(ReportingPeriod currentQuarter) {
        return quarter == null ? startYear <= currentQuarter.startYear() : compareTo(currentQuarter) <= 0;
    }

    /** The financial year, as targets are kept: {@code 2026/27}. */
    public String year() {
        int endYear = (startYear + 1) % 100;
        return startYear + (endYear < 10 ? "/0" : "/") + endYear;
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return quarter == null ? year() : year() + " Q" + quarter;
    }
}
