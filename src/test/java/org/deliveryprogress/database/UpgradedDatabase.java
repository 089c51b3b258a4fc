package org.deliveryprogress.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own on the embedded server, brought up to an earlier version of the schema and then upgraded, as
 * an installation's database is. One connection, so that a test can set session variables on it.
 */
final class UpgradedDatabase implements AutoCloseable {

    private final JdbcTemplate server;
    private final String name = "upgrade_" + System.nanoTime();
    private final SingleConnectionDataSource dataSource;

    UpgradedDatabase(EmbeddedMariaDb embedded, JdbcTemplate server, String version) {
        this.server = server;
        server.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        dataSource = new SingleConnectionDataSource(embedded.jdbcUrl(name), "root", "", true);
        migrate(version);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    /** Up to the latest version. */
    void upgrade() {
        migrate(null);
    }

    private void migrate(String target) {
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration").table("dp_schema_history");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    @Override
    public void close() {
        dataSource.destroy();
        server.execute("DROP DATABASE `" + name + "`");
    }
}
