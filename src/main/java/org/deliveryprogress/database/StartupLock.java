package org.deliveryprogress.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The turn of one node to set the database up: a MariaDB named lock, named after the database, held from before
 * Flyway migrates and the engine builds its schema until the application is ready (see {@link StartupTurns}). It is
 * held by a connection of its own, outside the pool: closing it releases the lock, and so does the server when a node
 * dies while starting.
 */
final class StartupLock {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final HikariDataSource pool;
    private final Duration timeout;
    private Connection connection;

    StartupLock(HikariDataSource pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    /** Waits for any other node starting on the database to be ready, then holds the lock. */
    void acquire() throws SQLException {
        try {
            connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        } catch (SQLException refused) {
            throw new DatabaseNotReached(pool.getJdbcUrl(), pool.getUsername(), refused);
        }
        if (connection.getCatalog() == null) {
            // The lock is named after the database: without one its name is NULL, which GET_LOCK never grants, and
            // the node would wait its whole timeout for another node that is not there.
            connection.close();
            connection = null;
            throw new DatabaseNotReached(pool.getJdbcUrl(), pool.getUsername(), "the URL names no database: end it "
                    + "with the database's name, as jdbc:mariadb://db.example.org:3306/deliveryprogress", null);
        }
        if (tryLock(Duration.ZERO)) {
            return;
        }
        log.info("Another node is starting on this database: this one waits up to {} for it to be ready", timeout);
        if (!tryLock(timeout)) {
            connection.close();
            connection = null;
            throw new StartupTurnNotGiven(timeout);
        }
        log.info("The other node is ready: this one starts");
    }

    private boolean tryLock(Duration wait) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT GET_LOCK(CONCAT('delivery-progress start ', DATABASE()), ?)")) {
            lock.setLong(1, wait.toSeconds());
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }

    /** Once the application is ready (its start-up setup done), or when it fails to start. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void release() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
            log.info("Start-up lock released: this node is set up, the next one starting may set up in turn");
        }
    }
}
