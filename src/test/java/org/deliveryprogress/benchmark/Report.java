package org.deliveryprogress.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's figures, printed as a table and written as CSV: each phase on the application, on the bare engine
 * and on the bare engine with authorizations where it ran, with the ratios of their wall times and of their median
 * operations, then single figures (peak heap, time until the updates are visible).
 */
final class Report {

    private static final String HEADER =
            "phase,side,unit,operations,wall_ms,ops_per_s,p50_ms,p95_ms,ratio,ratio_p50,ratio_authz,ratio_authz_p50,"
                    + "statements_per_op,value";

    /** The bare engine's side, and the same engine's with Camunda's authorizations on. */
    static final String BARE = "bare";
    static final String AUTHORIZED = "authz";

    private final List<Measurement> measurements = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final LongSupplier statementsSent;
    private final StatementLog statementLog;

    /** A report whose phases each write one operation's statements to {@code statementLog}, if not null. */
    private Report(LongSupplier statementsSent, StatementLog statementLog) {
        this.statementsSent = statementsSent;
        this.statementLog = statementLog;
    }

    /** Counting the statements the database server has been sent by anyone, its {@code Questions}. */
    static Report ofServer(JdbcTemplate jdbc) {
        return ofServer(jdbc, null);
    }

    /** As {@link #ofServer(JdbcTemplate)}, each phase writing one operation's statements to the log. */
    static Report ofServer(JdbcTemplate jdbc, StatementLog statementLog) {
        return new Report(() -> jdbc.queryForObject("SELECT variable_value FROM information_schema.global_status"
                + " WHERE variable_name = 'QUESTIONS'", Long.class), statementLog);
    }

    Measurement measure(String phase, String side, String unit) {
        Measurement measurement = new Measurement(phase, side, unit, statementsSent, statementLog);
        measurements.add(measurement);
        return measurement;
    }

    void figure(String name, String value) {
        figures.put(name, value);
    }

    String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-10s %-5s %-30s %6s %10s %9s %9s %9s %8s %8s %8s %8s %8s%n", "phase", "side", "operation", "ops",
                "wall ms", "ops/s", "p50 ms", "p95 ms", "/bare", "p50 /b", "/authz", "p50 /az", "SQL/op"));
        for (Measurement m : measurements) {
            table.append(String.format(Locale.ROOT,
                    "%-10s %-5s %-30s %6d %10.0f %9.1f %9.2f %9.2f %8s %8s %8s %8s %8.1f%n",
                    m.phase, m.side, m.unit, m.operations(), m.wallMillis(), m.operationsPerSecond(),
                    m.percentileMillis(50), m.percentileMillis(95), ratio(m, BARE, Measurement::wallMillis),
                    ratio(m, BARE, median()), ratio(m, AUTHORIZED, Measurement::wallMillis),
                    ratio(m, AUTHORIZED, median()), m.statementsPerOperation()));
        }
        figures.forEach((name, value) -> table.append(String.format("%-62s %s%n", name, value)));
        return table.toString();
    }

    void writeCsv(Path file) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (Measurement m : measurements) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%s,%d,%.1f,%.2f,%.3f,%.3f,%s,%s,%s,%s,%.1f,", m.phase,
                    m.side, csvField(m.unit), m.operations(), m.wallMillis(), m.operationsPerSecond(),
                    m.percentileMillis(50), m.percentileMillis(95), ratio(m, BARE, Measurement::wallMillis),
                    ratio(m, BARE, median()), ratio(m, AUTHORIZED, Measurement::wallMillis),
                    ratio(m, AUTHORIZED, median()), m.statementsPerOperation()));
        }
        figures.forEach((name, value) -> lines.add(csvField(name) + ",,,,,,,,,,,,," + csvField(value)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as RFC 4180 writes it: quoted, quotes doubled, when it holds a comma, a quote or a line break. */
    static String csvField(String text) {
        return text.matches("(?s).*[,\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /**
     * A figure of a side's phase over another side's in the same phase: the application's over the bare engine's and
     * over the engine's with authorizations, and that engine's over the bare engine's. Besides the wall time, the
     * median operation's time, which a pause of the shared machine moves less.
     */
    private String ratio(Measurement measured, String floorSide, ToDoubleFunction<Measurement> figure) {
        if (measured.side.equals(BARE) || measured.side.equals(floorSide)) {
            return "";
        }
        return measurements.stream()
                .filter(floor -> floor.side.equals(floorSide) && floor.phase.equals(measured.phase)
                        && figure.applyAsDouble(floor) > 0)
                .findFirst()
                .map(floor -> String.format(Locale.ROOT, "%.2f",
                        figure.applyAsDouble(measured) / figure.applyAsDouble(floor)))
                .orElse("");
    }

    private static ToDoubleFunction<Measurement> median() {
        return measurement -> measurement.percentileMillis(50);
    }
}
