package org.deliveryprogress.shared;

/**
 * Whether a text says nothing a reader could see. {@link String#isBlank()} takes a no-break space or a zero-width
 * space, pasted from a word processor or typed to get past a required box, for text.
 */
public final class BlankText {

    private BlankText() {
    }

    /** Null, or only white space, space separators (no-break spaces among them) and invisible format characters. */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }
}
