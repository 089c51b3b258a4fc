package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A node whose turn to start does not come within its time: the operator is told what to do. Checked on the start-up
 * lock, held meanwhile by a connection standing for another node, rather than by a failed start (a second start in
 * the test JVM would set up its logging again, see {@code RequiredSettingsTest}).
 */
@ApplicationTest
@DisplayName("A node whose turn to start does not come")
class StartupTurnNotGivenTest {

    @Autowired
    HikariDataSource pool;

    @Test
    @DisplayName("says how long it waited and names STARTUP_LOCK_TIMEOUT")
    void waitedItsWholeTime() throws SQLException {
        try (Connection anotherNode = pool.getConnection(); Statement statement = anotherNode.createStatement()) {
            try (ResultSet locked = statement.executeQuery(
                    "SELECT GET_LOCK(CONCAT('delivery-progress start ', DATABASE()), 0)")) {
                assertThat(locked.next() && locked.getInt(1) == 1).as("the other node holds the lock").isTrue();
            }
            try {
                StartupTurnNotGiven notGiven = catchThrowableOfType(StartupTurnNotGiven.class,
                        new StartupLock(pool, Duration.ofSeconds(1))::acquire);

                assertThat(notGiven).as("the start-up lock's giving up").isNotNull();
                FailureAnalysis analysis = new StartupTurnNotGiven.Analyzer().analyze(notGiven, notGiven);
                assertThat(analysis.getDescription()).isEqualTo("Another node has been starting on this database "
                        + "for PT1S and is still not ready, so this one does not start.");
                assertThat(analysis.getAction()).contains("STARTUP_LOCK_TIMEOUT");
            } finally {
                statement.execute("DO RELEASE_LOCK(CONCAT('delivery-progress start ', DATABASE()))");
            }
        }
    }
}
