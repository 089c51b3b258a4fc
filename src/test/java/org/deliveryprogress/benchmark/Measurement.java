package org.deliveryprogress.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One side's figures for one phase: the wall time of the phase and the time of each single operation in it. A phase
 * may run in several stretches (late updates come after the reminders); bookkeeping between operations (finding the
 * tasks to complete) is left out of both.
 */
final class Measurement {

    /** Which operation of a phase the statement log shows: the second, the first may fill caches. */
    private static final int LOGGED_OPERATION = 1;

    final String phase;
    final String side;
    /** What one operation is, since a side's operation may be a batch of the other's (a network's cycle). */
    final String unit;
    /** The statements the database server has been sent so far, by anyone: the phases run one at a time. */
    private final LongSupplier statementsSent;
    /** Where the statements of one operation go, statement by statement; none if null. */
    private final StatementLog statementLog;
    private final List<Long> samples = new ArrayList<>();
    private long wallNanos;
    private long stretchStart;
    private long statements;
    private long stretchStatements;
    private long operationNanos;

    Measurement(String phase, String side, String unit, LongSupplier statementsSent, StatementLog statementLog) {
        this.phase = phase;
        this.side = side;
        this.unit = unit;
        this.statementsSent = statementsSent;
        this.statementLog = statementLog;
    }

    void start() {
        stretchStatements = statementsSent.getAsLong();
        stretchStart = System.nanoTime();
    }

    void stop() {
        wallNanos += System.nanoTime() - stretchStart;
        // Less the one statement that reads the count.
        statements += statementsSent.getAsLong() - stretchStatements - 1;
    }

    /** Leaves out statements the benchmark itself sent during the phase to watch the work (polling). */
    void leaveOut(long ownStatements) {
        statements -= ownStatements;
    }

    /**
     * One operation timed in stretches (its parts passed to {@link #stretch}), such as a cycle's jobs, found between
     * them by the benchmark. If it is the operation the statement log shows, the log has all of it, the benchmark's
     * look-ups between its stretches included.
     */
    void inStretches(Runnable operation) {
        operationNanos = 0;
        if (logsThisOperation()) {
            statementLog.capture(phase + "-" + side, () -> {
                operation.run();
                return null;
            });
        } else {
            operation.run();
        }
        samples.add(operationNanos);
    }

    /**
     * A part of the operation {@link #inStretches} runs: a stretch of the phase, whose time and statements count.
     * What runs between stretches (finding the next job to run) counts for neither.
     */
    <T> T stretch(Supplier<T> part) {
        start();
        long begin = System.nanoTime();
        try {
            return part.get();
        } finally {
            operationNanos += System.nanoTime() - begin;
            stop();
        }
    }

    void stretch(Runnable part) {
        stretch(() -> {
            part.run();
            return null;
        });
    }

    /** One operation that is a stretch of its own: timed, and its statements counted. */
    <T> T timeAlone(Supplier<T> operation) {
        start();
        try {
            return time(operation);
        } finally {
            stop();
        }
    }

    void timeAlone(Runnable operation) {
        timeAlone(() -> {
            operation.run();
            return null;
        });
    }

    <T> T time(Supplier<T> operation) {
        long start = System.nanoTime();
        T result = logsThisOperation() ? statementLog.capture(phase + "-" + side, operation) : operation.get();
        samples.add(System.nanoTime() - start);
        return result;
    }

    void time(Runnable operation) {
        time(() -> {
            operation.run();
            return null;
        });
    }

    private boolean logsThisOperation() {
        return statementLog != null && samples.size() == LOGGED_OPERATION;
    }

    /** Times a batch: each of the operations it says it did took an equal share of its time. Answers how many. */
    int timeEach(IntSupplier batch) {
        long start = System.nanoTime();
        int operations = batch.getAsInt();
        long share = operations == 0 ? 0 : (System.nanoTime() - start) / operations;
        for (int i = 0; i < operations; i++) {
            samples.add(share);
        }
        return operations;
    }

    int operations() {
        return samples.size();
    }

    double statementsPerOperation() {
        return samples.isEmpty() ? 0 : (double) statements / samples.size();
    }

    double wallMillis() {
        return wallNanos / 1e6;
    }

    double operationsPerSecond() {
        return wallNanos == 0 ? 0 : samples.size() / (wallNanos / 1e9);
    }

    double percentileMillis(int percentile) {
        if (samples.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1) / 1e6;
    }
}
