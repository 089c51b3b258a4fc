package org.deliveryprogress.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * A date as a UK officer writes it, in three boxes (GOV.UK's date input): day, month and year, each a number. Read
 * the same whatever language the officer's browser speaks, unlike a browser's date field, which reads "02/10/2027"
 * as 10 February in a US English browser.
 */
public record DayMonthYear(String day, String month, String year) {

    /** The date, or why the three boxes do not make one, in words an officer can act on. */
    public LocalDate date() {
        return parse().orElseThrow(() -> new InvalidRequestException(problem()));
    }

    private Optional<LocalDate> parse() {
        Integer d = number(day);
        Integer m = number(month);
        Integer y = number(year);
        if (d == null || m == null || y == null || y < 1000) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(y, m, d));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private String problem() {
        if (blank(day) && blank(month) && blank(year)) {
            return "Enter a date: its day, month and year.";
        }
        Integer d = number(day);
        Integer m = number(month);
        Integer y = number(year);
        if (d == null) {
            return "The day must be a number from 1 to 31, not '" + shown(day) + "'.";
        }
        if (m == null || m < 1 || m > 12) {
            return "The month must be a number from 1 to 12, not '" + shown(month) + "'.";
        }
        if (y == null || y < 1000) {
            return "The year must have four digits, such as 2027, not '" + shown(year) + "'.";
        }
        return "There is no day " + d + " in " + Month.of(m).getDisplayName(TextStyle.FULL, Locale.UK) + " " + y + ".";
    }

    private static Integer number(String text) {
        if (text == null || !text.strip().matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String shown(String text) {
        return text == null ? "" : text.strip();
    }
}
