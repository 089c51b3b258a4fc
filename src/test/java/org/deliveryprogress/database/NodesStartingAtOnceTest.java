package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.authorization.Resources;
import org.deliveryprogress.database.ExternalMariaDbTest.ExternalServer;
import org.deliveryprogress.identity.TasklistFilters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes of an installation started at the same moment on an empty database, as when all its JVMs are brought up
 * together (JVMs of their own, as {@link NodeFaultsTest}'s: Camunda's webapps keep what they serve in static
 * fields, so nodes started and stopped inside the tests' JVM would leave the shared context's Tasklist on a closed
 * engine): both start, and the database holds the engine's schema, the application's tables, the processes and the
 * Tasklist filters and grants, each once. On the external MariaDB server, as {@link ExternalMariaDbTest} (skipped
 * without one, required when {@code EXTERNAL_MARIADB_URL} is set), in a database of its own beside that test's: its
 * name with "_two_nodes" added.
 */
@ExtendWith(ExternalMariaDbTest.WhenServerReachable.class)
class NodesStartingAtOnceTest {

    @BeforeAll
    static void requireTheServerWhenNamed() {
        ExternalMariaDbTest.requireTheServerWhenNamed();
    }

    @Test
    void twoNodesStartedAtOnceOnAnEmptyDatabaseSetItUpOnceAndBothRun() throws Exception {
        ExternalServer server = ExternalServer.get();
        String database = server.database + "_two_nodes";
        server.recreate(database);
        List<FaultNode> nodes = new ArrayList<>();
        try {
            for (String name : List.of("A", "B")) {
                nodes.add(FaultNode.start(name, 1, List.of("DB_URL=" + server.urlOf(database),
                        "DB_USER=" + server.user, "DB_PASSWORD=" + server.password,
                        "PUBLIC_URL=https://delivery-progress.example.org")));
            }
            for (FaultNode node : nodes) {
                node.awaitReady(Duration.ofMinutes(5));
            }

            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(server.urlOf(database), server.user,
                    server.password));
            assertThat(jdbc.queryForList("SELECT LOWER(table_name) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name LIKE 'act\\_%'", String.class))
                    .as("the engine's tables").containsExactlyInAnyOrderElementsOf(engineTables());
            assertThat(jdbc.queryForList("SELECT version FROM dp_schema_history WHERE version <> '0' AND success = 1",
                    String.class)).as("migrations applied").containsExactlyInAnyOrderElementsOf(migrations());
            assertThat(countsOf(jdbc, "SELECT KEY_, COUNT(*) FROM ACT_RE_PROCDEF GROUP BY KEY_"))
                    .as("versions of each process deployed")
                    .containsOnlyKeys("quarterlyCycle", "planReturn", "openDueCycles", "sendNotification")
                    .allSatisfy((process, versions) -> assertThat(versions).isOne());
            assertThat(countsOf(jdbc, "SELECT NAME_, COUNT(*) FROM ACT_RU_FILTER GROUP BY NAME_"))
                    .as("Tasklist filters").containsOnlyKeys(TasklistFilters.MY_WORK, TasklistFilters.RETURNS_TO_SUBMIT,
                            TasklistFilters.AWAITING_JUDGEMENT, TasklistFilters.REMEDIAL_TO_PROPOSE,
                            TasklistFilters.REMEDIAL_TO_AGREE, TasklistFilters.NETWORK_WORK)
                    .allSatisfy((filter, copies) -> assertThat(copies).isOne());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION a JOIN ACT_RU_FILTER f"
                    + " ON f.ID_ = a.RESOURCE_ID_ WHERE a.USER_ID_ = '*' AND a.RESOURCE_TYPE_ = ? AND f.NAME_ = ?",
                    Integer.class, Resources.FILTER.resourceType(), TasklistFilters.MY_WORK))
                    .as("everyone's grant on My work").isOne();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = ?"
                    + " AND RESOURCE_ID_ <> '*' AND RESOURCE_ID_ NOT IN (SELECT ID_ FROM ACT_RU_FILTER)",
                    Integer.class, Resources.FILTER.resourceType())).as("grants on filters that do not exist").isZero();
        } finally {
            for (FaultNode node : nodes) {
                node.stop();
            }
            server.drop(database);
        }
    }

    /** The tables Camunda's own MySQL scripts create, the ones the engine's schema update runs on an empty database. */
    private static Set<String> engineTables() throws IOException {
        Pattern createTable = Pattern.compile("(?i)create table (\\w+)");
        Set<String> tables = new TreeSet<>();
        for (Resource script : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/camunda/bpm/engine/db/create/activiti.mysql.create.*.sql")) {
            Matcher matcher = createTable.matcher(script.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                tables.add(matcher.group(1).toLowerCase());
            }
        }
        return tables;
    }

    /** The versions of the application's Flyway migrations. */
    private static List<String> migrations() throws IOException {
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        List<String> versions = new ArrayList<>();
        for (Resource migration : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/V*__*.sql")) {
            Matcher matcher = version.matcher(migration.getFilename());
            if (matcher.matches()) {
                versions.add(matcher.group(1));
            }
        }
        return versions;
    }

    private static Map<String, Integer> countsOf(JdbcTemplate jdbc, String sql) {
        return jdbc.query(sql, result -> {
            Map<String, Integer> counts = new HashMap<>();
            while (result.next()) {
                counts.put(result.getString(1), result.getInt(2));
            }
            return counts;
        });
    }
}
