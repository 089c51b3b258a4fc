package org.deliveryprogress.returns;

import org.deliveryprogress.shared.ConflictException;

/**
 * A draft's save refused because the draft was saved again (or its update submitted) after the form was opened:
 * saving would replace someone's writing unseen. Carries the draft's version now, which a save made knowingly sends.
 */
public class DraftSavedSinceException extends ConflictException {

    private final String currentVersion;

    DraftSavedSinceException(String message, String currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public String currentVersion() {
        return currentVersion;
    }
}
