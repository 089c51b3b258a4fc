package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.zaxxer.hikari.HikariDataSource;

/** The application's pool once its embedded MariaDB server is gone, killed while the application ran. */
@DisplayName("An application whose embedded MariaDB server is killed")
@ExtendWith(OutputCaptureExtension.class)
class ServerGoneTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("closes its pool as the server goes, saying why, so that a request for a connection fails at once "
            + "where it waited 30 seconds, and the application stops in seconds; closed as it stops, it says nothing")
    void closesItsPoolAsTheServerGoes(CapturedOutput log) throws Exception {
        File dataDir = folder.resolve("data/mariadb").toFile();
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(dataDir.toString(), 0,
                "gone", false)); HikariDataSource pool = poolOf(server)) {
            server.whenGone(new ServerGone(pool));
            try (Connection inUse = pool.getConnection()) {
                assertThat(inUse.isValid(5)).isTrue();
            }

            for (ProcessHandle killed : ServerLeftRunning.serversOn(dataDir)) {
                killed.destroyForcibly();
                killed.onExit().get(30, TimeUnit.SECONDS);
            }
            Instant giveUp = Instant.now().plusSeconds(10);
            while (!pool.isClosed() && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
            }

            assertThat(pool.isClosed()).isTrue();
            Instant asked = Instant.now();
            assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(1));
            assertThat(log).contains("The embedded MariaDB server has stopped (was it killed?)");
        }
    }

    @Test
    @DisplayName("says nothing of a server stopped as the application stops")
    void saysNothingOfAServerClosedAsTheApplicationStops(CapturedOutput log) throws Exception {
        File dataDir = folder.resolve("data/mariadb").toFile();
        ProcessHandle process;
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(dataDir.toString(), 0,
                "gone", false)); HikariDataSource pool = poolOf(server)) {
            server.whenGone(new ServerGone(pool));
            process = ServerLeftRunning.serversOn(dataDir).get(0);
        }
        process.onExit().get(30, TimeUnit.SECONDS);

        assertThat(log).doesNotContain("The embedded MariaDB server has stopped");
    }

    private static HikariDataSource poolOf(EmbeddedMariaDb server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl("gone"));
        pool.setUsername("root");
        return pool;
    }
}
