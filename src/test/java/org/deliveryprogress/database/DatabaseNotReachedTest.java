package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.deliveryprogress.database.ExternalMariaDbTest.ExternalServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A node's first connection at start refused by the server: the operator is told which settings to check. Checked on
 * the start-up lock, which makes that connection, rather than by a failed start (a second start in the test JVM would
 * set up its logging again, see {@code RequiredSettingsTest}), on the external server: the embedded one checks no
 * passwords.
 */
@ExtendWith(ExternalMariaDbTest.WhenServerReachable.class)
@DisplayName("A node whose database refuses it at start")
class DatabaseNotReachedTest {

    private final ExternalServer server = ExternalServer.get();

    @Test
    @DisplayName("with a wrong password, says so in the server's words and names DB_URL, DB_USER and DB_PASSWORD")
    void wrongPassword() {
        FailureAnalysis analysis = analysisOfAStartOn(server.url, server.password + " and a wrong ending");

        assertThat(analysis.getDescription())
                .startsWith("The database could not be reached at " + server.url.replaceFirst("\\?.*", "")
                        + " as user " + server.user + ": ")
                .contains("Access denied for user '" + server.user + "'");
        assertThat(analysis.getAction()).contains("DB_URL", "DB_USER", "DB_PASSWORD");
    }

    @Test
    @DisplayName("on a database that does not exist, says so, leaving out the URL's parameters (they may hold a "
            + "password)")
    void noSuchDatabase() {
        String url = server.urlOf("no_such_database");

        assertThat(analysisOfAStartOn(url + (url.contains("?") ? "&" : "?") + "password=" + server.password,
                server.password).getDescription())
                .contains("at " + url.replaceFirst("\\?.*", "") + " as user", "'no_such_database'")
                .doesNotContain("password=");
    }

    @Test
    @DisplayName("with a URL that names no database, says so at once, rather than waiting for the start-up lock of "
            + "another node")
    void urlWithoutADatabase() {
        assertThat(analysisOfAStartOn(server.serverUrl, server.password).getDescription())
                .endsWith(": the URL names no database: end it with the database's name, as "
                        + "jdbc:mariadb://db.example.org:3306/deliveryprogress");
    }

    private FailureAnalysis analysisOfAStartOn(String url, String password) {
        try (HikariDataSource refused = new HikariDataSource()) {
            refused.setJdbcUrl(url);
            refused.setUsername(server.user);
            refused.setPassword(password);
            DatabaseNotReached notReached = catchThrowableOfType(DatabaseNotReached.class,
                    new StartupLock(refused, Duration.ZERO)::acquire);
            assertThat(notReached).as("the start-up lock's failure to connect").isNotNull();
            return new DatabaseNotReached.Analyzer().analyze(notReached, notReached);
        }
    }
}
