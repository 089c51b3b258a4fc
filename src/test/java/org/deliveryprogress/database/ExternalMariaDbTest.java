package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.groups.Tuple.tuple;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.identity.Groups;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The application as deployed with the {@code mariadb} profile, on an external MariaDB server rather than the
 * embedded one: the engine and the application's tables on that server, and a whole cycle run on it.
 * <p>
 * The server is the one {@code EXTERNAL_MARIADB_URL} (with {@code EXTERNAL_MARIADB_USER},
 * {@code EXTERNAL_MARIADB_PASSWORD}) names; when that variable is set, as CI sets it, the test must run and fails if
 * the server cannot be reached. Without it the test tries {@value #DEFAULT_URL} as root with an empty password and
 * is skipped when no server answers there. The test database is dropped and created anew before the application
 * starts (so its name must contain "test"), and so is a second database beside it, named as it with "_other" added.
 * <p>
 * Its engine has a name of its own: Camunda keeps engines in a JVM-wide registry by name, through which the REST API
 * finds "default", and this context lives beside the shared embedded-server one in the same test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=externalMariaDb")
@ActiveProfiles({ "mariadb", "test" })
@ExtendWith(ExternalMariaDbTest.WhenServerReachable.class)
class ExternalMariaDbTest {

    static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/deliveryprogress_test";

    private static final List<String> FLYWAY_TABLES = List.of("dp_schema_history", "network", "network_meeting",
            "delivery_plan", "plan_indicator", "plan_indicator_target", "plan_action", "cycle", "plan_return",
            "remedial_action");

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CycleService cycles;
    @Autowired
    CycleRepository cycleRepository;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    TestNetworks networks;
    @Autowired
    Officers officers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    /** When the server must be used, a server that cannot be reached fails the test here, before Spring starts. */
    @BeforeAll
    static void requireTheServerWhenNamed() {
        ExternalServer server = ExternalServer.get();
        if (server.required && server.problem != null) {
            fail("EXTERNAL_MARIADB_URL is set (" + server.url + "), so this test must run on that MariaDB server, "
                    + "but it cannot be used: " + server.problem);
        }
    }

    /**
     * Runs when the Spring context is created, so only when the test runs: a clean database for the engine, and
     * beside it on the same server another database with a Camunda table, as a server shared with another
     * installation has. The engine must not take that one's tables for its own.
     */
    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) throws SQLException {
        ExternalServer server = ExternalServer.get();
        server.recreateDatabases();
        // The mariadb profile reads these, as it does in a deployment.
        registry.add("DB_URL", () -> server.url);
        registry.add("DB_USER", () -> server.user);
        registry.add("DB_PASSWORD", () -> server.password);
        // Required outside the demo, as in any deployment: the address emails link to.
        registry.add("PUBLIC_URL", () -> "https://delivery-progress.example.org");
    }

    @AfterAll
    static void dropTheOtherDatabase() throws SQLException {
        ExternalServer server = ExternalServer.get();
        if (server.problem == null) {
            server.dropOtherDatabase();
        }
    }

    @BeforeEach
    void officers() {
        // No demo profile, so no demo users: the ones TestNetworks' plans name, and a manager.
        user("lead");
        user("judge");
        user("clerk");
        if (identityService.createGroupQuery().groupId(TestNetworks.MANAGER_GROUP).count() == 0) {
            identityService.saveGroup(identityService.newGroup(TestNetworks.MANAGER_GROUP));
        }
        user("manager", TestNetworks.MANAGER_GROUP);
    }

    @Test
    void engineAndApplicationRunOnTheExternalServerAsConfigured() throws SQLException {
        ExternalServer server = ExternalServer.get();

        assertThat(context.getBeanNamesForType(EmbeddedMariaDb.class)).as("embedded MariaDB beans").isEmpty();
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(server.url);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(query(connection, "SELECT @@port")).as("port of the server the pool is connected to")
                    .isEqualTo(server.port);
            assertThat(query(connection, "SELECT @@datadir")).as("data directory of the server the pool uses")
                    .isEqualTo(server.dataDir);
            assertThat(query(connection, "SELECT DATABASE()")).isEqualTo(server.database);
            assertThat(isolationLevel(connection)).isEqualTo("READ-COMMITTED");
            // How Camunda looks for its tables: a null catalog must mean this database, not every one.
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "ACT_RU_EXECUTION", null)) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_CAT")).isEqualTo(server.database);
                assertThat(tables.next()).as("ACT_RU_EXECUTION found in another database").isFalse();
            }
        }

        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDatabaseType()).isEqualTo("mysql");
        assertThat(engine.getName()).isEqualTo("externalMariaDb");

        List<String> tables = jdbc.queryForList(
                "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()",
                String.class);
        assertThat(tables).as("the application's tables, made by Flyway").containsAll(FLYWAY_TABLES);
        assertThat(tables).as("Camunda's tables").contains("act_ge_property", "act_ru_execution", "act_hi_procinst");
        assertThat(jdbc.queryForList("SELECT version FROM dp_schema_history WHERE success = 1", String.class))
                .contains("1");
    }

    @Test
    void outsideTheDemoProfileThereAreNoDemoUsersAndNoDefaultAdministrator() {
        assertThat(identityService.createUserQuery().userId("demo").count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.ADMINS).count())
                .as("administrators, who come only from CAMUNDA_BPM_ADMINUSER_* in the environment").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM network WHERE code = 'SCN'", Integer.class))
                .as("the demo network").isZero();
    }

    @Test
    void wholeCycleRunsOnTheExternalServer() {
        String longAchievements = longText(50_000);
        TestNetwork network = networks.create(3);
        DeliveryPlan green = network.plans().get(0);
        DeliveryPlan red = network.plans().get(1);
        DeliveryPlan silent = network.plans().get(2);

        ProcessInstance cycleInstance = cycles.startOnSchedule(network.meeting().getId());
        assertThat(UUID.fromString(cycleInstance.getId())).as("strong (UUID) ids").isNotNull();
        officers.runJobs(cycleInstance.getId());

        String greenReturn = returnInstance(cycleInstance, green);
        String redReturn = returnInstance(cycleInstance, red);
        String silentReturn = returnInstance(cycleInstance, silent);
        assertThat(List.of(greenReturn, redReturn, silentReturn)).allSatisfy(UUID::fromString);

        submit("lead", greenReturn, TASK_SUBMIT_UPDATE, Map.of(ACHIEVEMENTS, longAchievements,
                PLANNED_ACTIVITIES, "Hold the next tension monitoring meeting."));
        submit("judge", greenReturn, TASK_JUDGE_STATUS, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED,
                RAG_STATUS, "Green", JUDGEMENT_COMMENT, "Strong partnership working."));

        submit("lead", redReturn, TASK_SUBMIT_UPDATE, Map.of(ACHIEVEMENTS, "Little progress this quarter.",
                PLANNED_ACTIVITIES, "Restore the hate crime statistics.", BLOCKAGES, "No analyst in post."));
        submit("judge", redReturn, TASK_JUDGE_STATUS, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED, RAG_STATUS, "Red",
                JUDGEMENT_COMMENT, "Milestones missed: no hate crime data since March."));
        LocalDate dueDate = LocalDate.now(clock).plusWeeks(6);
        submit("lead", redReturn, TASK_PROPOSE_REMEDIAL_ACTIONS, Map.of(REMEDIAL_ACTIONS, List.of(
                Map.of("action", "Restore the interim hate crime statistics", "owner", "Police Hate Crime Unit",
                        "dueDate", dueDate.toString()),
                Map.of("action", "Publicise the reporting centres", "owner", "Safer Communities team",
                        "dueDate", dueDate.toString()))));
        taskService.claim(officers.task(redReturn, TASK_AGREE_REMEDIAL_ACTIONS).getId(), "manager");
        submit("manager", redReturn, TASK_AGREE_REMEDIAL_ACTIONS, Map.of(REMEDIAL_OUTCOME, OUTCOME_AGREED));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(
                Set.of(greenReturn, redReturn)).count()).as("judged returns still running").isZero();

        officers.fireTimer(cycleInstance.getId());
        officers.runJobs(cycleInstance.getId());

        Cycle cycle = cycleRepository.findByMeetingId(network.meeting().getId()).orElseThrow();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(cycleInstance.getId())
                .finished().count()).as("cycle process ended").isOne();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(silentReturn)
                .activityId("ServiceTask_RecordReturnAtClose").finished().count()).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(CYCLE_ID, cycle.getId()).count()).as("returns of the cycle still running")
                .isZero();
        assertThat(cycle.getState()).isEqualTo(Cycle.State.CLOSED);
        assertThat(cycle.getClosedAt()).isNotNull();

        transaction.executeWithoutResult(status -> {
            PlanReturn noReturn = returns.findById(returnId(silentReturn)).orElseThrow();
            assertThat(noReturn.getState()).isEqualTo(ReturnState.NO_RETURN);
            assertThat(noReturn.getClosedAt()).isNotNull();

            PlanReturn greenRecorded = returns.findById(returnId(greenReturn)).orElseThrow();
            assertThat(greenRecorded.getState()).isEqualTo(ReturnState.COMPLETE);
            assertThat(greenRecorded.getRagStatus()).isEqualTo(RagStatus.Green);
            assertThat(greenRecorded.getSubmittedBy()).isEqualTo("lead");
            assertThat(greenRecorded.getJudgedBy()).isEqualTo("judge");

            PlanReturn redRecorded = returns.findById(returnId(redReturn)).orElseThrow();
            assertThat(redRecorded.getState()).isEqualTo(ReturnState.COMPLETE);
            assertThat(redRecorded.getRagStatus()).isEqualTo(RagStatus.Red);
            assertThat(redRecorded.getJudgementComment())
                    .isEqualTo("Milestones missed: no hate crime data since March.");
            assertThat(redRecorded.getRemedialDecidedBy()).isEqualTo("manager");
            assertThat(redRecorded.getRemedialActions())
                    .extracting(RemedialAction::getAction, RemedialAction::getOwner, RemedialAction::getDueDate,
                            RemedialAction::getState)
                    .containsExactly(
                            tuple("Restore the interim hate crime statistics", "Police Hate Crime Unit", dueDate,
                                    RemedialAction.State.AGREED),
                            tuple("Publicise the reporting centres", "Safer Communities team", dueDate,
                                    RemedialAction.State.AGREED));
        });

        // Read back with SQL, not through Hibernate's session: what the server itself holds.
        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT achievements, CHAR_LENGTH(achievements) AS length FROM plan_return WHERE id = ?",
                returnId(greenReturn));
        assertThat(((Number) stored.get("length")).intValue()).isEqualTo(50_000);
        assertThat(stored.get("achievements")).as("50,000-character achievements stored whole")
                .isEqualTo(longAchievements);
    }

    private void user(String id, String... groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("Officer");
            user.setEmail(id + "@example.org");
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identityService.createMembership(id, group);
            }
        }
    }

    private String returnInstance(ProcessInstance cycleInstance, DeliveryPlan plan) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(cycleInstance.getBusinessKey() + "/" + plan.getReference())
                .singleResult();
        assertThat(instance).as("return of " + plan.getReference()).isNotNull();
        return instance.getId();
    }

    private void submit(String userId, String processInstanceId, String taskDefinitionKey,
            Map<String, Object> values) {
        officers.submit(userId, officers.task(processInstanceId, taskDefinitionKey), values);
    }

    private Long returnId(String processInstanceId) {
        return (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(RETURN_ID).singleResult().getValue();
    }

    /** Exactly {@code length} characters, non-ASCII ones among them, so that the column's character set counts. */
    private static String longText(int length) {
        String sentence = "Partners met in Ystradgynlais and Llanfair-ym-Muallt; café forums ran, €2,500 spent. ";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(sentence);
        }
        text.setLength(length - 1);
        return text.append('.').toString();
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** {@code @@transaction_isolation} from MariaDB 11.1 on, {@code @@tx_isolation} before it. */
    private static String isolationLevel(Connection connection) throws SQLException {
        try {
            return query(connection, "SELECT @@transaction_isolation");
        } catch (SQLException unknownVariable) {
            return query(connection, "SELECT @@tx_isolation");
        }
    }

    /** Skips the test, before Spring starts, when no server was named and none answers at the default address. */
    static final class WhenServerReachable implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            ExternalServer server = ExternalServer.get();
            if (server.required) {
                return ConditionEvaluationResult.enabled("EXTERNAL_MARIADB_URL is set: the test must run on "
                        + server.url);
            }
            if (server.problem != null) {
                return ConditionEvaluationResult.disabled("No MariaDB server usable at " + server.url
                        + " (set EXTERNAL_MARIADB_URL to name one and require it): " + server.problem);
            }
            return ConditionEvaluationResult.enabled("MariaDB server reachable at " + server.url);
        }
    }

    /** The server named by the environment (or the default), probed once per JVM. */
    static final class ExternalServer {

        /** jdbc:mariadb://host:port/database?options; the server's address is kept with its options. */
        private static final Pattern URL = Pattern.compile(
                "(jdbc:(?:mariadb|mysql):(?:[a-z]+:)?//[^/?]+)/([A-Za-z0-9_]+)(\\?.*)?");

        private static ExternalServer instance;

        final boolean required;
        final String url;
        final String user;
        final String password;
        /** The URL without the database, to drop and create it. */
        String serverUrl;
        /** The URL's server address, and its options (from "?" on, or empty). */
        private String address;
        private String options;
        String database;
        /** Why the server cannot be used, or null. */
        String problem;
        String port;
        String dataDir;

        private ExternalServer(boolean required, String url, String user, String password) {
            this.required = required;
            this.url = url;
            this.user = user;
            this.password = password;
        }

        static synchronized ExternalServer get() {
            if (instance == null) {
                String url = System.getenv("EXTERNAL_MARIADB_URL");
                instance = new ExternalServer(url != null, url != null ? url.strip() : DEFAULT_URL,
                        envOr("EXTERNAL_MARIADB_USER", "root"), envOr("EXTERNAL_MARIADB_PASSWORD", ""));
                instance.probe();
            }
            return instance;
        }

        private static String envOr(String name, String fallback) {
            String value = System.getenv(name);
            return value != null ? value : fallback;
        }

        private void probe() {
            Matcher matcher = URL.matcher(url);
            if (!matcher.matches()) {
                problem = "'" + url + "' is not a MariaDB JDBC URL of the form jdbc:mariadb://host:port/database";
                return;
            }
            address = matcher.group(1);
            options = matcher.group(3) != null ? matcher.group(3) : "";
            serverUrl = address + "/" + options;
            database = matcher.group(2);
            try (Connection connection = connect()) {
                port = query(connection, "SELECT @@port");
                dataDir = query(connection, "SELECT @@datadir");
            } catch (SQLException e) {
                problem = "cannot connect to " + serverUrl + " as " + user + ": " + e.getMessage();
                return;
            }
            if (!database.toLowerCase().contains("test")) {
                problem = "the database '" + database + "' is dropped and created anew by this test, so its name "
                        + "must contain 'test'";
            }
        }

        void recreateDatabases() throws SQLException {
            recreate(database);
            recreate(otherDatabase());
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE `" + otherDatabase() + "`.ACT_RU_EXECUTION (ID_ varchar(64))");
            }
        }

        void dropOtherDatabase() throws SQLException {
            drop(otherDatabase());
        }

        /** An empty database of that name on the server, dropped first if it exists. */
        void recreate(String name) throws SQLException {
            drop(name);
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }

        void drop(String name) throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }

        /** The URL of another database on the same server, with the same options. */
        String urlOf(String name) {
            return address + "/" + name + options;
        }

        private String otherDatabase() {
            return database + "_other";
        }

        private Connection connect() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "5000");
            return DriverManager.getConnection(serverUrl, properties);
        }
    }
}
