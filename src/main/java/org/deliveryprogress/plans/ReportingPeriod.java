package org.deliveryprogress.plans;

import java.time.LocalDate;
import java.util.Comparator;
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
