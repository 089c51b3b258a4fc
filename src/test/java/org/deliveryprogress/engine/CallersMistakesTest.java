package org.deliveryprogress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
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
    @DisplayName("a claim of a task someone else holds is a 409, and the task stays theirs")
    void aClaimOfATaskSomeoneElseHoldsIsAConflict(CapturedOutput log) {
        Reply claim = http.post("demo", "/engine-rest/task/{id}/claim", Map.of("userId", "demo"), task.getId());

        assertThat(claim.status()).as(claim.body()).isEqualTo(409);
        assertThat(claim.json().get("message").asText()).isEqualTo("Task '" + task.getId()
                + "' is already claimed by someone else.");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("judge");
        assertThat(log).doesNotContain("ENGINE-REST-HTTP500");
    }
}
