package org.deliveryprogress.shared;

import java.math.BigDecimal;
import java.util.Optional;
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
    /** A comma before one or two digits, which no thousands comma is: a decimal comma, as much of Europe writes it. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\s*(-?\\d+),(\\d{1,2})\\s*(%?)\\s*");

    private NumberInText() {
    }

    /** The number the text is, if it is one: digits, thousands commas, a decimal point, a sign, a per cent sign. */
    public static Optional<BigDecimal> exactly(String text) {
        Matcher only = text == null ? null : ONLY.matcher(text);
        return only != null && only.matches() ? Optional.of(number(only.group(1))) : Optional.empty();
    }

    /** The first number the text holds, if any. */
    public static Optional<BigDecimal> first(String text) {
        Matcher first = text == null ? null : FIRST.matcher(text);
        return first != null && first.find() ? Optional.of(number(first.group(1))) : Optional.empty();
    }

    /** A number written with a decimal comma ("75,9"), as it would be written with a point ("75.9"). */
    public static Optional<String> withDecimalPoint(String text) {
        Matcher comma = text == null ? null : DECIMAL_COMMA.matcher(text);
        return comma != null && comma.matches()
                ? Optional.of(comma.group(1) + "." + comma.group(2) + comma.group(3))
                : Optional.empty();
    }

    private static BigDecimal number(String written) {
        return new BigDecimal(written.replace(",", ""));
    }
}
