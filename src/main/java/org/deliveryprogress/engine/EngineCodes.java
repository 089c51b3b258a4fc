package org.deliveryprogress.engine;

import java.util.Arrays;

/**
 * The engine's failures by their code. Camunda throws many of its refusals as plain ProcessEngineExceptions, told
 * apart only by the log code its message starts with ("ENGINE-13043 No subscriptions were found ..."), which stays the
 * same from release to release where the words may not.
 */
public final class EngineCodes {

    private EngineCodes() {
    }

    /** Whether the failure's message starts with one of the codes. */
    public static boolean isOneOf(Throwable failure, String... codes) {
        String message = String.valueOf(failure.getMessage());
        return Arrays.stream(codes).anyMatch(message::startsWith);
    }
}
