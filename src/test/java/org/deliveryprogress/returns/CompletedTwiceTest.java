package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One task of a return completed twice, as when its form is sent twice or two officers send it at once: the second
 * completion is refused in words that say what happened, changes nothing, and leaves no ERROR in the log.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("One task completed twice")
class CompletedTwiceTest {

    @LocalServerPort
    int port;

    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    TaskService taskService;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RecordedReturns recordedReturns;

    private Http http;
    private TestNetwork network;
    private Long returnId;
    private String update;
    private Map<String, Object> form;

    @BeforeEach
    void openReturnWithEvidence() {
        http = new Http(port);
        network = networks.create(1);
        networks.withEvidence(network.plan());
        ProcessInstance planReturn = openReturns.of(network);
        returnId = openReturns.returnId(planReturn);
        update = taskService.createTaskQuery().processInstanceId(planReturn.getId())
                .taskDefinitionKey(TASK_SUBMIT_UPDATE).singleResult().getId();
        String lastQuarter = ReportingPeriod.quarterOf(LocalDate.now()).previous().toString();
        form = Map.of("variables", Map.of(
                ACHIEVEMENTS, Map.of("value", "Surveys done in every district."),
                PLANNED_ACTIVITIES, Map.of("value", "Train the last two teams."),
                INDICATOR_VALUES, Map.of("type", "Json", "value", "[{\"code\": \"NI 1\", \"period\": \"" + lastQuarter
                        + "\", \"value\": \"75.1\"}, {\"code\": \"LI 9\", \"noData\": true, \"note\": \"In spring\"}]"),
                ACTION_PROGRESS, Map.of("type", "Json", "value", "[{\"reference\": \"CS.1\", \"status\": "
                        + "\"on track\"}, {\"reference\": \"CS.2\", \"status\": \"behind\", "
                        + "\"note\": \"No trainer\"}]")));
    }

    @Test
    @DisplayName("one update is recorded, its evidence once; the other is a 409 saying it has just been submitted, "
            + "with no ERROR in the log")
    void theSecondUpdateIsAConflict(CapturedOutput log) throws Exception {
        // Each reaches the return before the other has committed: the test holds the return's row until both wait on
        // a lock, so that they race as closely as they can.
        List<CompletableFuture<Reply>> sent;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeQuery("SELECT id FROM plan_return WHERE id = " + returnId + " FOR UPDATE").close();
            }
            sent = List.of(submitLater(update), submitLater(update));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (waitingForALock() < 2 && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            holder.commit();
        }
        List<Reply> replies = List.of(sent.get(0).get(30, TimeUnit.SECONDS), sent.get(1).get(30, TimeUnit.SECONDS));

        assertThat(replies).extracting(Reply::status).as(replies.get(0).body() + " / " + replies.get(1).body())
                .containsExactlyInAnyOrder(204, 409);
        Reply refused = replies.stream().filter(reply -> reply.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("message").asText())
                .startsWith("Cannot submit task form " + update + ": This update has just been submitted, by ")
                .contains("yours was not recorded and nothing changed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM return_action_progress WHERE return_id = ?",
                Integer.class, returnId)).as("the actions' progress, recorded once").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_value WHERE plan_id = ? AND return_id = ?",
                Integer.class, network.plan().getId(), returnId)).as("the indicator's value, recorded once").isOne();
        assertThat(log.getOut()).as("one INFO line, not an ERROR with its stack")
                .contains("A return's task was not completed: completed a moment before by another request (409)")
                .doesNotContain("ERROR").doesNotContain("Duplicate entry");
    }

    @Test
    @DisplayName("sent again once completed, on /submit-form or /complete, is a 404 saying the task no longer exists, "
            + "as its form variables are, with no ERROR in the log")
    void aCompletedTaskIsNotFound(CapturedOutput log) {
        assertThat(http.post("lead", "/engine-rest/task/{id}/submit-form", form, update).status()).isEqualTo(204);
        PlanReturn recorded = recordedReturns.load(returnId);

        for (String route : List.of("submit-form", "complete")) {
            Reply again = http.post("lead", "/engine-rest/task/{id}/" + route, form, update);

            assertThat(again.status()).as(route + ": " + again.body()).isEqualTo(404);
            assertThat(again.json().get("message").asText()).isEqualTo("This task no longer exists: it has been "
                    + "completed, or its cycle has closed. Open your task list again to see what is left to do.");
        }
        WebSession tasklist = WebSession.signedInToTasklist(port, "lead");
        for (String task : List.of(update, "no-such-task")) {
            Reply variables = http.get("lead", "/engine-rest/task/{id}/form-variables", task);
            assertThat(variables.status()).as("the form variables of " + task + ": " + variables.body())
                    .isEqualTo(404);
            assertThat(variables.json().get("message").asText()).startsWith("This task no longer exists");
            WebSession.Page inTasklist = tasklist.camundaApi("GET", "/task/" + task + "/form-variables", null);
            assertThat(inTasklist.status()).as("Tasklist's: " + inTasklist.body()).isEqualTo(404);
            assertThat(inTasklist.body()).contains("This task no longer exists");
        }
        recordedReturns.assertUnchangedSince(recorded);
        assertThat(log.getOut()).as("no WARN or ERROR with a stack").doesNotContain("ENGINE-REST-HTTP500")
                .doesNotContain("ENGINE-16004").doesNotContain("ERROR");
    }

    private CompletableFuture<Reply> submitLater(String taskId) {
        return CompletableFuture.supplyAsync(() -> http.post("lead", "/engine-rest/task/{id}/submit-form", form,
                taskId));
    }

    /** How many transactions wait for a row lock: the two completions, once both have reached the return. */
    private int waitingForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'")) {
            waiting.next();
            return waiting.getInt(1);
        }
    }
}
