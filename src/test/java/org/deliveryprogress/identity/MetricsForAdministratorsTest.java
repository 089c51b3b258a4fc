package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's metrics count the work of every network; the engine checks no right to read them. Only administrators
 * read them, by every URL of Camunda's REST API and through its webapps' API.
 */
@ApplicationTest
@DisplayName("The engine's metrics, for administrators")
class MetricsForAdministratorsTest {

    /** Camunda Admin's own resource for its system page: every metric's count by month. */
    private static final String AGGREGATED = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
            + "?subscriptionStartDate=2025-01-01T00:00:00.000%2B0000&groupBy=month";

    private static final List<String> METRICS = List.of("/metrics", "/metrics?interval=900",
            "/metrics/activity-instance-start/sum", "/metrics/task-users/sum");

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void http() {
        http = new Http(port);
    }

    @Test
    @DisplayName("are refused to an officer and a manager, with words, by every URL of the REST API")
    void refusedToOthers() {
        for (String user : List.of("lead", "manager")) {
            for (String metrics : METRICS) {
                for (String path : List.of("/engine-rest" + metrics, "/engine-rest/engine/default" + metrics)) {
                    Reply refused = http.get(user, path);

                    assertThat(refused.status()).as(user + " " + path + ": " + refused.body()).isEqualTo(403);
                    assertThat(refused.json().get("message").asText()).isEqualTo(user + " may not read the engine's "
                            + "metrics: they count the work of every network; only administrators may.");
                }
            }
        }
    }

    @Test
    @DisplayName("are read by an administrator")
    void readByAnAdministrator() {
        for (String metrics : METRICS) {
            for (String path : List.of("/engine-rest" + metrics, "/engine-rest/engine/default" + metrics)) {
                assertThat(http.get("demo", path).status()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    @DisplayName("are refused through the webapps' API too, where Cockpit's dashboard reads what it shows a manager")
    void refusedThroughTheWebapps() {
        WebSession officer = WebSession.signedInToTasklist(port, "lead");
        assertThat(officer.camundaApi("GET", "/metrics/activity-instance-start/sum", null).status()).isEqualTo(403);

        WebSession manager = new WebSession(port);
        assertThat(manager.signInToCamunda("manager", "cockpit")).isEqualTo(200);
        assertThat(manager.camundaApi("GET", "/metrics", null).status()).isEqualTo(403);
        for (String count : List.of("/process-definition/count?latest=true", "/task/count", "/deployment/count")) {
            assertThat(manager.camundaApi("GET", count, null).status()).as("the dashboard's " + count).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("are refused through Camunda Admin's plugin API too, which counts them by month; read by an "
            + "administrator there")
    void refusedThroughAdminsPlugin() {
        for (WebSession session : List.of(WebSession.signedInToTasklist(port, "lead"), cockpit("manager"))) {
            Page refused = session.get(AGGREGATED);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("may not use Camunda Admin's plugins");
        }
        Page read = cockpit("demo").get(AGGREGATED);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    private WebSession cockpit(String user) {
        WebSession session = new WebSession(port);
        assertThat(session.signInToCamunda(user, "cockpit")).isEqualTo(200);
        return session;
    }

    @Test
    @DisplayName("names the engine's commands that read metrics as the engine has them")
    void theCommandsExist() throws Exception {
        assertThat(Class.forName("org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl").getSimpleName())
                .isIn(MetricsForAdministrators.METRICS_COMMANDS);
        assertThat(Class.forName("org.camunda.bpm.engine.impl.cmd.GetUniqueTaskWorkerCountCmd").getSimpleName())
                .isIn(MetricsForAdministrators.METRICS_COMMANDS);
    }
}
