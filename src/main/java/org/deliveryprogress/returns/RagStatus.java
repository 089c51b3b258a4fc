package org.deliveryprogress.returns;

import java.util.Arrays;
import java.util.Optional;

/** Table A of the progress template: the status a judging officer gives a plan. */
public enum RagStatus {
    Red("Activities will not meet defined targets or milestones, or will not take place."),
    Amber("Activities are happening but slightly behind schedule to meet defined targets or milestones."),
    Green("Activities are on schedule to meet defined targets or milestones, or have been completed."),
    Blue("Activities are on schedule and will be achieved significantly ahead of expectations, "
            + "with examples of exceptional practice.");

    private final String definition;

    RagStatus(String definition) {
        this.definition = definition;
    }

    public String definition() {
        return definition;
    }

    /** Red and Amber plans are escalated for remedial actions, and their judgement needs a comment. */
    boolean needsRemedialAction() {
        return this == Red || this == Amber;
    }

    public static Optional<RagStatus> parse(Object value) {
        return Arrays.stream(values()).filter(status -> status.name().equals(value)).findFirst();
    }
}
