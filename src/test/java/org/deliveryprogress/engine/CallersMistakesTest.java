package org.deliveryprogress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's refusals that change nothing, answered by Camunda's REST API as the caller's mistake rather than as a
 * fault of the server (a 500, with a WARN and the engine's ERROR, each with its stack, in the log).
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Camunda's refusals of a caller's mistake")
class CallersMistakesTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    private Http http;
    private Task task;

    @BeforeEach
    void aTaskHeldByTheJudge() {
        http = new Http(port);
        task = taskService.newTask();
        task.setName("A task of no process");
        taskService.saveTask(task);
        taskService.setAssignee(task.getId(), "judge");
    }

    @AfterEach
    void deleteTheTask() {
        taskService.deleteTask(task.getId(), true);
    }

    @Test
    @DisplayName("a claim of a task someone else holds is a 409 on both REST APIs, and the task stays theirs")
    void aClaimOfATaskSomeoneElseHoldsIsAConflict(CapturedOutput log) {
        Reply claim = http.post("demo", "/engine-rest/task/{id}/claim", Map.of("userId", "demo"), task.getId());

        assertThat(claim.status()).as(claim.body()).isEqualTo(409);
        assertThat(claim.json().get("message").asText()).isEqualTo("Task '" + task.getId()
                + "' is already claimed by someone else.");
        WebSession.Page inTasklist = WebSession.signedInToTasklist(port, "demo").camundaApi("POST",
                "/task/" + task.getId() + "/claim", "{\"userId\": \"demo\"}");
        assertThat(inTasklist.status()).as("the webapps' API: " + inTasklist.body()).isEqualTo(409);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("judge");
        assertThat(log).doesNotContain("ENGINE-REST-HTTP500");
    }

    @Test
    @DisplayName("a task moved to a tenant is a 400 in the engine's words, and the task stays where it was")
    void aTaskMovedToATenantIsABadRequest(CapturedOutput log) {
        Reply moved = http.put("demo", "/engine-rest/task/{id}", Map.of("name", task.getName(), "tenantId", "other"),
                task.getId());

        assertThat(moved.status()).as(moved.body()).isEqualTo(400);
        assertThat(moved.json().get("message").asText()).startsWith("ENGINE-03072 Cannot change tenantId of Task");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getTenantId()).isNull();
        assertThat(log).doesNotContain("ENGINE-REST-HTTP500").doesNotContain("ENGINE-16004");
    }

    @Test
    @DisplayName("a condition no process waits for is a 400 in the engine's words")
    void aConditionNoProcessWaitsForIsABadRequest(CapturedOutput log) {
        Reply none = http.post("lead", "/engine-rest/condition", Map.of("variables", Map.of()));
        String cycle = http.get("demo", "/engine-rest/process-definition/key/quarterlyCycle").json().get("id").asText();
        Reply notThisOne = http.post("demo", "/engine-rest/condition",
                Map.of("variables", Map.of(), "processDefinitionId", cycle));

        assertThat(none.status()).as(none.body()).isEqualTo(400);
        assertThat(none.json().get("message").asText()).startsWith("ENGINE-13043 No subscriptions were found");
        assertThat(notThisOne.status()).as(notThisOne.body()).isEqualTo(400);
        assertThat(notThisOne.json().get("message").asText()).startsWith("ENGINE-13042 Process definition with id '"
                + cycle + "' does not declare conditional start event.");
        assertThat(log).doesNotContain("ENGINE-REST-HTTP500").doesNotContain("ENGINE-16004");
    }

    @Test
    @DisplayName("a retry of a job that does not exist is a 404 in the engine's words on both REST APIs")
    void aRetryOfAJobThatDoesNotExistIsNotFound(CapturedOutput log) {
        Reply retry = http.put("demo", "/engine-rest/job/{id}/retries", Map.of("retries", 3), "no-such-job");
        WebSession.Page inCockpit = WebSession.signedInToTasklist(port, "demo").camundaApi("PUT",
                "/job/no-such-job/retries", "{\"retries\": 3}");

        assertThat(retry.status()).as(retry.body()).isEqualTo(404);
        assertThat(retry.json().get("message").asText()).startsWith("ENGINE-13053 No job found with id 'no-such-job'");
        assertThat(inCockpit.status()).as("the webapps' API: " + inCockpit.body()).isEqualTo(404);
        assertThat(log).doesNotContain("ENGINE-REST-HTTP500").doesNotContain("ENGINE-16004");
    }
}
