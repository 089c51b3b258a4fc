package org.deliveryprogress.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A node that cannot connect to its database at start (a wrong password, a database not created or not granted, a
 * server down or a wrong address) says so in Spring Boot's "APPLICATION FAILED TO START" form, naming the settings to
 * check: otherwise the server's words came last in a chain of causes some 130 lines long, under "Unable to start web
 * server" and a bean of the application's, naming no setting. The start-up lock makes the first connection of a start.
 */
final class DatabaseNotReached extends IllegalStateException {

    DatabaseNotReached(String url, String user, SQLException refusal) {
        this(url, user, refusal.getMessage(), refusal);
    }

    DatabaseNotReached(String url, String user, String why, SQLException cause) {
        super("The database could not be reached at " + withoutParameters(url) + " as user " + user + ": " + why,
                cause);
    }

    /** A JDBC URL's parameters may carry the password. */
    private static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    static final class Analyzer extends AbstractFailureAnalyzer<DatabaseNotReached> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotReached cause) {
            return new FailureAnalysis(cause.getMessage(), "Check DB_URL (the server, its port and the database's "
                    + "name), DB_USER and DB_PASSWORD, that the database exists and the user has rights on it (the "
                    + "README's Production section), and that the server is running. Then start again.", cause);
        }
    }
}
