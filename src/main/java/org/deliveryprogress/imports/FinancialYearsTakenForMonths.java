package org.deliveryprogress.imports;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A financial year that a spreadsheet took for a month. Excel reads "2009/10" typed in a cell as October 2009: it
 * keeps 1 October 2009 and shows Oct-09, which a CSV saved from it holds and an xlsx is read as ("Oct 2009"). The
 * years so taken are those whose second part is a month's number, 2008/09 to 2011/12 among them: the seeds' years.
 * A target's year or a value's period is never a month, so such a month is read back as the year it was typed as.
 */
final class FinancialYearsTakenForMonths {

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Pattern MONTH = Pattern.compile(
            "(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*\\.?[\\s-]+(?<year>\\d{2}|\\d{4})",
            Pattern.CASE_INSENSITIVE);
    /** The same month as an xlsx date shown with its day reads: its first day. */
    private static final Pattern FIRST_DAY = Pattern.compile("(?<year>\\d{4})-(?<month>\\d{2})-01");

    private FinancialYearsTakenForMonths() {
    }

    /** The financial year the month was typed as ("Oct-09", "Oct 2009": "2009/10"), else the text as written. */
    static String asTyped(String written) {
        if (written == null) {
            return null;
        }
        Matcher named = MONTH.matcher(written.strip());
        Matcher firstDay = FIRST_DAY.matcher(written.strip());
        int month;
        String year;
        if (named.matches()) {
            month = MONTHS.indexOf(named.group("month").toLowerCase(Locale.ROOT)) + 1;
            year = named.group("year");
        } else if (firstDay.matches()) {
            month = Integer.parseInt(firstDay.group("month"));
            year = firstDay.group("year");
        } else {
            return written;
        }
        int fullYear = year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year);
        return month == (fullYear + 1) % 100 ? "%d/%02d".formatted(fullYear, month) : written;
    }
}
