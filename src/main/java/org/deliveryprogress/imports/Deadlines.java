package org.deliveryprogress.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deliveryprogress.shared.ReadableDates;

/**
 * Officers write deadlines as they please: "Oct 2009", "18/11/09", "end of June 2010", "Ongoing". The text is what
 * they agreed and is kept; this reads the date it holds, if any, by UK conventions (day before month), and tells a
 * date written that is none, or that no plan is due on, as the import's mistake.
 */
final class Deadlines {

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private static final String MONTH_NAME = "(?<![\\p{L}])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may"
            + "|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\\p{L}])\\.?";
    private static final String DAY = "(?<!\\d)\\d{1,2}(?!\\d)(?:st|nd|rd|th)?";
    private static final String YEAR = "'?(?:\\d{4}|\\d{2})(?![\\p{L}\\d])";

    /**
     * Each form of date as one alternative, the longer forms first, so that "18 November 2009" is read whole and not
     * as "November 2009". A bare year or a financial year such as "2009/10" is none of them: which end would it be?
     */
    private static final Pattern DATE = Pattern.compile(String.join("|",
            "(?<isoYear>(?<!\\d)\\d{4})(?<isoSeparator>[-/.])(?<isoMonth>\\d{1,2})\\k<isoSeparator>(?<isoDay>\\d{1,2})"
                    + "(?!\\d)",
            "(?<numericDay>(?<!\\d)\\d{1,2})(?<numericSeparator>[-/.])(?<numericMonth>\\d{1,2})\\k<numericSeparator>"
                    + "(?<numericYear>\\d{4}|\\d{2})(?!\\d)",
            "(?<dayFirstDay>" + DAY + ")(?:\\s+of)?[\\s-]+(?<dayFirstMonth>" + MONTH_NAME + "),?[\\s-]+"
                    + "(?<dayFirstYear>" + YEAR + ")",
            "(?<monthFirstMonth>" + MONTH_NAME + ")\\s+(?<monthFirstDay>" + DAY + "),?\\s+"
                    + "(?<monthFirstYear>(?<!\\d)\\d{4}(?!\\d))",
            "(?<wholeMonth>" + MONTH_NAME + "),?[\\s-]*(?<wholeMonthYear>" + YEAR + ")"),
            Pattern.CASE_INSENSITIVE);

    /**
     * No plan of the register is due before this: its plans begin with the Local Area Agreements of 2008. An earlier
     * day is a mistyped year (0001, 1027), or a two-digit year from 70 read in the last century.
     */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /**
     * A partnership's longest plans, its sustainable community strategies, look up to 20 years ahead; a later day is
     * a mistyped year (2207) or a stand-in for no date (31/12/9999), which would never be late.
     */
    private static final int YEARS_AHEAD = 20;
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH_NAME_AND_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private Deadlines() {
    }

    /**
     * The date a deadline's text holds: a month alone means the end of that month, and of two dates (a range) the
     * last, because a deadline is when the work ends. Empty for text without a date and for impossible dates.
     */
    static Optional<LocalDate> dateIn(String deadlineText) {
        if (deadlineText == null) {
            return Optional.empty();
        }
        Matcher matcher = DATE.matcher(deadlineText);
        Optional<LocalDate> last = Optional.empty();
        while (matcher.find()) {
            last = dateOf(matcher);
        }
        return last;
    }

    /**
     * What is wrong with a deadline written as a date that is none (31/02/2027, 11/18/09 in US order) or that no plan
     * can be due on, if anything. Read as no date, or as a day no quarter reaches, the action would never count as
     * late; words without a date ("Ongoing") are right, as they were agreed.
     */
    static Optional<String> mistakeIn(String deadlineText, LocalDate today) {
        if (deadlineText == null) {
            return Optional.empty();
        }
        LocalDate latest = today.plusYears(YEARS_AHEAD);
        Matcher matcher = DATE.matcher(deadlineText);
        while (matcher.find()) {
            Optional<String> mistake = written(matcher).mistake(latest);
            if (mistake.isPresent()) {
                return Optional.of("\"" + matcher.group() + "\" " + mistake.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> dateOf(Matcher date) {
        try {
            return Optional.of(written(date).date());
        } catch (DateTimeException impossibleDate) {
            return Optional.empty();
        }
    }

    private static Written written(Matcher date) {
        if (date.group("isoYear") != null) {
            return new Written(number(date, "isoYear"), number(date, "isoMonth"), number(date, "isoDay"), false);
        }
        if (date.group("numericDay") != null) {
            return new Written(year(date.group("numericYear")), number(date, "numericMonth"),
                    number(date, "numericDay"), true);
        }
        if (date.group("dayFirstDay") != null) {
            return new Written(year(date.group("dayFirstYear")), month(date.group("dayFirstMonth")),
                    day(date.group("dayFirstDay")), false);
        }
        if (date.group("monthFirstDay") != null) {
            return new Written(year(date.group("monthFirstYear")), month(date.group("monthFirstMonth")),
                    day(date.group("monthFirstDay")), false);
        }
        return new Written(year(date.group("wholeMonthYear")), month(date.group("wholeMonth")), null, false);
    }

    /**
     * A date as written: its day is null for a month alone. Day, month and year in figures may have been written in
     * US order, month first, which a month above 12 shows.
     */
    private record Written(int year, int month, Integer day, boolean inFigures) {

        LocalDate date() {
            return day == null ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
        }

        Optional<String> mistake(LocalDate latest) {
            String expected = ": write a day from " + ReadableDates.date(EARLIEST) + " to "
                    + ReadableDates.date(latest) + ", day before month as in 18/11/2009, a month as in Mar 2010, or "
                    + "words without a date, such as Ongoing";
            if (month < 1 || month > 12) {
                if (inFigures && month > 12 && day >= 1 && day <= 12
                        && LocalDate.of(year, day, 1).lengthOfMonth() >= month) {
                    LocalDate meant = LocalDate.of(year, day, month);
                    return Optional.of("is not a date (there is no month " + month + "): write the day before the "
                            + "month, " + meant.format(DAY_FIRST) + " for " + ReadableDates.date(meant));
                }
                return Optional.of("is not a date (there is no month " + month + ")" + expected);
            }
            YearMonth yearMonth = YearMonth.of(year, month);
            if (day != null && (day < 1 || day > yearMonth.lengthOfMonth())) {
                return Optional.of("is not a date (" + (day < 1 ? "there is no day " + day
                        : yearMonth.format(MONTH_NAME_AND_YEAR) + " has " + yearMonth.lengthOfMonth() + " days")
                        + ")" + expected);
            }
            LocalDate date = date();
            if (date.isBefore(EARLIEST)) {
                return Optional.of("is " + ReadableDates.date(date) + ", before " + EARLIEST.getYear() + expected);
            }
            if (date.isAfter(latest)) {
                return Optional.of("is " + ReadableDates.date(date) + ", more than " + YEARS_AHEAD + " years ahead"
                        + expected);
            }
            return Optional.empty();
        }
    }

    private static int number(Matcher date, String group) {
        return Integer.parseInt(date.group(group));
    }

    private static int day(String dayWithOrdinal) {
        return Integer.parseInt(dayWithOrdinal.replaceAll("\\D", ""));
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }

    /** Two-digit years pivot at 70: "09" is 2009, "85" is 1985. */
    private static int year(String text) {
        String digits = text.replace("'", "");
        int year = Integer.parseInt(digits);
        if (digits.length() == 4) {
            return year;
        }
        return year < 70 ? 2000 + year : 1900 + year;
    }
}
