package org.deliveryprogress.cycles;

/** Names of the quarterlyCycle process's variables. */
public final class CycleVariables {

    public static final String PROCESS_KEY = "quarterlyCycle";

    static final String MEETING_ID = "meetingId";
    public static final String CYCLE_ID = "cycleId";
    static final String CLOSE_AT = "closeAt";
    public static final String RETURNS_LEFT_TO_OPEN = "returnsLeftToOpen";
    public static final String RETURNS_LEFT_TO_CLOSE = "returnsLeftToClose";

    private CycleVariables() {
    }
}
