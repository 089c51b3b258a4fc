package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.deliveryprogress.DeliveryProgressApplication;
import org.deliveryprogress.database.ExternalMariaDbTest.ExternalServer;
import org.deliveryprogress.identity.TasklistFilters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of an installation started at the same moment on an empty database, as when all its JVMs are brought up
 * together: both start, and the database holds the engine's schema, the application's tables, the processes and the
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
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            List<Future<ConfigurableApplicationContext>> started = starting.invokeAll(List.of(
                    node("nodeA", server, database), node("nodeB", server, database)));
            List<Throwable> failures = new ArrayList<>();
            for (Future<ConfigurableApplicationContext> node : started) {
                try {
                    nodes.add(node.get());
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).as("nodes that failed to start").isEmpty();

            JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
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
            for (ConfigurableApplicationContext node : nodes) {
                assertThat(node.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
                        .as("process definitions the node's engine reads").isEqualTo(4);
            }
        } finally {
            starting.shutdown();
            nodes.forEach(ConfigurableApplicationContext::close);
            server.drop(database);
        }
    }

    /** A node as the mariadb profile runs it, with an engine name of its own: engines are registered by name. */
    private static Callable<ConfigurableApplicationContext> node(String name, ExternalServer server,
            String database) {
        return () -> new SpringApplicationBuilder(DeliveryProgressApplication.class)
                .profiles("mariadb", "test")
                .run("--DB_URL=" + server.urlOf(database), "--DB_USER=" + server.user,
                        "--DB_PASSWORD=" + server.password, "--PUBLIC_URL=https://delivery-progress.example.org",
                        "--server.port=0", "--camunda.bpm.process-engine-name=" + name);
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
