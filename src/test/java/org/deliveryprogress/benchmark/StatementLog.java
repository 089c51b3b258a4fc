package org.deliveryprogress.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Every statement the database server received during one operation, from MariaDB's general query log, written to
 * {@code target/benchmark/statements/<name>.txt}: where a phase's statements per operation go, statement by
 * statement. The log is switched on for that one operation only, and only in the warm-up cycle, whose figures are
 * not reported, so that logging costs the measured cycle nothing. Needs the SUPER or SYSTEM_VARIABLES_ADMIN privilege
 * (root on the embedded server and by default on the external one).
 */
final class StatementLog {

    private static final Path DIRECTORY = Path.of("target", "benchmark", "statements");
    /** Long statements (an INSERT of many rows) are cut here: their kind and table are what the log is read for. */
    private static final int LONGEST = 400;

    private final DataSource dataSource;

    StatementLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the operation with the log on, and leaves the server's log settings as they were: on an external server
     * they are its operator's.
     */
    <T> T capture(String name, Supplier<T> operation) {
        try (Connection own = dataSource.getConnection(); Statement statement = own.createStatement()) {
            long ownThread = single(statement, "SELECT CONNECTION_ID()");
            String output = text(statement, "SELECT @@GLOBAL.log_output");
            long logging = single(statement, "SELECT @@GLOBAL.general_log");
            try {
                statement.execute("SET GLOBAL general_log = 'OFF'");
                statement.execute("SET GLOBAL log_output = 'TABLE'");
                statement.execute("TRUNCATE TABLE mysql.general_log");
                statement.execute("SET GLOBAL general_log = 'ON'");
                T result;
                try {
                    result = operation.get();
                } finally {
                    statement.execute("SET GLOBAL general_log = 'OFF'");
                }
                write(name, statement, ownThread);
                statement.execute("TRUNCATE TABLE mysql.general_log");
                return result;
            } finally {
                statement.execute("SET GLOBAL log_output = '" + output + "'");
                statement.execute("SET GLOBAL general_log = " + logging);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the statement log of " + name + ": " + e.getMessage(), e);
        }
    }

    private static void write(String name, Statement statement, long ownThread) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT thread_id, command_type, CONVERT(argument USING utf8mb4)"
                + " FROM mysql.general_log WHERE thread_id <> " + ownThread + " ORDER BY event_time")) {
            while (rows.next()) {
                String text = rows.getString(3).replaceAll("\\s+", " ").strip();
                lines.add(rows.getLong(1) + " " + rows.getString(2) + " "
                        + (text.length() > LONGEST ? text.substring(0, LONGEST) + "…" : text));
            }
        }
        long queries = lines.stream().map(line -> line.split(" ", 3)[1])
                .filter(command -> command.equals("Query") || command.equals("Execute")).count();
        lines.add(0, name + ": " + queries + " statements (connection, command, statement)");
        try {
            Files.createDirectories(DIRECTORY);
            Files.write(DIRECTORY.resolve(name + ".txt"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long single(Statement statement, String query) throws SQLException {
        return Long.parseLong(text(statement, query));
    }

    private static String text(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
