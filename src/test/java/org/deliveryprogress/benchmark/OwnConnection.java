package org.deliveryprogress.benchmark;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A connection of the benchmark's own to the application's database, outside the application's pool and in
 * auto-commit mode, for what the benchmark reads to watch the work (the server's count of statements, polls): each
 * read is then one statement. The pool's connections are not in auto-commit mode, and one that goes back to the pool
 * after a read sends a rollback, which the counts would take for the work's.
 */
@TestComponent
class OwnConnection implements AutoCloseable {

    private final SingleConnectionDataSource connection;
    private final JdbcTemplate jdbc;

    OwnConnection(DataSource application) {
        HikariDataSource pool = (HikariDataSource) application;
        this.connection = new SingleConnectionDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(),
                true);
        this.jdbc = new JdbcTemplate(connection);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        connection.close();
    }
}
