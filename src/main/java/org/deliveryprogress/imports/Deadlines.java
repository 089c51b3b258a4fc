package org.deliveryprogress.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Officers write deadlines as they please: "Oct 2009", "18/11/09", "end of June 2010", "Ongoing". The text is what
 * they agreed and is kept; this reads the date it holds, if any, by UK conventions (day before month).
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

    private static Optional<LocalDate> dateOf(Matcher date) {
        try {
            if (date.group("isoYear") != null) {
                return Optional.of(LocalDate.of(number(date, "isoYear"), number(date, "isoMonth"),
                        number(date, "isoDay")));
            }
            if (date.group("numericDay") != null) {
                return Optional.of(LocalDate.of(year(date.group("numericYear")), number(date, "numericMonth"),
                        number(date, "numericDay")));
            }
            if (date.group("dayFirstDay") != null) {
                return Optional.of(LocalDate.of(year(date.group("dayFirstYear")), month(date.group("dayFirstMonth")),
                        day(date.group("dayFirstDay"))));
            }
            if (date.group("monthFirstDay") != null) {
                return Optional.of(LocalDate.of(year(date.group("monthFirstYear")),
                        month(date.group("monthFirstMonth")), day(date.group("monthFirstDay"))));
            }
            return Optional.of(YearMonth.of(year(date.group("wholeMonthYear")), month(date.group("wholeMonth")))
                    .atEndOfMonth());
        } catch (DateTimeException impossibleDate) {
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
