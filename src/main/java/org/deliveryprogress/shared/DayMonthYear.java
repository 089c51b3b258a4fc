package org.deliveryprogress.shared;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A date as a UK officer writes it, in three boxes (GOV.UK's date input): day, month and year. Read the same whatever
 * language the officer's browser speaks, unlike a browser's date field, which reads "02/10/2027" as 10 February in a
 * US English browser; and never another day than the one typed (no 31 February rolled into March, no two-digit
 * year).
 */
public record DayMonthYear(String day, String month, String year) {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");
    private static final DateTimeFormatter MONTH_IN_WORDS = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** The date, or a refusal saying, in words an officer can act on, what is wrong with the boxes. */
    public LocalDate date() {
        List<Problem> problems = boxProblems();
        if (!problems.isEmpty()) {
            String said = String.join(" ", problems.stream().map(Problem::sentence).toList());
            throw new InvalidRequestException(Character.toUpperCase(said.charAt(0)) + said.substring(1),
                    problems.get(0).box());
        }
        return LocalDate.of(number(year), number(month), number(day));
    }

    /**
     * What is wrong with the boxes, each a sentence that may follow "Remedial action 2: "; none when they make a
     * date.
     */
    public List<String> problems() {
        return boxProblems().stream().map(Problem::sentence).toList();
    }

    /** A problem with the boxes, and the box it is in (day, month or year): the day for a day its month lacks. */
    private record Problem(String box, String sentence) {
    }

    private List<Problem> boxProblems() {
        List<String> missing = new ArrayList<>();
        addIfBlank(missing, day, "day");
        addIfBlank(missing, month, "month");
        addIfBlank(missing, year, "year");
        if (!missing.isEmpty()) {
            return List.of(new Problem(missing.get(0), "give the day, month and year: the "
                    + String.join(" and the ", missing) + (missing.size() == 1 ? " is" : " are") + " missing."));
        }
        List<Problem> problems = new ArrayList<>();
        for (String[] box : new String[][] { { day, "day" }, { month, "month" }, { year, "year" } }) {
            if (!WHOLE_NUMBER.matcher(box[0].strip()).matches()) {
                problems.add(new Problem(box[1], box[1].equals("month") ? notAMonth(box[0].strip())
                        : "the " + box[1] + " must be a whole number, not '" + box[0].strip() + "'."));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        int d = number(day);
        int m = number(month);
        int y = number(year);
        if (d < 1 || d > 31) {
            problems.add(new Problem("day", "the day must be a number from 1 to 31, not " + d + "."));
        }
        if (m < 1 || m > 12) {
            problems.add(new Problem("month", "the month must be a number from 1 to 12, not " + m + "."));
        }
        if (y < 1000 || y > 9999) {
            problems.add(new Problem("year", "the year must have four digits, for example 2027, not " + y + "."));
        }
        if (problems.isEmpty() && !YearMonth.of(y, m).isValidDay(d)) {
            YearMonth yearMonth = YearMonth.of(y, m);
            String monthOfYear = MONTH_IN_WORDS.format(yearMonth);
            problems.add(new Problem("day", "there is no " + d + " " + monthOfYear + ": " + monthOfYear + " has "
                    + yearMonth.lengthOfMonth() + " days."));
        }
        return problems;
    }

    /** A month written in words ("Feb", "Sept") is answered with its number, which is what the box takes. */
    private static String notAMonth(String given) {
        String word = given.replace(".", "").toLowerCase(Locale.UK);
        return "the month must be a number from 1 to 12" + Arrays.stream(Month.values())
                .filter(month -> word.length() >= 3
                        && month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.UK).startsWith(word))
                .findFirst().map(month -> ": " + month.getValue() + " for "
                        + month.getDisplayName(TextStyle.FULL, Locale.UK))
                .orElse("") + ", not '" + given + "'.";
    }

    private static void addIfBlank(List<String> missing, String box, String name) {
        if (box == null || box.isBlank()) {
            missing.add(name);
        }
    }

    private static int number(String box) {
        return Integer.parseInt(box.strip());
    }
}
