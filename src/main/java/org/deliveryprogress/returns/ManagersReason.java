package org.deliveryprogress.returns;

import org.deliveryprogress.shared.BlankText;
import org.deliveryprogress.shared.InvalidRequestException;

/**
 * The reason a manager gives for changing a cycle's course (a deadline moved, a cycle withdrawn): required, since the
 * officers are told it and the history keeps it, and no longer than the forms let it be typed.
 */
final class ManagersReason {

    static final int LIMIT = 2000;

    private ManagersReason() {
    }

    /** The reason without its surrounding spaces; refused, asking for it in {@code sayWhy}'s words, if missing. */
    static String required(String reason, String sayWhy, String whoReadsIt) {
        if (BlankText.isBlank(reason) || reason.length() > LIMIT) {
            throw new InvalidRequestException(sayWhy + " (at most " + LIMIT + " characters): " + whoReadsIt + ".",
                    "reason");
        }
        return reason.strip();
    }
}
