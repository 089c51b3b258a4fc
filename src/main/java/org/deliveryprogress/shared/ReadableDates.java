package org.deliveryprogress.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as the partnership reads them, in its time zone: "Tuesday 15 December 2026", "15 December 2026",
 * "1 December 2026, 17:00". The month is in full in each: until 7 December 2026 a moment's was shortened, and an email
 * read "30 Sept 2026, 17:00" beside "Wednesday 30 September 2026".
 */
public class ReadableDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final ZoneId zone;

    public ReadableDates(ZoneId zone) {
        this.zone = zone;
    }

    public static String day(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }

    /** The date without its weekday, as a sentence or a table cell gives it. */
    public static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    public String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant.atZone(zone));
    }
}
