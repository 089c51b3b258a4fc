package org.deliveryprogress.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded server killed while the application runs: each request for a connection then waited the pool's 30
 * seconds for one that never came, and so did the engine's job acquisition, the scheduled tasks and the engine's last
 * metrics as the application stopped, so that a run stopped with SIGTERM hung for most of a minute. The pool is
 * closed as the server goes, so that they fail at once, and the log says why.
 */
final class ServerGone implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ServerGone.class);

    private final HikariDataSource pool;

    ServerGone(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public void run() {
        log.error("The embedded MariaDB server has stopped (was it killed?): the application can no longer reach its "
                + "data and refuses every request for it at once. Stop the application and start it again.");
        pool.close();
    }
}
