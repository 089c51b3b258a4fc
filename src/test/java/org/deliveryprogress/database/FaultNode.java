package org.deliveryprogress.database;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.deliveryprogress.DeliveryProgressApplication;

/**
 * One node of the installation {@link NodeFaultsTest} runs: the application in a JVM of its own, with the
 * {@code mariadb} profile as deployed, its job executor and mail outbox on, its output in
 * {@code target/faults/node-<name>-<start>.log}. Killed as {@code kill -9} kills.
 */
final class FaultNode {

    static final Path LOGS = Path.of("target", "faults");

    private final String name;
    private final int start;
    private final int port;
    private final Process process;
    private final Path log;

    private FaultNode(String name, int start, int port, Process process, Path log) {
        this.name = name;
        this.start = start;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the node's JVM; {@link #awaitReady} waits for its start-up. */
    static FaultNode start(String name, int start, List<String> settings) throws IOException {
        Files.createDirectories(LOGS);
        int port = freePort();
        Path log = LOGS.resolve("node-" + name + "-" + start + ".log");
        List<String> command = new ArrayList<>(List.of(javaHome().resolve("bin/java").toString(), "-Xmx512m",
                "-cp", applicationClassPath(), DeliveryProgressApplication.class.getName(),
                "--spring.profiles.active=mariadb", "--PORT=" + port));
        settings.forEach(setting -> command.add("--" + setting));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new FaultNode(name, start, port, process, log);
    }

    /** Waits until the node's start-up is done (its start-up lock released), or fails saying where to look. */
    FaultNode awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        while (!isReady()) {
            if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("Node " + this + " did not start: see " + log);
            }
            Thread.sleep(500);
        }
        return this;
    }

    /** Whether the node's start-up is done: it has released its start-up lock. */
    boolean isReady() throws IOException {
        return process.isAlive() && Files.readString(log, StandardCharsets.UTF_8).contains("Start-up lock released");
    }

    /** Whether one of the node's threads is in the method, as a thread dump of the JVM shows it now. */
    boolean isRunning(String classAndMethod) throws IOException, InterruptedException {
        Process dump = new ProcessBuilder(javaHome().resolve("bin/jcmd").toString(),
                String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
        String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        dump.waitFor();
        return threads.contains(classAndMethod + "(");
    }

    /** Whether this JVM's installation has {@code jcmd}, a JDK's, which {@link #isRunning} needs. */
    static boolean canDumpThreads() {
        return Files.isExecutable(javaHome().resolve("bin/jcmd"));
    }

    /** Kills the JVM at once, as {@code kill -9}: nothing of it runs after this, no shutdown hook, no commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    int start() {
        return start;
    }

    @Override
    public String toString() {
        return name + " (start " + start + ", pid " + process.pid() + ")";
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** The test JVM's class path without the test classes: the application and its libraries, as its jar holds them. */
    private static String applicationClassPath() {
        String testClasses = new File("target/test-classes").getAbsolutePath();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !new File(entry).getAbsolutePath().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
