package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every route into the engine that completes a return's task or starts a cycle runs as the user it signed in, with
 * the engine's authorizations and the application's "only the task's officer" rule: no one signed in gets 401,
 * another officer 403, a webapp request without its CSRF token is refused, and each time the task stays open and the
 * return is unchanged (the README's security notice says what happened when Tasklist's route skipped all that).
 */
@ApplicationTest
@DisplayName("Only the signed-in officer, on every route")
class SignedInOfficerOnEveryRouteTest {

    /** The ways into the engine's REST resources: Camunda's REST API in both its forms, and Tasklist's. */
    enum Route {
        REST("/engine-rest"), REST_NAMED_ENGINE("/engine-rest/engine/default"), TASKLIST(
                "/camunda/api/engine/engine/default");

        final String prefix;

        Route(String prefix) {
            this.prefix = prefix;
        }
    }

    private static final List<String> TASK_ACTIONS = List.of("submit-form", "complete");
    private static final List<String> START_ACTIONS = List.of("submit-form", "start");
    /** An officer of another network's plan: signed in, but none of these returns is theirs. */
    private static final String OTHER_OFFICER = "lead6";
    /** The manager of another network. */
    private static final String OTHER_MANAGER = "manager2";
    private static final String ADMINISTRATOR = "demo";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    RecordedReturns recordedReturns;
    @Autowired
    ObjectMapper objectMapper;

    private TestNetwork network;
    private String businessKey;
    private Long returnId;
    private SoftAssertions softly;

    @BeforeEach
    void openReturn() {
        network = networks.create(1);
        ProcessInstance planReturn = openReturns.of(network);
        businessKey = planReturn.getBusinessKey();
        returnId = openReturns.returnId(planReturn);
        softly = new SoftAssertions();
    }

    @Test
    @DisplayName("each task of a return, on each route: 401 signed out, 403 for another officer, refused without the "
            + "CSRF token; done by its officer, who is recorded and in the engine's log")
    void everyTaskOnEveryRoute() {
        Map<String, Object> update = Map.of(ACHIEVEMENTS, text("Café events ran in three wards."),
                PLANNED_ACTIVITIES, text("Review hate crime reporting."));
        assertOnlyItsOfficerCompletes(TASK_SUBMIT_UPDATE, update, OTHER_OFFICER);
        String byTasklist = completeAs("lead", Route.TASKLIST, "submit-form", TASK_SUBMIT_UPDATE, update);
        assertThat(recorded().getSubmittedBy()).isEqualTo("lead");
        assertCompletedInTheLogBy("lead", byTasklist);

        Map<String, Object> red = Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED), RAG_STATUS, text("Red"),
                JUDGEMENT_COMMENT, text("No hate crime data since March."));
        assertOnlyItsOfficerCompletes(TASK_JUDGE_STATUS, red, "lead");
        String byRest = completeAs("judge", Route.REST, "submit-form", TASK_JUDGE_STATUS, red);
        assertThat(recorded().getJudgedBy()).isEqualTo("judge");
        assertCompletedInTheLogBy("judge", byRest);

        Map<String, Object> proposal = Map.of(REMEDIAL_ACTIONS, Map.of("type", "Json", "value",
                "[{\"action\": \"Restore the data\", \"owner\": \"Police\", \"dueDate\": \""
                        + LocalDate.now().plusWeeks(2) + "\"}]"));
        assertOnlyItsOfficerCompletes(TASK_PROPOSE_REMEDIAL_ACTIONS, proposal, "judge");
        String proposedInTasklist = completeAs("lead", Route.TASKLIST, "complete", TASK_PROPOSE_REMEDIAL_ACTIONS,
                proposal);
        assertThat(recorded().getRemedialActions()).hasSize(1);
        assertCompletedInTheLogBy("lead", proposedInTasklist);

        Map<String, Object> agreement = Map.of(REMEDIAL_OUTCOME, text(OUTCOME_AGREED));
        assertOnlyItsOfficerCompletes(TASK_AGREE_REMEDIAL_ACTIONS, agreement, OTHER_MANAGER);
        String agreed = completeAs("manager", Route.REST, "complete", TASK_AGREE_REMEDIAL_ACTIONS, agreement);
        assertThat(recorded().getRemedialDecidedBy()).isEqualTo("manager");
        assertThat(recorded().getState()).isEqualTo(ReturnState.COMPLETE);
        assertCompletedInTheLogBy("manager", agreed);
        softly.assertAll();
    }

    @Test
    @DisplayName("odd spellings of Tasklist's route (encoded, doubled slashes, path parameters) complete nothing")
    void oddSpellingsOfTheRoute() {
        String taskId = task(TASK_SUBMIT_UPDATE).getId();
        PlanReturn before = recorded();
        String body = json(Map.of(ACHIEVEMENTS, text("Anyone's text"), PLANNED_ACTIVITIES, text("Anything")));
        WebSession signedOut = new WebSession(port);
        signedOut.get("/camunda/app/tasklist/default/");
        WebSession otherOfficer = WebSession.signedInToTasklist(port, OTHER_OFFICER);
        for (String path : List.of("/c%61munda/api/engine/engine/default/task/{task}/submit-form",
                "/camunda/%61pi/engine/engine/default/task/{task}/submit-form",
                "/camunda/api/engine/%65ngine/default/task/{task}/submit-form",
                "/camunda/api/engine/engine/default/task/{task}/%73ubmit-form",
                "/camunda//api/engine/engine/default/task/{task}/submit-form",
                "/camunda/api;x=1/engine/engine/default/task/{task}/submit-form",
                "/camunda/api/engine/engine/default/task/{task}/submit-form;x=1",
                "/camunda/api/engine/engine/default/task/{task}/submit-form/")) {
            String route = path.replace("{task}", taskId);
            softly.assertThat(signedOut.postJson(route, body).status()).as(route + " signed out")
                    .isGreaterThanOrEqualTo(400);
            softly.assertThat(otherOfficer.postJson(route, body).status()).as(route + " as another officer")
                    .isGreaterThanOrEqualTo(400);
            recordedReturns.assertStillOpen(taskId);
            recordedReturns.assertUnchangedSince(before);
        }
        softly.assertAll();
    }

    @Nested
    @DisplayName("through the Java API, with no one signed in")
    class JavaApi {

        @Test
        @DisplayName("completing a task is refused: the engine would check no authorizations")
        void completeIsRefused() {
            Task update = task(TASK_SUBMIT_UPDATE);
            PlanReturn before = recorded();

            assertThatThrownBy(() -> taskService.complete(update.getId(), Map.of(ACHIEVEMENTS, "Text",
                    PLANNED_ACTIVITIES, "Text")))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("no one is signed in");
            assertThatThrownBy(() -> formService.submitTaskForm(update.getId(), Map.of(ACHIEVEMENTS, "Text",
                    PLANNED_ACTIVITIES, "Text")))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("no one is signed in");

            recordedReturns.assertStillOpen(update.getId());
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("starting a cycle is refused: only the schedule starts one with no one signed in")
        void startIsRefused() {
            TestNetwork another = networks.create(1);

            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("quarterlyCycle",
                    Map.of("meetingId", another.meeting().getId())))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("no one is signed in");

            assertNoCycleFor(another);
        }
    }

    @Test
    @DisplayName("a cycle's start form, on each route: 401 signed out, 403 for an officer and another network's "
            + "manager, refused without the CSRF token; the manager's Tasklist offers the meeting and starts it")
    void cycleStartOnEveryRoute() throws Exception {
        TestNetwork unopened = networks.create(1);
        Map<String, Object> start = Map.of("meetingId", Map.of("value", unopened.meeting().getId(), "type", "Long"));
        String byId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("quarterlyCycle")
                .latestVersion().singleResult().getId();
        List<String> paths = Stream.of("key/quarterlyCycle", byId).flatMap(definition -> START_ACTIONS.stream()
                .map(action -> "/process-definition/" + definition + "/" + action)).toList();
        for (Route route : Route.values()) {
            for (String path : paths) {
                String where = "POST " + route.prefix + path;
                softly.assertThat(signedOut(route, path, start)).as(where + " signed out").isEqualTo(401);
                // Officers may not even read the cycle's process: where the form filter does not answer first, the
                // engine says it does not exist.
                softly.assertThat(as(OTHER_OFFICER, route, path, start)).as(where + " as an officer").isIn(403, 404);
                softly.assertThat(as(OTHER_MANAGER, route, path, start)).as(where + " as another network's manager")
                        .isEqualTo(403);
                if (route == Route.TASKLIST) {
                    softly.assertThat(withoutCsrfToken("manager", path, start)).as(where + " without the CSRF token")
                            .isEqualTo(403);
                }
                assertNoCycleFor(unopened);
            }
        }

        WebSession manager = WebSession.signedInToTasklist(port, "manager");
        String startForm = manager.camundaApi("GET", "/process-definition/key/quarterlyCycle/deployed-start-form",
                null).body();
        assertThat(startForm).as("the meetings the manager's start form offers")
                .contains("\"value\":" + unopened.meeting().getId());
        WebSession.Page started = manager.camundaApi("POST", "/process-definition/key/quarterlyCycle/submit-form",
                objectMapper.writeValueAsString(Map.of("variables", start)));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("quarterlyCycle")
                .processInstanceBusinessKeyLike(unopened.network().getCode() + "-%").count()).isEqualTo(1);
        softly.assertAll();
    }

    /** Tries the task on every route as no one, as someone else, and without the CSRF token; none may touch it. */
    private void assertOnlyItsOfficerCompletes(String taskDefinitionKey, Map<String, Object> variables,
            String someoneElse) {
        String taskId = task(taskDefinitionKey).getId();
        PlanReturn before = recorded();
        String rightful = taskDefinitionKey.equals(TASK_AGREE_REMEDIAL_ACTIONS) ? "manager"
                : task(taskDefinitionKey).getAssignee();
        for (Route route : Route.values()) {
            for (String action : TASK_ACTIONS) {
                String path = "/task/" + taskId + "/" + action;
                String where = taskDefinitionKey + ": POST " + route.prefix + path;
                softly.assertThat(signedOut(route, path, variables)).as(where + " signed out").isEqualTo(401);
                softly.assertThat(as(someoneElse, route, path, variables)).as(where + " as " + someoneElse)
                        .isEqualTo(403);
                // The engine lets an administrator do anything; the application's rule refuses, on every route.
                softly.assertThat(as(ADMINISTRATOR, route, path, variables)).as(where + " as the administrator")
                        .isEqualTo(403);
                if (route == Route.TASKLIST) {
                    softly.assertThat(withoutCsrfToken(rightful, path, variables)).as(where + " without the CSRF "
                            + "token").isEqualTo(403);
                }
                recordedReturns.assertStillOpen(taskId);
                recordedReturns.assertUnchangedSince(before);
            }
        }
    }

    /** Completes the task as its officer on the route; answers the task's id. */
    private String completeAs(String user, Route route, String action, String taskDefinitionKey,
            Map<String, Object> variables) {
        String taskId = task(taskDefinitionKey).getId();
        assertThat(as(user, route, "/task/" + taskId + "/" + action, variables)).as(user + " on " + route)
                .isBetween(200, 204);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("completed").isZero();
        return taskId;
    }

    // The requests: each answers the status.

    private int signedOut(Route route, String path, Map<String, Object> variables) {
        return post(route.prefix + path, null, variables);
    }

    private int as(String user, Route route, String path, Map<String, Object> variables) {
        if (route == Route.TASKLIST) {
            return WebSession.signedInToTasklist(port, user).camundaApi("POST", path, json(variables)).status();
        }
        return post(route.prefix + path, user, variables);
    }

    private int withoutCsrfToken(String user, String path, Map<String, Object> variables) {
        return WebSession.signedInToTasklist(port, user).camundaApiWithoutCsrfToken("POST", path, json(variables))
                .status();
    }


    private int post(String path, String user, Map<String, Object> variables) {
        return new Http(port).post(user, path, Map.of("variables", variables)).status();
    }

    private String json(Map<String, Object> variables) {
        try {
            return objectMapper.writeValueAsString(Map.of("variables", variables));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    // The engine and the return.

    private Task task(String taskDefinitionKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as(taskDefinitionKey + " of " + businessKey).isNotNull();
        return task;
    }

    private void assertCompletedInTheLogBy(String user, String taskId) {
        assertThat(historyService.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .extracting(UserOperationLogEntry::getUserId).containsOnly(user).isNotEmpty();
    }

    private void assertNoCycleFor(TestNetwork unopened) {
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("quarterlyCycle")
                .processInstanceBusinessKeyLike(unopened.network().getCode() + "-%").count())
                .as("cycles of " + unopened.network().getCode()).isZero();
    }

    private PlanReturn recorded() {
        return recordedReturns.load(returnId);
    }
}
