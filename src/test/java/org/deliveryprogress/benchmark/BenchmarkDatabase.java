package org.deliveryprogress.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where the benchmark runs: the embedded MariaDB by default, or with {@code -Dbenchmark.database=external} the
 * server that {@code BENCHMARK_MARIADB_URL} (with {@code BENCHMARK_MARIADB_USER}, {@code BENCHMARK_MARIADB_PASSWORD})
 * names, by default {@value #DEFAULT_URL} as root without a password. That database is dropped and created anew, so
 * its name must contain "bench".
 */
final class BenchmarkDatabase implements ActiveProfilesResolver {

    static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/deliveryprogress_bench";

    private static final Pattern URL = Pattern.compile(
            "(jdbc:(?:mariadb|mysql):(?:[a-z]+:)?//[^/?]+)/([A-Za-z0-9_]+)(\\?.*)?");

    static boolean external() {
        return "external".equals(System.getProperty("benchmark.database", "embedded"));
    }

    /** The test profile's settings (a temporary embedded database, no job executor), with the mariadb profile's. */
    @Override
    public String[] resolve(Class<?> testClass) {
        return external() ? new String[] { "mariadb", "test" } : new String[] { "test" };
    }

    /** For the mariadb profile: the external server, emptied first, and the mail server as in a deployment. */
    static void register(DynamicPropertyRegistry registry, int smtpPort) throws SQLException {
        if (!external()) {
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", () -> smtpPort);
            return;
        }
        String url = envOr("BENCHMARK_MARIADB_URL", DEFAULT_URL);
        String user = envOr("BENCHMARK_MARIADB_USER", "root");
        String password = envOr("BENCHMARK_MARIADB_PASSWORD", "");
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches() || !matcher.group(2).contains("bench")) {
            throw new IllegalArgumentException("BENCHMARK_MARIADB_URL must be jdbc:mariadb://host:port/database with "
                    + "'bench' in the database's name, since the benchmark drops that database: " + url);
        }
        String database = matcher.group(2);
        try (Connection connection = DriverManager.getConnection(matcher.group(1) + "/", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        registry.add("DB_URL", () -> url);
        registry.add("DB_USER", () -> user);
        registry.add("DB_PASSWORD", () -> password);
        registry.add("PUBLIC_URL", () -> "https://delivery-progress.example.org");
        registry.add("MAIL_HOST", () -> "127.0.0.1");
        registry.add("MAIL_PORT", () -> smtpPort);
        registry.add("MAIL_STARTTLS", () -> "false");
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value != null ? value : fallback;
    }
}
