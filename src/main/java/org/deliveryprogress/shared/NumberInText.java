package org.deliveryprogress.shared;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as councils write them. A value typed for a numeric indicator must be a number and nothing else ("74.6",
 * "1,234", "-3", "74.6%"); a baseline or target is text that may hold one ("No more than 142", "812 (2007/08)",
 * "19.5% Indicative target."), and is kept as written.
 */
public final class NumberInText {

    private static final String NUMBER = "-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final Pattern ONLY = Pattern.compile("\\s*(" + NUMBER + ")\\s*%?\\s*");
    private static final Pattern FIRST = Pattern.compile("(?<![\\d.])(" + NUMBER + ")");
    /**
     * A year, a financial year or a quarter ("2010", "2025/26", "2009-10 Q3", "Q3 2009/10"): when a target names one,
     * it names the time it is for or the figure it is measured from, not the figure to reach.
     */
    private static final Pattern PERIOD = Pattern.compile(
            "(?:\\bQ[1-4]\\s*)?(?<![\\d.,])(?:19|20)\\d{2}(?:\\s*[/-]\\s*\\d{2}(?:\\d{2})?)?(?:\\s*Q[1-4])?"
                    + "(?![\\d.,])",
            Pattern.CASE_INSENSITIVE);
    /**
     * A bound before a number ("No more than 2000", "at least 1,950", "< 2000"): a number bounded so is a figure, even
     * one a year could be. Not "more than" or "less than" alone, which are written before years too ("less than 2009
     * levels").
     */
    private static final Pattern BOUND_BEFORE = Pattern.compile("(?:\\b(?:no\\s+(?:more|less|fewer)|fewer)\\s+than"
            + "|\\bat\\s+(?:least|most)|\\b(?:maximum|minimum)(?:\\s+of)?|[<>\u2264\u2265]=?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_YEAR = Pattern.compile("\\d{4}");
    /** What follows a year compared with, not a figure: "No more than 2009 levels", "at least 2009's". */
    private static final Pattern YEARS_MEASURE_AFTER = Pattern.compile(
            "^\\s*(?:['\u2019]s\\b|(?:levels?|figures?|outturn|baseline|rates?|values?|position)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A change from some other figure: "+ 2", "by 3", rather than a figure to reach. */
    private static final Pattern CHANGE_BEFORE = Pattern.compile("(?:[+±]|\\bby)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGE_AFTER = Pattern.compile("^\\s*%?\\s*(?:percentage\\s+points?|points?|pp)?\\s*"
            + "(?:above|below|over|under|up|down|more than|less than|higher|lower|increase|decrease|reduction|rise)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * A comma before one or two digits, which no thousands comma is: a decimal comma, as much of Europe writes it, with
     * its thousands dots if any ("1.234,5").
     */
    private static final Pattern DECIMAL_COMMA = Pattern.compile(
            "\\s*(-?(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)),(\\d{1,2})\\s*(%?)\\s*");

    private NumberInText() {
    }

    /** The number the text is, if it is one: digits, thousands commas, a decimal point, a sign, a per cent sign. */
    public static Optional<BigDecimal> exactly(String text) {
        Matcher only = text == null ? null : ONLY.matcher(text);
        return only != null && only.matches() ? Optional.of(number(only.group(1))) : Optional.empty();
    }

    /**
     * The first number the text holds that is not a year, a financial year or a quarter: "Reduce by 10%" holds 10,
     * "Strategy adopted by 2010/11" none; a number after a bound is not a year ("No more than 2000" holds 2000, as
     * "at least", "maximum" and "<" do). A text that is a number and nothing else is that number, even one a year
     * could be ("2000", a count of homes), as {@link #aimedAt} reads it: read as a year, it made an indicator with
     * such a baseline take words and drew no baseline.
     */
    public static Optional<BigDecimal> firstBesidesPeriods(String text) {
        return figure(text, false);
    }

    /**
     * The figure a target written as text aims at: the number it is, or the first number it holds that is neither a
     * year nor a change from another figure. Targets are written as words too, and a year or a change read as the
     * figure to reach measured every value against it: "Increase on 2025/26" read as 2025 made a rising value Red,
     * "Baseline + 2 percentage points" read as 2 made any value Green. Empty when the text names no such figure, or
     * its first figure is a change: then no figure says what the target is.
     */
    public static Optional<BigDecimal> aimedAt(String target) {
        return figure(target, true);
    }

    /**
     * The number the text is, or else the first it holds besides periods; none where that one is a change from
     * another figure, if {@code notAChange}.
     */
    private static Optional<BigDecimal> figure(String text, boolean notAChange) {
        Optional<BigDecimal> whole = exactly(text);
        if (whole.isPresent() || text == null) {
            return whole;
        }
        String besidesPeriods = PERIOD.matcher(text)
                .replaceAll(period -> bounded(text, period) ? period.group() : " ");
        Matcher number = FIRST.matcher(besidesPeriods);
        if (!number.find()) {
            return Optional.empty();
        }
        boolean change = notAChange && (CHANGE_BEFORE.matcher(besidesPeriods.substring(0, number.start())).find()
                || CHANGE_AFTER.matcher(besidesPeriods.substring(number.end())).find());
        return change ? Optional.empty() : Optional.of(number(number.group(1)));
    }

    /**
     * Whether what reads as a year is a bare number after a bound ("No more than 2000"), and not a year's measure after
     * it ("No more than 2009 levels"): a figure, then.
     */
    private static boolean bounded(String text, MatchResult period) {
        return BARE_YEAR.matcher(period.group()).matches()
                && BOUND_BEFORE.matcher(text.substring(0, period.start())).find()
                && !YEARS_MEASURE_AFTER.matcher(text.substring(period.end())).find();
    }

    /**
     * A number written with a decimal comma ("75,9", "1.234,5"), as it would be written with a point ("75.9",
     * "1234.5").
     */
    public static Optional<String> withDecimalPoint(String text) {
        Matcher comma = text == null ? null : DECIMAL_COMMA.matcher(text);
        return comma != null && comma.matches()
                ? Optional.of(comma.group(1).replace(".", "") + "." + comma.group(2) + comma.group(3))
                : Optional.empty();
    }

    private static BigDecimal number(String written) {
        return new BigDecimal(written.replace(",", ""));
    }
}
