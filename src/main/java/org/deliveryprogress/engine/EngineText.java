package org.deliveryprogress.engine;

/**
 * Text the engine keeps. Camunda creates its tables on MariaDB in the three-byte {@code utf8} (utf8mb3), which holds
 * no character outside Unicode's Basic Multilingual Plane (emoji, and a few rarer scripts' characters): one in a text
 * the engine writes fails the whole transaction writing it, a batch of a hundred returns opened, say. The
 * application's own tables are {@code utf8mb4} and keep them.
 */
public final class EngineText {

    private EngineText() {
    }

    /** Whether the engine's tables can hold the text. */
    public static boolean fits(String text) {
        return text.codePoints().noneMatch(Character::isSupplementaryCodePoint);
    }

    /** The text without the characters the engine's tables cannot hold, and without the spaces they leave doubled. */
    public static String fitted(String text) {
        if (fits(text)) {
            return text;
        }
        StringBuilder fitted = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isSupplementaryCodePoint(c)).forEach(fitted::appendCodePoint);
        return fitted.toString().replaceAll(" {2,}", " ").strip();
    }
}
