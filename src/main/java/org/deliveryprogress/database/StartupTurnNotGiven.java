package org.deliveryprogress.database;

import java.time.Duration;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A node that waited its whole time for another node starting on the database (the {@link StartupLock}) says so in
 * Spring Boot's "APPLICATION FAILED TO START" form: otherwise the words came last in a chain of causes some 130 lines
 * long, under "Unable to start web server".
 */
final class StartupTurnNotGiven extends IllegalStateException {

    StartupTurnNotGiven(Duration waited) {
        super("Another node has been starting on this database for " + waited + " and is still not ready, so this "
                + "one does not start.");
    }

    static final class Analyzer extends AbstractFailureAnalyzer<StartupTurnNotGiven> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, StartupTurnNotGiven cause) {
            return new FailureAnalysis(cause.getMessage(), "Start it again once the other is ready, or give it longer "
                    + "(STARTUP_LOCK_TIMEOUT, an ISO duration).", cause);
        }
    }
}
