package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.notifications.NotificationRepository;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.MadeWhenRead;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.Users;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may see and change what, probed through every way in: the application's API, Camunda's REST API and its
 * webapps' sign-in. The demo has two networks: SCN (managed by manager; lead, lead2, judge, judge2, clerk... hold
 * roles in its plans) and HWB (managed by manager2; lead6 and judge4). demo is the administrator.
 */
@ApplicationTest
@DisplayName("Access rules")
class AccessRulesTest {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String TASKS_BY_KEY = "/engine-rest/task?processInstanceBusinessKeyLike={key}";
    private static final String HISTORY_BY_KEY =
            "/engine-rest/history/process-instance?processInstanceBusinessKeyLike={key}";

    @LocalServerPort
    int port;
    @Autowired
    CycleRepository cycles;
    @Autowired
    Officers officers;
    @Autowired
    NetworkMeetingRepository meetings;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    Users users;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    DataSource dataSource;

    private Http http;

    @BeforeEach
    void openTheDemoCycles() {
        http = new Http(port);
        for (Cycle cycle : transaction.execute(status -> cycles.findAll().stream()
                .filter(cycle -> cycle.getState() == Cycle.State.OPEN && cycle.getProcessInstanceId() != null)
                .toList())) {
            officers.runJobs(cycle.getProcessInstanceId());
        }
    }

    @Test
    void withoutCredentialsEveryApiAnswers401() {
        for (String path : List.of("/api/me", "/api/networks", "/api/networks/SCN", "/api/plans", "/api/plans/CC-NI1",
                "/api/networks/SCN/export/plans.csv", "/engine-rest/task", "/engine-rest/process-instance")) {
            assertThat(http.get(null, path).status()).as(path).isEqualTo(401);
        }
        assertThat(http.postBytes(null, "/api/networks/SCN/import/plans", CSV, "reference".getBytes()).status())
                .isEqualTo(401);
        assertThat(http.post(null, "/api/plans/CC-NI1/retire", null).status()).isEqualTo(401);
        assertThat(http.get("lead", "/api/me").status()).isEqualTo(200);
        assertThat(wrongPassword("/api/me")).isEqualTo(401);
        assertThat(wrongPassword("/engine-rest/task")).isEqualTo(401);
    }

    @Test
    @DisplayName("The API's 401 asks for HTTP Basic and says, as problem details, whether no one or a wrong password "
            + "signed in")
    void aRefusedSignInSaysWhatToSend() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/api/plans")), null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).as("a 401 names its scheme (RFC 9110)")
                .contains("Basic realm=\"Delivery Progress\"");
        assertThat(none.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(new ObjectMapper().readTree(none.body()).get("detail").asText())
                .startsWith("Sign in: send your user id and password").contains("HTTP Basic");

        users.withForgottenPassword();
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/plans")), Users.WITH_FORGOTTEN_PASSWORD,
                "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Delivery Progress\"");
        assertThat(wrong.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = new ObjectMapper().readTree(wrong.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asText()).startsWith("The user id or password is wrong");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/plans");
    }

    @Test
    @DisplayName("An address or a method the API does not have is refused with problem details saying what it has, "
            + "as its other refusals are; a page's stays the error page")
    void anAddressOrMethodTheApiDoesNotHaveIsAProblemDetail() throws Exception {
        for (String accept : List.of("*/*", "text/html")) {
            HttpResponse<String> nowhere = send(HttpRequest.newBuilder(uri("/api/networks/SCN/export/plans.json"))
                    .header("Accept", accept), "manager", Http.DEMO_PASSWORD);
            assertThat(nowhere.statusCode()).isEqualTo(404);
            assertThat(nowhere.headers().firstValue("Content-Type")).as(accept)
                    .contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(new ObjectMapper().readTree(nowhere.body()).get("detail").asText()).isEqualTo("There is "
                    + "nothing at the address /api/networks/SCN/export/plans.json: check it for a typing mistake. "
                    + "The API's addresses are listed in its description (/swagger-ui.html).");
        }

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/api/networks/SCN")).DELETE(), "demo",
                Http.DEMO_PASSWORD);
        assertThat(deleted.statusCode()).isEqualTo(405);
        assertThat(deleted.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow)
                .contains("GET", "PUT"));
        assertThat(deleted.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = new ObjectMapper().readTree(deleted.body());
        assertThat(problem.get("status").asInt()).isEqualTo(405);
        assertThat(problem.get("detail").asText()).startsWith("/api/networks/SCN takes ").contains("GET", "PUT")
                .endsWith(", not DELETE (the API's description: /swagger-ui.html).");
        assertThat(new ObjectMapper().readTree(send(HttpRequest.newBuilder(uri("/api/plans/CC-NI1/retire")),
                "manager", Http.DEMO_PASSWORD).body()).get("detail").asText())
                .isEqualTo("/api/plans/CC-NI1/retire takes POST, not GET (the API's description: /swagger-ui.html).");
        assertThat(http.get("demo", "/api/networks/SCN").status()).isEqualTo(200);

        HttpResponse<String> asXml = send(HttpRequest.newBuilder(uri("/api/plans")).header("Accept",
                "application/xml"), "lead", Http.DEMO_PASSWORD);
        assertThat(asXml.statusCode()).isEqualTo(406);
        assertThat(asXml.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(new ObjectMapper().readTree(asXml.body()).get("detail").asText()).contains(
                "none of which the request's Accept header (application/xml) takes: send Accept: application/json");

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/css/no-such.css")).header("Accept",
                "text/html"), null, null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).as("a page's address: the error page")
                .hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.TEXT_HTML_VALUE));
        assertThat(page.body()).contains("There is nothing at the address /css/no-such.css");
    }

    @Test
    @DisplayName("An API address percent-encoding a slash or a dot, or holding a ';', is refused with problem details "
            + "saying how to write it; a page's stays the error page")
    void anUnreadableApiAddressIsAProblemDetail() throws Exception {
        for (String path : List.of("/api/plans/CC%2FNI1", "/api/plans/%2e%2e/networks", "/api/plans/CC%2DNI1",
                "/api/plans/CC-NI1;x=1")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri(path)), "lead", Http.DEMO_PASSWORD);
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(path)
                    .contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = new ObjectMapper().readTree(refused.body());
            assertThat(problem.get("detail").asText()).isEqualTo("The address " + path + " cannot be read: write "
                    + "each part of the path as itself, such as /api/plans/CC-NI1: no percent-encoded letter, digit, "
                    + "'-', '.', '_', '~', '/', '\\' or '%', no ';', no doubled '/' and no '..'. The API's addresses "
                    + "are listed in its description (/swagger-ui.html).");
            assertThat(problem.get("instance").asText()).isEqualTo(path);
        }
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/plans/CC%2FNI1")).header("Accept",
                "text/html"), "lead", Http.DEMO_PASSWORD);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).as("a page's address: the error page")
                .hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.TEXT_HTML_VALUE));
    }

    @Test
    void anOfficerReadsThePlansNamingThemAndNothingElse() {
        List<JsonNode> leads = list(http.get("lead", "/api/plans"));
        assertThat(leads).extracting(plan -> plan.get("reference").asText())
                .contains("CC-NI1", "CC-LEAD", "CC-SCHOOLS").doesNotContain("CC-HATE", "HW-SMOKE");
        assertThat(leads).allMatch(plan -> List.of(plan.path("leadOfficer").asText(),
                plan.path("judgingOfficer").asText(), plan.path("dataEntryOfficer").asText()).contains("lead"));

        assertThat(http.get("lead", "/api/plans/CC-NI1").status()).isEqualTo(200);
        assertThat(http.get("clerk", "/api/plans/CC-NI1").status()).as("data-entry officer").isEqualTo(200);
        assertThat(http.get("judge", "/api/plans/CC-NI1").status()).as("judging officer").isEqualTo(200);
        assertThat(http.get("judge2", "/api/plans/CC-HATE").status()).isEqualTo(200);

        assertThat(http.get("lead", "/api/plans/CC-HATE").status()).as("another's plan").isEqualTo(403);
        assertThat(http.get("judge2", "/api/plans/CC-NI1").status()).isEqualTo(403);
        assertThat(http.get("lead", "/api/plans/HW-SMOKE").status()).as("another network").isEqualTo(404);
        assertThat(http.get("lead", "/api/networks/HWB").status()).isEqualTo(404);
        assertThat(http.get("lead", "/api/networks/HWB/meetings").status()).isEqualTo(404);
        assertThat(list(http.get("lead", "/api/networks"))).extracting(network -> network.get("code").asText())
                .contains("SCN").doesNotContain("HWB");
        assertThat(list(http.get("lead", "/api/plans?network=HWB"))).isEmpty();

        List<JsonNode> ni1Returns = list(http.get("lead", "/api/plans/CC-NI1/returns"));
        assertThat(ni1Returns).isNotEmpty();
        assertThat(ni1Returns.get(ni1Returns.size() - 1).get("ragStatus").asText()).as("last quarter's")
                .isEqualTo("Amber");
        assertThat(http.get("lead", "/api/plans/CC-HATE/returns").status()).isEqualTo(403);
        assertThat(http.get("manager2", "/api/plans/CC-NI1/returns").status()).isEqualTo(404);
        assertThat(list(http.get("manager", "/api/plans/CC-HATE/returns"))).isNotEmpty();
    }

    @Test
    void officersChangeNothingOfTheRegister() {
        assertThat(http.post("lead", "/api/plans/CC-NI1/retire", null).status()).isEqualTo(403);
        assertThat(http.postBytes("lead", "/api/networks/SCN/import/plans", CSV, "reference\n".getBytes())
                .status()).isEqualTo(403);
        assertThat(http.get("lead", "/api/networks/SCN/export/plans.csv").status()).isEqualTo(403);
        assertThat(http.post("lead", "/api/networks/SCN/meetings", Map.of("date", "2031-01-15")).status())
                .isEqualTo(403);
        assertThat(http.post("lead", "/api/networks", network("LEADS", "lead-managers")).status()).isEqualTo(403);
        assertThat(http.get("manager", "/api/plans/CC-NI1").json().get("active").asBoolean()).isTrue();
    }

    @Test
    void aManagerSeesAndChangesTheirNetworkOnly() {
        List<String> managersPlans = references(http.get("manager", "/api/plans"));
        assertThat(managersPlans).contains("CC-NI1", "CC-HATE", "CC-PREVENT").noneMatch(ref -> ref.startsWith("HW-"));
        assertThat(references(http.get("manager2", "/api/plans"))).containsExactly("HW-ACTIVE", "HW-SMOKE");

        for (String path : List.of("/api/plans/HW-SMOKE", "/api/networks/HWB", "/api/networks/HWB/meetings",
                "/api/networks/HWB/export/plans.csv", "/api/networks/HWB/export/actions.xlsx")) {
            assertThat(http.get("manager", path).status()).as(path).isEqualTo(404);
        }
        assertThat(http.post("manager", "/api/plans/HW-SMOKE/retire", null).status()).isEqualTo(404);
        assertThat(http.post("manager", "/api/networks/HWB/meetings", Map.of("date", "2031-01-15")).status())
                .isEqualTo(404);
        assertThat(http.postBytes("manager", "/api/networks/HWB/import/plans", CSV, "reference\n".getBytes())
                .status()).isEqualTo(404);
        assertThat(http.get("manager2", "/api/plans/HW-SMOKE").json().get("active").asBoolean()).isTrue();

        assertThat(http.post("manager", "/api/plans/CC-FAITH/retire", null).json().get("active").asBoolean())
                .isFalse();
        assertThat(references(http.get("manager", "/api/plans?network=SCN"))).doesNotContain("CC-FAITH");
        assertThat(references(http.get("manager", "/api/plans?network=SCN&includeRetired=true")))
                .contains("CC-FAITH");
        assertThat(http.post("manager", "/api/plans/CC-FAITH/reinstate", null).json().get("active").asBoolean())
                .isTrue();

        assertThat(http.post("manager", "/api/networks/SCN/meetings", Map.of("date", "2031-01-15")).status())
                .isEqualTo(201);
        assertThat(http.post("manager", "/api/networks/SCN/meetings", Map.of("date", "2031-01-15")).status())
                .isEqualTo(409);
        assertThat(http.delete("manager", "/api/networks/SCN/meetings/2031-01-15").status()).isEqualTo(204);
        Reply yearTenThousand = http.post("manager", "/api/networks/SCN/meetings", Map.of("date", "+10000-01-15"));
        assertThat(yearTenThousand.status()).as("a year the database cannot store").isEqualTo(400);
        assertThat(yearTenThousand.json().get("detail").asText()).startsWith(
                "A meeting's date must be from 1 January 2000 to ").endsWith("+10000-01-15 is not.");
        assertThat(http.post("manager", "/api/networks/SCN/meetings", Map.of("date", "1999-12-31")).status())
                .isEqualTo(400);
        String withCycle = transaction.execute(status -> cycles.findAll().stream()
                .filter(cycle -> cycle.getReference().startsWith("SCN-") && cycle.getState() == Cycle.State.OPEN)
                .map(cycle -> cycle.getMeeting().getMeetingDate().toString()).findFirst().orElseThrow());
        assertThat(http.delete("manager", "/api/networks/SCN/meetings/" + withCycle).status()).isEqualTo(409);

        assertThat(http.put("manager", "/api/networks/SCN", network("SCN", "scn-managers")).status())
                .as("networks are the administrators'").isEqualTo(403);
        assertThat(http.get("manager", "/api/me").json().get("manages").toString()).contains("SCN")
                .doesNotContain("HWB");
    }

    @Test
    @DisplayName("Camunda's setup, which makes its caller an administrator while there is none, is closed to anyone")
    void camundasSetupIsClosed() {
        WebSession visitor = new WebSession(port);
        visitor.get("/camunda/app/admin/default/setup/");
        WebSession.Page refused = visitor.postJson("/camunda/api/admin/setup/default/user/create", "{\"profile\": "
                + "{\"id\": \"intruder\", \"firstName\": \"In\", \"lastName\": \"Truder\"}, \"credentials\": "
                + "{\"password\": \"intruder\"}}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).startsWith("Camunda's setup is closed: the first administrator comes from the "
                + "environment");
        assertThat(http.get("demo", "/engine-rest/user/intruder/profile").status()).isEqualTo(404);
    }

    @Test
    void administratorsCreateAndChangeNetworks() {
        String code = "ADM" + System.nanoTime() % 100_000;
        Reply created = http.post("demo", "/api/networks", network(code, code.toLowerCase() + "-managers"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/offsets/openDaysBefore").asInt()).as("the partnership's defaults")
                .isEqualTo(20);
        assertThat(http.post("demo", "/api/networks", network(code, "other-managers")).status()).isEqualTo(409);
        Reply sharedGroup = http.post("demo", "/api/networks", network(code + "S", "scn-managers"));
        assertThat(sharedGroup.status()).as("another network's managers would manage it too").isEqualTo(409);
        assertThat(sharedGroup.json().get("detail").asText())
                .startsWith("A network needs its own manager group: scn-managers manages ");
        assertThat(http.get("demo", "/api/networks/{code}", code + "S").status()).isEqualTo(404);
        Reply adminsInOtherCase = http.post("demo", "/api/networks", network(code + "C", "Camunda-Admin"));
        assertThat(adminsInOtherCase.status()).as(adminsInOtherCase.body()).isEqualTo(400);
        assertThat(adminsInOtherCase.json().get("detail").asText()).isEqualTo("A network needs its own manager "
                + "group, not Camunda-Admin: it differs from the administrators' group camunda-admin only in letter "
                + "case, and would be a group apart, easily taken for theirs.");
        assertThat(http.get("demo", "/api/networks/{code}", code + "C").status()).isEqualTo(404);
        assertThat(http.get("demo", "/engine-rest/group/Camunda-Admin").status()).as("no group created")
                .isEqualTo(404);
        assertThat(http.post("demo", "/api/networks", network("lower case", "x-managers")).status()).isEqualTo(400);

        Map<String, Object> changed = network(code, code.toLowerCase() + "-managers");
        changed.put("offsets", Map.of("openDaysBefore", 25, "updatesDueDaysBefore", 12, "judgementsDueDaysBefore", 9,
                "proposalsDueDaysBefore", 7, "agreementsDueDaysBefore", 5, "closeDaysBefore", 3,
                "reminderDaysBeforeDue", 2, "reminderEveryDaysOverdue", 1));
        Reply put = http.put("demo", "/api/networks/{code}", changed, code);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(http.get("demo", "/api/networks/{code}", code).json().at("/offsets/openDaysBefore").asInt())
                .isEqualTo(25);
        changed.put("offsets", Map.of("openDaysBefore", 5, "updatesDueDaysBefore", 12, "judgementsDueDaysBefore", 9,
                "proposalsDueDaysBefore", 7, "agreementsDueDaysBefore", 5, "closeDaysBefore", 3,
                "reminderDaysBeforeDue", 2, "reminderEveryDaysOverdue", 1));
        Reply outOfOrder = http.put("demo", "/api/networks/{code}", changed, code);
        assertThat(outOfOrder.status()).isEqualTo(400);
        assertThat(outOfOrder.body()).contains("in order");
        Reply renamed = http.put("demo", "/api/networks/{code}", network(code, code.toLowerCase() + "-managers"), code);
        assertThat(renamed.json().at("/offsets/openDaysBefore").asInt()).as("offsets left out stay as they were")
                .isEqualTo(25);

        assertThat(references(http.get("demo", "/api/plans"))).contains("CC-NI1", "HW-SMOKE");
        assertThat(http.get("demo", "/api/networks/HWB/export/plans.csv").status()).isEqualTo(200);
    }

    /**
     * Two administrators create a network of one code at the same moment: the second's look-up finds none, as the
     * first has not committed, and its insert waits on the code's unique key. It is told, not given a 500.
     */
    @Test
    void aNetworkCreatedAtTheSameMomentAsAnotherOfItsCodeIsAConflict() throws Exception {
        String code = "RACE" + System.nanoTime() % 100_000;
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            insertNetworkLike("SCN", code, first);
            CompletableFuture<Reply> second = CompletableFuture.supplyAsync(() -> http.post("demo", "/api/networks",
                    network(code, code.toLowerCase() + "-managers")));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!second.isDone() && !waitingForALock() && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            first.commit();

            Reply reply = second.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.body()).isEqualTo(409);
            assertThat(reply.json().get("detail").asText()).isEqualTo("There is already a network " + code + ".");
        }
    }

    /** A copy of a network's row under another code and manager group, in the connection's open transaction. */
    private static void insertNetworkLike(String model, String code, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM network WHERE code = '" + model + "'")) {
            row.next();
            List<String> columns = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                String column = row.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT);
                if (!column.equals("id")) {
                    columns.add(column);
                    values.add(column.equals("code") ? code
                            : column.equals("manager_group") ? code.toLowerCase() + "-managers" : row.getObject(i));
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO network (" + String.join(", ",
                    columns) + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")) {
                for (int i = 0; i < values.size(); i++) {
                    insert.setObject(i + 1, values.get(i));
                }
                insert.executeUpdate();
            }
        }
    }

    private boolean waitingForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'")) {
            waiting.next();
            return waiting.getInt(1) > 0;
        }
    }

    @Test
    void inTheEngineAManagerSeesTheirNetworksInstancesAndTasksOnly() {
        assertThat(list(http.get("manager", TASKS_BY_KEY, "HWB-%"))).isEmpty();
        assertThat(list(http.get("manager2", TASKS_BY_KEY, "HWB-%"))).hasSize(2);
        assertThat(list(http.get("manager2", TASKS_BY_KEY, "SCN-%"))).isEmpty();
        assertThat(list(http.get("manager", TASKS_BY_KEY, "SCN-%")))
                .hasSizeGreaterThanOrEqualTo(10);

        assertThat(businessKeys(http.get("manager", "/engine-rest/process-instance")))
                .isNotEmpty().noneMatch(key -> key.startsWith("HWB-"));
        assertThat(businessKeys(http.get("manager2", "/engine-rest/process-instance")))
                .hasSize(3).allMatch(key -> key.startsWith("HWB-"));
        assertThat(list(http.get("lead", "/engine-rest/process-instance"))).as("officers see no instances").isEmpty();
        assertThat(list(http.get("manager", HISTORY_BY_KEY, "HWB-%")))
                .isEmpty();

        assertThat(http.post("lead", "/engine-rest/user/create", Map.of("profile", Map.of("id", "intruder"),
                "credentials", Map.of("password", "intruder1"))).status()).isEqualTo(403);
        assertThat(http.post("manager", "/engine-rest/group/create", Map.of("id", "hwb-managers2", "name", "x"))
                .status()).isEqualTo(403);
        assertThat(http.put("manager", "/engine-rest/group/hwb-managers/members/manager", Map.of()).status())
                .isEqualTo(403);
        assertThat(http.post("manager", "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                List.of("ALL"), "userId", "manager", "resourceType", 8, "resourceId", "*")).status()).isEqualTo(403);
    }

    @Test
    void aManagerIsOfferedAndMayOpenOnlyTheirNetworksCycles() {
        String offered = http.get("manager2", "/engine-rest/process-definition/key/quarterlyCycle/form-variables")
                .body();
        assertThat(offered).contains("Health and Wellbeing Network").doesNotContain("Stronger Communities");
        Long scnMeeting = transaction.execute(status -> cycles.findMeetingsWithoutCycleAfter(LocalDate.now()).stream()
                .filter(meeting -> meeting.getNetwork().getCode().equals("SCN")).findFirst().orElseThrow().getId());

        Reply start = http.post("manager2", "/engine-rest/process-definition/key/quarterlyCycle/start",
                Map.of("variables", Map.of("meetingId", Map.of("value", scnMeeting, "type", "Long"))));

        assertThat(start.status()).as(start.body()).isEqualTo(403);
        assertThat(start.json().get("message").asText()).contains("only the managers of its network may");
        assertThat(cycles.findByMeetingId(scnMeeting)).isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aManagerOpensNoCycleBesideTheNetworksOpenOne(CapturedOutput log) {
        Long next = nextMeetingBesideAnOpenCycle();

        Reply beside = http.post("manager", "/engine-rest/process-definition/key/quarterlyCycle/submit-form",
                Map.of("variables", Map.of("meetingId", Map.of("value", next, "type", "Long"))));

        assertThat(beside.status()).as("the start form, as Tasklist submits it: " + beside.body()).isEqualTo(400);
        assertThat(beside.json().get("message").asText()).contains("is still open: a network runs one cycle at a "
                + "time. Open this one once it has closed, or leave it to the schedule, which opens it on ");
        assertThat(cycles.findByMeetingId(next)).isEmpty();
        assertThat(log).as("one line of the application's, not the engine's ERROR and its stack")
                .contains("manager's start of a cycle was refused: The cycle ").doesNotContain("ENGINE-16004");

        Reply noMeeting = http.post("manager", "/engine-rest/process-definition/key/quarterlyCycle/submit-form",
                Map.of("variables", Map.of()));
        assertThat(noMeeting.status()).as(noMeeting.body()).isEqualTo(400);
        assertThat(noMeeting.json().get("message").asText()).contains("Choose the network meeting the cycle is for.");
    }

    /**
     * The plain start, which Camunda's REST API answers with a 500 for any failure but an authorization's (logged at
     * WARN with its stack), answers the application's refusal of a manager's start as the start form does, by every
     * URL it has, the webapps' API's too.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aManagersRefusedPlainStartIsA400(CapturedOutput log) {
        Long next = nextMeetingBesideAnOpenCycle();
        String definition = http.get("manager", "/engine-rest/process-definition/key/quarterlyCycle").json()
                .get("id").asText();

        for (String start : List.of("/engine-rest/process-definition/key/quarterlyCycle/start",
                "/engine-rest/engine/default/process-definition/key/quarterlyCycle/start",
                "/engine-rest/process-definition/" + definition + "/start",
                "/engine-rest/engine/default/process-definition/" + definition + "/start")) {
            Reply beside = http.post("manager", start,
                    Map.of("variables", Map.of("meetingId", Map.of("value", next, "type", "Long"))));

            assertThat(beside.status()).as(start + ": " + beside.body()).isEqualTo(400);
            assertThat(beside.json().get("message").asText()).as(start)
                    .contains("is still open: a network runs one cycle at a time.");
        }
        WebSession.Page inTasklist = WebSession.signedInToTasklist(port, "manager").camundaApi("POST",
                "/process-definition/key/quarterlyCycle/start",
                "{\"variables\": {\"meetingId\": {\"value\": " + next + ", \"type\": \"Long\"}}}");
        assertThat(inTasklist.status()).as("the webapps' API: " + inTasklist.body()).isEqualTo(400);
        assertThat(inTasklist.body()).contains("is still open: a network runs one cycle at a time.");
        assertThat(cycles.findByMeetingId(next)).isEmpty();
        assertThat(log).as("no WARN with its stack from Camunda's REST API").doesNotContain("ENGINE-REST-HTTP500");
    }

    /** A new network's meeting of next quarter, after the manager has opened the cycle of this quarter's. */
    private Long nextMeetingBesideAnOpenCycle() {
        TestNetwork network = testNetworks.create(1);
        // A Wednesday thirteen weeks on, clear of the bank holidays a Wednesday can fall on
        LocalDate nextQuarter = network.meeting().getMeetingDate().plusWeeks(13)
                .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        if (nextQuarter.getDayOfYear() == 1 || nextQuarter.getMonthValue() == 12 && nextQuarter.getDayOfMonth() >= 25) {
            nextQuarter = nextQuarter.plusWeeks(1);
        }
        Reply added = http.post("manager", "/api/networks/{code}/meetings", Map.of("date", nextQuarter.toString()),
                network.network().getCode());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        Reply first = http.post("manager", "/engine-rest/process-definition/key/quarterlyCycle/start",
                Map.of("variables", Map.of("meetingId", Map.of("value", network.meeting().getId(), "type", "Long"))));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        return meetings.findByNetworkAndMeetingDate(network.network(), nextQuarter).orElseThrow().getId();
    }

    @Test
    void aBodyOverTheEngineApisLimitIsRefusedUnread() throws Exception {
        byte[] sixMegabytes = new byte[6 * 1024 * 1024];
        for (String path : List.of("/engine-rest/deployment/create",
                "/camunda/api/engine/engine/default/deployment/create")) {
            Reply refused = http.postBytes("lead", path, MediaType.APPLICATION_OCTET_STREAM, sixMegabytes);
            assertThat(refused.status()).as(path).isEqualTo(413);
            assertThat(refused.body()).isEqualTo("The request's body is 6 MB; this API takes at most 5 MB.");
        }

        byte[] multipart = new ByteArrayOutputStream() {
            {
                writeBytes(("--part\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                writeBytes(sixMegabytes);
                writeBytes("\r\n--part--\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }.toByteArray();
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("lead:demo".getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=part")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(multipart)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("sent without its length, its reading fails at the limit (unlimited, "
                + "read whole, it would be refused as no deployment of the officer's: 403)").isEqualTo(400);

        Reply justOver = http.postBytes("lead", "/engine-rest/task/any/submit-form", MediaType.APPLICATION_JSON,
                new byte[5 * 1024 * 1024 + 1]);
        assertThat(justOver.status()).isEqualTo(413);
        assertThat(justOver.body()).as("not said to be the limit itself")
                .isEqualTo("The request's body is 5.1 MB; this API takes at most 5 MB.");

        byte[] longJson = ("{\"variables\": {\"achievements\": {\"value\": \"" + "x".repeat(6 * 1024 * 1024)
                + "\"}}}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunkedJson = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                uri("/engine-rest/task/any/submit-form"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("lead:demo".getBytes()))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(longJson)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedJson.statusCode()).as("a JSON body sent without its length: refused at the limit as too "
                + "large, not a server error (" + chunkedJson.body() + ")").isEqualTo(413);
        assertThat(chunkedJson.body()).isEqualTo("The request's body is over the 5 MB this API takes.");
    }

    @Test
    void aCycleStartedWithAJavaObjectMakesNone() {
        Long scnMeeting = transaction.execute(status -> cycles.findMeetingsWithoutCycleAfter(LocalDate.now()).stream()
                .filter(meeting -> meeting.getNetwork().getCode().equals("SCN")).findFirst().orElseThrow().getId());

        Reply start = http.post("manager", "/engine-rest/engine/default/process-definition/key/quarterlyCycle/start",
                Map.of("variables", Map.of("meetingId", Map.of("type", "Object", "value", "{\"text\": \"x\"}",
                        "valueInfo", Map.of("objectTypeName", MadeWhenRead.class.getName(),
                                "serializationDataFormat", "application/json")))));

        assertThat(start.status()).as(start.body()).isGreaterThanOrEqualTo(400);
        assertThat(MadeWhenRead.made()).as("no object made").isFalse();
        assertThat(cycles.findByMeetingId(scnMeeting)).isEmpty();
    }

    /**
     * A manager may start their network's cycle, at its start: started at a later step, the cycle's own steps refused
     * to act on a cycle they did not open, but the instance stayed, its job failing into an incident.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ServiceTask_OpenReturnBatch", "ServiceTask_CloseReturnBatch",
            "ServiceTask_ProduceMeetingPack", "ServiceTask_NotifyCycleClosed"})
    void aCycleCannotBeStartedPartWay(String step) {
        Cycle scn = transaction.execute(status -> cycles.findAll().stream()
                .filter(cycle -> cycle.getReference().startsWith("SCN-") && cycle.getState() == Cycle.State.OPEN)
                .findFirst().orElseThrow());
        Long hwbMeeting = transaction.execute(status -> cycles.findMeetingsWithoutCycleAfter(LocalDate.now()).stream()
                .filter(meeting -> meeting.getNetwork().getCode().equals("HWB")).findFirst().orElseThrow().getId());

        Reply start = http.post("manager2", "/engine-rest/process-definition/key/quarterlyCycle/start", Map.of(
                "variables", Map.of("meetingId", Map.of("value", hwbMeeting, "type", "Long"),
                        "cycleId", Map.of("value", scn.getId(), "type", "Long")),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", step))));
        assertThat(start.status()).as(start.body()).isEqualTo(403);
        assertThat(start.json().get("message").asText()).contains("may not start a process part way");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("quarterlyCycle")
                .variableValueEquals("meetingId", hwbMeeting).count()).as("no instance left").isZero();

        assertThat(cycles.findById(scn.getId()).orElseThrow().getState()).isEqualTo(Cycle.State.OPEN);
        assertThat(list(http.get("manager", TASKS_BY_KEY, scn.getReference() + "/%"))).isNotEmpty();
        assertThat(notifications.findAll()).as("no email that the cycle closed")
                .noneMatch(email -> email.getDedupeKey().startsWith("cycle-closed:" + scn.getId() + ":"));
    }

    /**
     * An administrator may still start a cycle part way, and the cycle's own steps still refuse to act on a cycle that
     * their instance did not open ({@code CycleService.runBy}): a mistaken start leaves the running cycle as it is.
     */
    @Test
    void anAdministratorsCycleStartedPartWayActsOnNoOtherCycle() {
        Cycle scn = transaction.execute(status -> cycles.findAll().stream()
                .filter(cycle -> cycle.getReference().startsWith("SCN-") && cycle.getState() == Cycle.State.OPEN)
                .findFirst().orElseThrow());
        Long hwbMeeting = transaction.execute(status -> cycles.findMeetingsWithoutCycleAfter(LocalDate.now()).stream()
                .filter(meeting -> meeting.getNetwork().getCode().equals("HWB")).findFirst().orElseThrow().getId());

        Reply start = http.post("demo", "/engine-rest/process-definition/key/quarterlyCycle/start", Map.of(
                "variables", Map.of("meetingId", Map.of("value", hwbMeeting, "type", "Long"),
                        "cycleId", Map.of("value", scn.getId(), "type", "Long")),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "ServiceTask_CloseReturnBatch"))));
        if (start.status() == 200) {
            String started = start.json().get("id").asText();
            try {
                assertThatThrownBy(() -> officers.runJobs(started)).hasMessageContaining("run by another process");
            } finally {
                runtimeService.deleteProcessInstance(started, "started part way by the test");
            }
        } else {
            assertThat(start.json().get("message").asText()).as(start.body()).contains("run by another process");
        }

        assertThat(cycles.findById(scn.getId()).orElseThrow().getState()).isEqualTo(Cycle.State.OPEN);
    }

    @Test
    void cockpitIsForManagersAndAdministratorsAndCamundaAdminForAdministratorsOnly() {
        assertThat(new WebSession(port).signInToCamunda("manager", "cockpit")).isEqualTo(200);
        assertThat(new WebSession(port).signInToCamunda("lead", "cockpit")).isEqualTo(403);
        assertThat(new WebSession(port).signInToCamunda("lead", "tasklist")).isEqualTo(200);
        assertThat(new WebSession(port).signInToCamunda("manager", "admin")).isEqualTo(403);
        assertThat(new WebSession(port).signInToCamunda("demo", "admin")).isEqualTo(200);
    }

    /**
     * Camunda locks an account for good at its tenth wrong password by default, until an administrator unlocks it:
     * anyone could lock any officer, or the only administrator, out by sending wrong passwords (even to the public
     * health endpoint). Each wrong password holds the account back for a while, longer each time up to a minute;
     * never for good.
     */
    @Test
    void wrongPasswordsHoldAnAccountBackForAWhileButNeverLockItForGood() {
        users.person("locksmith", "Lock", "Smith");
        Instant now = Instant.now();
        try {
            for (int attempt = 1; attempt <= 12; attempt++) {
                assertThat(signedInAs("locksmith", "not-the-password", "/actuator/health")).isEqualTo(401);
                now = now.plusSeconds(61);
                ClockUtil.setCurrentTime(Date.from(now));
            }
            assertThat(signedInAs("locksmith", "not-the-password", "/api/plans")).isEqualTo(401);
            assertThat(signedInAs("locksmith", Http.DEMO_PASSWORD, "/api/plans")).as("held back").isEqualTo(401);
            ClockUtil.setCurrentTime(Date.from(now.plusSeconds(61)));
            assertThat(signedInAs("locksmith", Http.DEMO_PASSWORD, "/api/plans")).isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The request as the user (or no one), its answer with its headers. */
    private static HttpResponse<String> send(HttpRequest.Builder request, String user, String password)
            throws Exception {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A wrong password delays the user's next sign-in (Camunda's throttling): a user of its own takes it. */
    private int wrongPassword(String path) {
        users.withForgottenPassword();
        return signedInAs(Users.WITH_FORGOTTEN_PASSWORD, "not-the-password", path);
    }

    private int signedInAs(String user, String password, String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, password))
                .build()
                .get().uri(path).retrieve().onStatus(status -> true, (request, response) -> {
                }).toBodilessEntity().getStatusCode().value();
    }

    private static Map<String, Object> network(String code, String managerGroup) {
        Map<String, Object> network = new HashMap<>();
        network.put("code", code);
        network.put("name", "Network " + code);
        network.put("region", "ENGLAND_AND_WALES");
        network.put("managerGroup", managerGroup);
        return network;
    }

    private static List<JsonNode> list(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.json().forEach(items::add);
        return items;
    }

    private static List<String> references(Reply reply) {
        return list(reply).stream().map(plan -> plan.get("reference").asText()).toList();
    }

    private static List<String> businessKeys(Reply reply) {
        return list(reply).stream().map(instance -> instance.path("businessKey").asText()).toList();
    }
}
