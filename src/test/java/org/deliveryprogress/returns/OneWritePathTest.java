package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.MadeWhenRead;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A return's task is completed the same way whatever the route: Camunda's REST API under each of its URL forms and
 * odd spellings of them, Tasklist's API, both its complete and its form submission, and the Java API. On each, the
 * same rules refuse the same submission with a 4xx that says what to fix (and the task stays open), the same
 * submission is recorded the same way, and an officer's prose reaches none of the engine's tables.
 */
@ApplicationTest
@DisplayName("One write path into a return, on every route")
class OneWritePathTest {

    /** A form's variables as Tasklist reads them: Json values as JSON text. */
    private static final String FORM_VARIABLES = "/form-variables?deserializeValues=false";
    /** An officer of another network (Owen Trefusis), to whom an administrator hands a return's tasks. */
    private static final String COLLEAGUE = "lead6";

    /** How a route completes a task; a path's {task} is the task's id. */
    enum Way {
        BASIC_AUTH, TASKLIST, JAVA_COMPLETE, JAVA_SUBMIT_FORM
    }

    record Route(String name, Way way, String path) {

        static Route rest(String path) {
            return new Route(path, Way.BASIC_AUTH, path);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Route> ROUTES = List.of(
            Route.rest("/engine-rest/task/{task}/complete"),
            Route.rest("/engine-rest/task/{task}/submit-form"),
            Route.rest("/engine-rest/engine/default/task/{task}/complete"),
            Route.rest("/engine-rest/engine/default/task/{task}/submit-form"),
            new Route("Tasklist: complete", Way.TASKLIST, "/camunda/api/engine/engine/default/task/{task}/complete"),
            new Route("Tasklist: submit-form", Way.TASKLIST,
                    "/camunda/api/engine/engine/default/task/{task}/submit-form"),
            Route.rest("/engine-rest/task/{task}/complete/"),
            Route.rest("/engine-rest/engine/default/task/{task}/submit-form/"),
            new Route("TaskService.complete", Way.JAVA_COMPLETE, null),
            new Route("FormService.submitTaskForm", Way.JAVA_SUBMIT_FORM, null));

    /**
     * Spellings that the server refuses before they reach the engine: the application's firewall refuses doubled
     * slashes, path parameters and encoded characters it cannot tell apart, and Camunda's REST API matches its paths
     * undecoded.
     */
    static final List<Route> REFUSED_SPELLINGS = List.of(
            Route.rest("/engine-rest//task/{task}/complete"),
            Route.rest("/engine-rest/task/{task};x=1/submit-form"),
            Route.rest("/engine-rest/task/{task}/complete;x=1"),
            Route.rest("/engine-rest/engine/default/task/{task}/%73ubmit-form"),
            Route.rest("/engine-rest/engine/%64efault/task/{task}/complete"),
            Route.rest("/engine-rest/t%61sk/{task}/complete"),
            Route.rest("/engine-rest/task/{task}%2Fcomplete"),
            new Route("Tasklist: encoded", Way.TASKLIST,
                    "/camunda/api/engine/engine/default/task/{task}/%63omplete"),
            new Route("Tasklist: encoded context path", Way.TASKLIST,
                    "/c%61munda/api/engine/engine/default/task/{task}/submit-form"),
            new Route("Tasklist: path parameter", Way.TASKLIST,
                    "/camunda/api/engine/engine/default/task/{task};x=1/complete"));

    /** What a refusal answered: an HTTP status and message, or the Java API's exception as one. */
    record Answer(int status, String message) {
    }

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    RecordedReturns recordedReturns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    MeterRegistry meters;

    private final SoftAssertions softly = new SoftAssertions();

    @AfterEach
    void allAsserted() {
        softly.assertAll();
    }

    @Test
    @DisplayName("a Red judgement without a comment is a 400 saying so (an exception through Java); the task stays "
            + "open, the return unchanged")
    void redWithoutComment() {
        OpenReturn opened = openReturn();
        openReturns.submitUpdate(opened.instance());
        Task judgement = opened.task(TASK_JUDGE_STATUS);
        PlanReturn before = opened.recorded();
        for (Route route : ROUTES) {
            Answer answer = complete(route, "judge", judgement, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED,
                    RAG_STATUS, "Red"));
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isEqualTo(400);
            softly.assertThat(answer.message()).as(route.toString()).contains("A Red status needs a comment");
            recordedReturns.assertStillOpen(judgement.getId());
            recordedReturns.assertUnchangedSince(before);
        }
    }

    @Test
    @DisplayName("the wrong officer is a 403 on every route; the task stays open, the return unchanged")
    void wrongOfficer() {
        OpenReturn opened = openReturn();
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        PlanReturn before = opened.recorded();
        for (Route route : ROUTES) {
            Answer answer = complete(route, "judge", update, Map.of(ACHIEVEMENTS, "Not mine.",
                    PLANNED_ACTIVITIES, "Not mine."));
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isEqualTo(403);
            recordedReturns.assertStillOpen(update.getId());
            recordedReturns.assertUnchangedSince(before);
        }
    }

    @Test
    @DisplayName("where the network has the lead officer submit, the data-entry officer's update is a 403 on every "
            + "route saying to hand the draft to the lead officer, also once they have taken the task; the task stays "
            + "open, the return unchanged, and the lead officer submits")
    void dataEntryOfficerWhereTheLeadSubmits() {
        OpenReturn opened = openReturn();
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        PlanReturn before = opened.recorded();
        String handOver = "hand the draft to the lead officer, Gareth Penhallow, on the update's page (/plans/"
                + opened.planReference() + "/update)";
        for (Route route : ROUTES) {
            Answer answer = complete(route, "clerk", update, Map.of(ACHIEVEMENTS, "Prepared.",
                    PLANNED_ACTIVITIES, "More."));
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isEqualTo(403);
            softly.assertThat(answer.message()).as(route.toString()).contains(handOver);
            recordedReturns.assertStillOpen(update.getId());
            recordedReturns.assertUnchangedSince(before);
        }
        officers.as("clerk", () -> {
            taskService.setAssignee(update.getId(), "clerk");
            return null;
        });
        Answer taken = complete(ROUTES.get(0), "clerk", update, Map.of(ACHIEVEMENTS, "Prepared.",
                PLANNED_ACTIVITIES, "More."));
        softly.assertThat(taken.status()).as("the task taken: " + taken.message()).isEqualTo(403);
        recordedReturns.assertUnchangedSince(before);

        Answer lead = complete(ROUTES.get(0), "lead", update, Map.of(ACHIEVEMENTS, "Submitted.",
                PLANNED_ACTIVITIES, "More."));
        softly.assertThat(lead.status()).as("the lead officer: " + lead.message()).isBetween(200, 204);
        softly.assertThat(opened.recorded().getSubmittedBy()).isEqualTo("lead");
    }

    @Test
    @DisplayName("where the network lets data-entry officers submit, their update is recorded as theirs on every "
            + "route")
    void dataEntryOfficerWhereTheyMaySubmit() {
        for (Route route : ROUTES) {
            OpenReturn opened = openReturn();
            networks.letEntryOfficersSubmit(opened.network(), true);
            Answer answer = complete(route, "clerk", opened.task(TASK_SUBMIT_UPDATE), Map.of(ACHIEVEMENTS,
                    "Prepared and submitted.", PLANNED_ACTIVITIES, "More."));
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isBetween(200, 204);
            softly.assertThat(opened.recorded().getSubmittedBy()).as(route.toString()).isEqualTo("clerk");
            softly.assertThat(opened.recorded().getAchievements()).as(route.toString())
                    .isEqualTo("Prepared and submitted.");
        }
    }

    @Test
    @DisplayName("where the network keeps judging officers independent, the update's lead officer, handed its "
            + "judgement, is a 403 on every route saying who judges it; the task stays open, the return unchanged, "
            + "and the judging officer, handed it back, judges it")
    void leadOfficerJudgingTheirOwnUpdate() {
        OpenReturn opened = openReturn();
        networks.letOfficersJudgeOwnPlans(opened.network(), false);
        openReturns.submitUpdate(opened.instance());
        Task judgement = opened.task(TASK_JUDGE_STATUS);
        handTo("lead", judgement);
        PlanReturn before = opened.recorded();
        for (Route route : ROUTES) {
            Answer answer = complete(route, "lead", judgement, Map.of(RAG_STATUS, "Green"));
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isEqualTo(403);
            softly.assertThat(answer.message()).as(route.toString()).contains("In " + opened.network().network()
                    .getName() + " officers do not judge updates they write, and Gareth Penhallow is "
                    + opened.planReference() + "'s lead officer: its judging officer, Eleanor Brackwater, judges it.");
            recordedReturns.assertStillOpen(judgement.getId());
            recordedReturns.assertUnchangedSince(before);
        }
        handTo("judge", judgement);
        Answer judged = complete(ROUTES.get(0), "judge", judgement, Map.of(RAG_STATUS, "Green"));
        softly.assertThat(judged.status()).as(judged.message()).isBetween(200, 204);
        softly.assertThat(opened.recorded().getJudgedBy()).isEqualTo("judge");
    }

    @Test
    @DisplayName("where the network keeps judging officers independent, the update's judging officer, handed the "
            + "update, is a 403 on every route saying who writes it; the task stays open, the return unchanged")
    void judgingOfficerWritingTheUpdate() {
        OpenReturn opened = openReturn();
        networks.letOfficersJudgeOwnPlans(opened.network(), false);
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        handTo("judge", update);
        PlanReturn before = opened.recorded();
        for (Route route : ROUTES) {
            Answer answer = complete(route, "judge", update, Map.of(ACHIEVEMENTS, "Written by the judge.",
                    PLANNED_ACTIVITIES, "More."));
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isEqualTo(403);
            softly.assertThat(answer.message()).as(route.toString()).contains("In " + opened.network().network()
                    .getName() + " officers do not judge updates they write, and Eleanor Brackwater is "
                    + opened.planReference() + "'s judging officer: hand the update back to its lead officer, "
                    + "Gareth Penhallow.");
            recordedReturns.assertStillOpen(update.getId());
            recordedReturns.assertUnchangedSince(before);
        }
    }

    @Test
    @DisplayName("where the network keeps judging officers independent, whoever submitted the update, handed its "
            + "judgement, is a 403 on every route, though neither its lead nor its data-entry officer")
    void submitterJudgingTheUpdate() {
        OpenReturn opened = openReturn();
        networks.letOfficersJudgeOwnPlans(opened.network(), false);
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        handTo(COLLEAGUE, update);
        Answer submitted = complete(ROUTES.get(0), COLLEAGUE, update, Map.of(ACHIEVEMENTS, "Covering for the lead.",
                PLANNED_ACTIVITIES, "More."));
        softly.assertThat(submitted.status()).as(submitted.message()).isBetween(200, 204);
        Task judgement = opened.task(TASK_JUDGE_STATUS);
        handTo(COLLEAGUE, judgement);
        PlanReturn before = opened.recorded();
        for (Route route : ROUTES) {
            Answer answer = complete(route, COLLEAGUE, judgement, Map.of(RAG_STATUS, "Green"));
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isEqualTo(403);
            softly.assertThat(answer.message()).as(route.toString()).contains("In " + opened.network().network()
                    .getName() + " officers do not judge updates they write, and Owen Trefusis submitted "
                    + opened.planReference() + "'s update: an administrator gives its judgement to another officer.");
            recordedReturns.assertStillOpen(judgement.getId());
            recordedReturns.assertUnchangedSince(before);
        }
        handTo("judge", judgement);
        Answer judged = complete(ROUTES.get(0), "judge", judgement, Map.of(RAG_STATUS, "Green"));
        softly.assertThat(judged.status()).as(judged.message()).isBetween(200, 204);
    }

    @Test
    @DisplayName("a 50,000-character update is recorded whole, and is in no engine variable nor history table")
    void longUpdate() {
        for (Route route : ROUTES) {
            OpenReturn opened = openReturn();
            String achievements = longText(route);
            Answer answer = complete(route, "lead", opened.task(TASK_SUBMIT_UPDATE), Map.of(ACHIEVEMENTS,
                    achievements, PLANNED_ACTIVITIES, "Review the data.", BLOCKAGES, "None."));

            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isBetween(200, 204);
            softly.assertThat(achievements.equals(opened.recorded().getAchievements()))
                    .as(route + ": the return holds the whole text").isTrue();
            softly.assertThat(engineRowsHolding(opened.instance().getId(), achievements)).as(route.toString())
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("a completion that would set anything but its task's fields (the return, an officer) is a 400 "
            + "naming them; nothing changes")
    void onlyTheTasksFields() {
        OpenReturn opened = openReturn();
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        PlanReturn before = opened.recorded();
        Map<String, Object> variablesBefore = runtimeService.getVariables(opened.instance().getId());
        for (Route route : ROUTES) {
            Map<String, Object> redirected = new LinkedHashMap<>(Map.of(ACHIEVEMENTS, "Done.",
                    PLANNED_ACTIVITIES, "More.", JUDGING_OFFICER, "lead"));
            Answer answer = complete(route, "lead", update, redirected);
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isEqualTo(400);
            softly.assertThat(answer.message()).as(route.toString()).contains("cannot set judgingOfficer");
            recordedReturns.assertStillOpen(update.getId());
            recordedReturns.assertUnchangedSince(before);
        }
        assertThat(runtimeService.getVariables(opened.instance().getId())).isEqualTo(variablesBefore);
    }

    @Test
    @DisplayName("a process variable sent back marked transient is a 400 naming it, in REST and Java; nothing changes")
    void processVariableSentAsTransient() {
        OpenReturn opened = openReturn();
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        PlanReturn before = opened.recorded();

        Map<String, Object> transientLead = Map.of("value", "lead2", "type", "String", "valueInfo",
                Map.of("transient", true));
        Http.Reply rest = new Http(port).post("lead", "/engine-rest/engine/default/task/{task}/complete",
                Map.of("variables", Map.of(ACHIEVEMENTS, Map.of("value", "Done."), PLANNED_ACTIVITIES,
                        Map.of("value", "More."), LEAD_OFFICER, transientLead)), update.getId());
        Answer java = java("lead", () -> taskService.complete(update.getId(), Variables.createVariables()
                .putValue(ACHIEVEMENTS, "Done.").putValue(PLANNED_ACTIVITIES, "More.")
                .putValueTyped(LEAD_OFFICER, Variables.stringValue("lead2", true))));

        for (Answer answer : List.of(answer(rest), java)) {
            softly.assertThat(answer.status()).as(answer.message()).isEqualTo(400);
            softly.assertThat(answer.message()).contains("leadOfficer", "as an ordinary variable");
        }
        recordedReturns.assertStillOpen(update.getId());
        recordedReturns.assertUnchangedSince(before);
    }

    @Test
    @DisplayName("a value sent as a Java object of a class other than the JDK's plain ones is a 400 naming it, in "
            + "REST and Java, and no object of the class it names is made")
    void objectValue() {
        OpenReturn opened = openReturn();
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        PlanReturn before = opened.recorded();
        String json = "{\"text\": \"Done.\"}";

        Http.Reply rest = new Http(port).post("lead", "/engine-rest/task/{task}/complete", Map.of("variables", Map.of(
                ACHIEVEMENTS, Map.of("type", "Object", "value", json, "valueInfo", Map.of(
                        "objectTypeName", MadeWhenRead.class.getName(),
                        "serializationDataFormat", "application/json")),
                PLANNED_ACTIVITIES, Map.of("value", "More."))), update.getId());
        Answer java = java("lead", () -> taskService.complete(update.getId(), Variables.createVariables()
                .putValueTyped(ACHIEVEMENTS, Variables.serializedObjectValue(json)
                        .objectTypeName(MadeWhenRead.class.getName()).serializationDataFormat("application/json")
                        .create())
                .putValue(PLANNED_ACTIVITIES, "More.")));

        for (Answer answer : List.of(answer(rest), java)) {
            softly.assertThat(answer.status()).as(answer.message()).isEqualTo(400);
            softly.assertThat(answer.message()).contains("achievements: cannot be read as the type it was sent as");
        }
        assertThat(MadeWhenRead.made()).as("no object made").isFalse();
        recordedReturns.assertStillOpen(update.getId());
        recordedReturns.assertUnchangedSince(before);
    }

    @Test
    @DisplayName("bad evidence (an unknown code, a missing answer, a number that is no number, a note too long) is a "
            + "400 naming it on every route; the task stays open, nothing is stored, the series unchanged")
    void badEvidence() {
        OpenReturn opened = openReturn(true);
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        PlanReturn before = opened.recorded();
        String actions = "[{\"reference\": \"CS.1\", \"status\": \"on track\"}, {\"reference\": \"CS.2\", "
                + "\"status\": \"on track\"}]";
        Map<String, String> refusals = Map.of(
                "[{\"code\": \"NI 7\", \"period\": \"2026/27 Q1\", \"value\": \"1\"}]",
                "Indicators: 'NI 7' is not one of this plan's indicators (LI 9, NI 1).",
                "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q1\", \"value\": \"75\"}]",
                "Answer every indicator of the plan, with its latest value or no new data and why: LI 9 has no answer.",
                "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q1\", \"value\": \"<b>75</b>\"}, "
                        + "{\"code\": \"LI 9\", \"noData\": true, \"note\": \"Survey in March\"}]",
                "NI 1: '<b>75</b>' is not a number; write it in figures, such as 74.6 (%).",
                "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q1\", \"value\": \"75\", \"note\": \""
                        + "x".repeat(2_001) + "\"}, {\"code\": \"LI 9\", \"noData\": true, \"note\": \"Later\"}]",
                "NI 1: the note is 2,001 characters long; the limit is 2,000.");
        for (Route route : ROUTES) {
            refusals.forEach((indicators, problem) -> {
                Answer answer = complete(route, "lead", update, Map.of(ACHIEVEMENTS, "Done.", PLANNED_ACTIVITIES,
                        "More.", INDICATOR_VALUES, indicators, ACTION_PROGRESS, actions));
                softly.assertThat(answer.status()).as(route + ": " + answer.message()).isEqualTo(400);
                softly.assertThat(answer.message()).as(route.toString()).contains(problem);
            });
            recordedReturns.assertStillOpen(update.getId());
            recordedReturns.assertUnchangedSince(before);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_value v JOIN delivery_plan p ON p.id = "
                + "v.plan_id WHERE p.reference = ?", Integer.class, opened.planReference())).isZero();
    }

    @Test
    @DisplayName("a Green judgement's optional comment, under the form's own field name, is recorded on every route")
    void greenWithBestPracticeComment() {
        for (Route route : ROUTES) {
            OpenReturn opened = openReturn();
            openReturns.submitUpdate(opened.instance());
            Answer answer = complete(route, "judge", opened.task(TASK_JUDGE_STATUS), Map.of(RAG_STATUS, "Green",
                    BEST_PRACTICE_COMMENT, "Worth sharing with the other networks."));
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isBetween(200, 204);
            softly.assertThat(opened.recorded().getRagStatus()).as(route.toString()).isEqualTo(RagStatus.Green);
            softly.assertThat(opened.recorded().getJudgementComment()).as(route.toString())
                    .isEqualTo("Worth sharing with the other networks.");
        }
    }

    @Test
    @DisplayName("a status kinder than the evidence suggests, without a comment, is a 400 naming the suggestion and "
            + "its reasons on every route; the task stays open. With a comment it is recorded beside the suggestion")
    void kinderThanTheEvidence() {
        OpenReturn opened = openReturn(true);
        String period = ReportingPeriod.quarterOf(LocalDate.now()).previous().toString();
        Answer submitted = complete(ROUTES.get(0), "lead", opened.task(TASK_SUBMIT_UPDATE), Map.of(ACHIEVEMENTS,
                "Done.", PLANNED_ACTIVITIES, "More.", INDICATOR_VALUES, "[{\"code\": \"NI 1\", \"period\": \""
                        + period + "\", \"value\": \"70\"}, {\"code\": \"LI 9\", \"noData\": true, "
                        + "\"note\": \"Later\"}]",
                ACTION_PROGRESS, "[{\"reference\": \"CS.1\", \"status\": \"on track\"}, {\"reference\": \"CS.2\", "
                        + "\"status\": \"on track\"}]"));
        assertThat(submitted.status()).as(submitted.message()).isBetween(200, 204);
        Task judgement = opened.task(TASK_JUDGE_STATUS);
        JsonNode form = new Http(port).formVariables("judge", judgement.getId());
        assertThat(form.at("/suggestion/value").asText()).as("the judge's form shows the suggestion")
                .contains("\"status\":\"Red\"", "\"kinder\":[\"Amber\",\"Green\",\"Blue\"]");
        PlanReturn before = opened.recorded();
        String reason = "NI 1: 70 % (" + period + ") against a target of 76.0 % for "
                + ReportingPeriod.parse(period).orElseThrow().year() + ", 7.89% short of target: Red.";
        for (Route route : ROUTES) {
            for (String kinder : List.of("Green", "Blue", "Amber")) {
                Answer answer = complete(route, "judge", judgement, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED,
                        RAG_STATUS, kinder));
                softly.assertThat(answer.status()).as(route + ", " + kinder + ": " + answer.message()).isEqualTo(400);
                softly.assertThat(answer.message()).as(route + ", " + kinder).contains("The evidence suggests Red ("
                        + reason + ")", kinder + " status is kinder than the evidence: say in the comment why.");
            }
            recordedReturns.assertStillOpen(judgement.getId());
            recordedReturns.assertUnchangedSince(before);
        }
        Answer explained = complete(ROUTES.get(4), "judge", judgement, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED,
                RAG_STATUS, "Green", JUDGEMENT_COMMENT, "The survey ran in the school holidays; the count is low."));
        assertThat(explained.status()).as(explained.message()).isBetween(200, 204);
        PlanReturn judged = opened.recorded();
        assertThat(judged.getRagStatus()).isEqualTo(RagStatus.Green);
        assertThat(judged.getSuggestion()).hasValueSatisfying(suggestion -> {
            assertThat(suggestion.status()).isEqualTo(RagStatus.Red);
            assertThat(suggestion.reasons()).containsExactly(reason);
        });
    }

    @Test
    @DisplayName("a form shows the plan on every route that reads its variables, and stays a Camunda Form; asked only "
            + "which form a task has, the engine reads none of its data")
    void formVariablesOnEveryRoute() throws Exception {
        OpenReturn opened = openReturn();
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        String reference = opened.planReference();
        Http http = new Http(port);
        double formDataReads = formDataReads();
        for (String path : List.of("/engine-rest/task/{task}" + FORM_VARIABLES,
                "/engine-rest/engine/default/task/{task}" + FORM_VARIABLES,
                "/engine-rest/engine/default/task/{task}/form-variables/?deserializeValues=false")) {
            Http.Reply reply = http.get("lead", path.replace("{task}", update.getId()));
            softly.assertThat(reply.status()).as(path).isEqualTo(200);
            softly.assertThat(planIn(reply.json())).as(path).contains(reference);
        }
        softly.assertThat(formDataReads()).as("each route read the form's data").isEqualTo(formDataReads + 3);

        formDataReads = formDataReads();
        JsonNode form = http.get("lead", "/engine-rest/task/{task}/form", update.getId()).json();
        softly.assertThat(form.path("camundaFormRef").path("key").asText()).as("the task's form").isEqualTo(
                "submitUpdate");
        softly.assertThat(form.path("key").isNull()).as("no generated form offered: " + form).isTrue();
        JsonNode deployed = http.get("lead", "/engine-rest/task/{task}/deployed-form", update.getId()).json();
        softly.assertThat(deployed.path("id").asText()).as("the deployed form").isEqualTo("submitUpdate");
        softly.assertThat(formDataReads()).as("/form and /deployed-form, as Tasklist asks them before the variables")
                .isEqualTo(formDataReads);
        WebSession tasklist = WebSession.signedInToTasklist(port, "lead");
        WebSession.Page page = tasklist.camundaApi("GET", "/task/" + update.getId() + FORM_VARIABLES, null);
        softly.assertThat(planIn(objectMapper.readTree(page.body()))).as("Tasklist").contains(reference);
        Object plan = officers.as("lead", () -> formService.getTaskFormVariables(update.getId()).getValue("plan",
                Object.class));
        softly.assertThat(plan.toString()).as("FormService").contains(reference);
    }

    /** How often a return's form data has been read, by the application's metrics of its repositories. */
    private double formDataReads() {
        return meters.find("spring.data.repository.invocations").tag("repository", "PlanReturnRepository")
                .tag("method", "findWithPlanEvidence").timers().stream().mapToDouble(Timer::count).sum();
    }

    @Test
    @DisplayName("delegating or resolving a return's task is refused (resolving would apply variables unchecked), as "
            + "is a BPMN error or escalation carrying variables; nothing changes")
    void noOtherWayToSetVariables() {
        OpenReturn opened = openReturn();
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        Map<String, Object> variablesBefore = runtimeService.getVariables(opened.instance().getId());
        Http http = new Http(port);

        Http.Reply delegated = http.post("lead", "/engine-rest/task/{task}/delegate", Map.of("userId", "clerk"),
                update.getId());
        assertThat(delegated.status()).as(delegated.body()).isEqualTo(403);
        assertThat(delegated.json().path("message").asText()).contains("cannot be delegated or resolved");
        Map<String, Object> redirect = Map.of("variables", restVariables(Map.of(JUDGING_OFFICER, "lead")));
        Http.Reply resolved = http.post("lead", "/engine-rest/task/{task}/resolve", redirect, update.getId());
        assertThat(resolved.status()).as(resolved.body()).isBetween(400, 499);
        for (String action : List.of("bpmnError", "bpmnEscalation")) {
            Http.Reply thrown = http.post("lead", "/engine-rest/task/{task}/" + action, Map.of("errorCode",
                    "Stop", "escalationCode", "Stop", "variables", restVariables(Map.of(JUDGING_OFFICER, "lead"))),
                    update.getId());
            assertThat(thrown.status()).as(action + ": " + thrown.body()).isEqualTo(400);
            assertThat(thrown.json().path("message").asText()).contains("throws no BPMN error or escalation");
        }

        Task after = taskService.createTaskQuery().taskId(update.getId()).singleResult();
        assertThat(after.getDelegationState()).isNull();
        assertThat(after.getAssignee()).isEqualTo("lead");
        assertThat(runtimeService.getVariables(opened.instance().getId())).isEqualTo(variablesBefore);
    }

    @Test
    @DisplayName("a return's task keeps its deadline and name, and goes and is offered only to its officers (who "
            + "may hand it over, TASK_ASSIGN); the administrator may give it to anyone")
    void keepsWhatItOpenedWith() {
        OpenReturn opened = openReturn();
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        Http http = new Http(port);

        Http.Reply moved = http.put("lead", "/engine-rest/task/{task}", Map.of("name", "Nothing to do",
                "assignee", "lead", "due", "2030-01-01T00:00:00.000+0000", "priority", 0, "caseInstanceId", "x"),
                update.getId());
        assertThat(moved.status()).as(moved.body()).isEqualTo(403);
        assertThat(moved.json().path("message").asText()).contains("keeps its caseInstanceId, dueDate, name, priority");
        Http.Reply handed = http.post("lead", "/engine-rest/task/{task}/assignee", Map.of("userId", "lead2"),
                update.getId());
        assertThat(handed.status()).as(handed.body()).isEqualTo(403);
        assertThat(handed.json().path("message").asText()).contains("only to one of its officers, not to lead2");
        Http.Reply offered = http.post("lead", "/engine-rest/task/{task}/identity-links", Map.of("userId", "lead2",
                "type", "candidate"), update.getId());
        assertThat(offered.status()).as(offered.body()).isEqualTo(403);
        assertThat(offered.json().path("message").asText()).contains("not to lead2");
        assertThat(taskService.getIdentityLinksForTask(update.getId())).noneMatch(link -> "lead2".equals(
                link.getUserId()));
        Object managers = runtimeService.getVariable(opened.instance().getId(), NETWORK_MANAGER_GROUP);
        Http.Reply toManagers = http.post("lead", "/engine-rest/task/{task}/identity-links", Map.of("groupId",
                managers, "type", "candidate"), update.getId());
        assertThat(toManagers.status()).as("the managers are offered the agreement alone").isEqualTo(403);
        assertThat(toManagers.json().path("message").asText()).contains("not to " + managers);
        Task after = taskService.createTaskQuery().taskId(update.getId()).singleResult();
        assertThat(after.getAssignee()).isEqualTo("lead");
        assertThat(after.getDueDate()).isEqualTo(update.getDueDate());
        assertThat(after.getName()).isEqualTo(update.getName());

        Http.Reply dropped = http.post("lead", "/engine-rest/task/{task}/identity-links/delete", Map.of("userId",
                "clerk", "type", "candidate"), update.getId());
        assertThat(dropped.status()).as("the data-entry officer taken off it: " + dropped.body()).isEqualTo(403);
        assertThat(dropped.json().path("message").asText()).contains("stays offered to clerk");
        assertThat(taskService.getIdentityLinksForTask(update.getId())).anyMatch(link -> "clerk".equals(
                link.getUserId()) && "candidate".equals(link.getType()));
        assertThat(http.post("lead", "/engine-rest/task/{task}/unclaim", null, update.getId()).status())
                .as("handed back").isEqualTo(204);
        assertThat(http.post("demo", "/engine-rest/task/{task}/assignee", Map.of("userId", "lead2"),
                update.getId()).status()).as("the administrator").isEqualTo(204);
    }

    @Test
    @DisplayName("remedial actions sent as an ordinary Json variable are recorded, and no bytes of them stay in the "
            + "engine")
    void remedialActionsLeaveNoBytes() {
        OpenReturn opened = openReturn();
        openReturns.submitUpdate(opened.instance());
        officers.submit("judge", opened.task(TASK_JUDGE_STATUS), Map.of(RAG_STATUS, "Red", JUDGEMENT_COMMENT,
                "Behind."));
        String mark = "Restore the data " + System.nanoTime();
        String actions = "[{\"action\": \"" + mark + "\", \"owner\": \"Police\", \"dueDate\": \""
                + LocalDate.now().plusWeeks(2) + "\"}]";

        Http.Reply reply = new Http(port).post("lead", "/engine-rest/engine/default/task/{task}/complete",
                Map.of("variables", Map.of(REMEDIAL_ACTIONS, Map.of("type", "Json", "value", actions))),
                opened.task(TASK_PROPOSE_REMEDIAL_ACTIONS).getId());

        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        assertThat(recordedReturns.load(opened.returnId()).getRemedialActions()).extracting(RemedialAction::getAction)
                .containsExactly(mark);
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where BYTES_ like ?", Long.class,
                "%" + mark + "%")).isZero();
        assertThat(engineRowsHolding(opened.instance().getId(), mark)).isEmpty();
    }

    @Test
    @DisplayName("a remedial action's date as day, month and year is read day first on every route, and 31 February "
            + "is a 400 naming the action; the task stays open until the date is real")
    void remedialActionDateInThreeParts() {
        int year = LocalDate.now().getYear() + 1;
        for (Route route : ROUTES) {
            OpenReturn opened = openReturn();
            openReturns.submitUpdate(opened.instance());
            officers.submit("judge", opened.task(TASK_JUDGE_STATUS), Map.of(RAG_STATUS, "Amber", JUDGEMENT_COMMENT,
                    "Behind."));
            Task proposal = opened.task(TASK_PROPOSE_REMEDIAL_ACTIONS);
            PlanReturn before = opened.recorded();

            Answer refused = complete(route, "lead", proposal, Map.of(REMEDIAL_ACTIONS, json(List.of(
                    remedialAction("Restore the data", 31, 1, year),
                    remedialAction("Brief the councils", 31, 2, year)))));
            softly.assertThat(refused.status()).as(route + ": " + refused.message()).isEqualTo(400);
            softly.assertThat(refused.message()).as(route.toString())
                    .endsWith("Remedial action 2: there is no 31 February " + year + ": February " + year + " has "
                            + YearMonth.of(year, 2).lengthOfMonth() + " days.");
            recordedReturns.assertStillOpen(proposal.getId());
            recordedReturns.assertUnchangedSince(before);

            Answer accepted = complete(route, "lead", proposal, Map.of(REMEDIAL_ACTIONS, json(List.of(
                    remedialAction("Restore the data", 31, 1, year),
                    remedialAction("Brief the councils", 2, 10, year)))));
            softly.assertThat(accepted.status()).as(route + ": " + accepted.message()).isBetween(200, 204);
            softly.assertThat(opened.recorded().getRemedialActions()).as(route.toString())
                    .extracting(RemedialAction::getDueDate)
                    .containsExactly(LocalDate.of(year, 1, 31), LocalDate.of(year, 10, 2));
        }
    }

    @Test
    @DisplayName("odd spellings of the routes are refused before the engine: a 4xx even for the task's own officer, "
            + "nothing changed")
    void oddSpellings() {
        OpenReturn opened = openReturn();
        Task update = opened.task(TASK_SUBMIT_UPDATE);
        PlanReturn before = opened.recorded();
        for (Route route : REFUSED_SPELLINGS) {
            Answer answer = complete(route, "lead", update, Map.of(ACHIEVEMENTS, "Done.", PLANNED_ACTIVITIES,
                    "More."));
            softly.assertThat(answer.status()).as(route + ": " + answer.message()).isBetween(400, 499);
            recordedReturns.assertStillOpen(update.getId());
            recordedReturns.assertUnchangedSince(before);
        }
    }

    // Completing a task on a route.

    private Answer complete(Route route, String user, Task task, Map<String, Object> values) {
        return switch (route.way()) {
            case BASIC_AUTH -> answer(new Http(port).postRaw(user, route.path().replace("{task}", task.getId()),
                    Map.of("variables", restVariables(values))));
            case TASKLIST -> {
                String path = route.path().replace("{task}", task.getId());
                WebSession.Page page = WebSession.signedInToTasklist(port, user).postJson(path,
                        json(Map.of("variables", restVariables(values))));
                yield answer(page.status(), page.body());
            }
            case JAVA_COMPLETE -> java(user, () -> taskService.complete(task.getId(), javaVariables(values)));
            case JAVA_SUBMIT_FORM -> java(user, () -> formService.submitTaskForm(task.getId(),
                    javaVariables(values)));
        };
    }

    private Answer java(String user, Runnable completion) {
        try {
            officers.as(user, () -> {
                completion.run();
                return null;
            });
            return new Answer(204, "");
        } catch (SubmissionRejectedException e) {
            return new Answer(400, e.getMessage());
        } catch (AuthorizationException e) {
            return new Answer(403, e.getMessage());
        }
    }


    private Answer answer(Http.Reply reply) {
        return answer(reply.status(), reply.body());
    }

    private Answer answer(int status, String body) {
        try {
            JsonNode json = body.isBlank() ? null : objectMapper.readTree(body);
            return new Answer(status, json == null ? "" : json.path("message").asText(body));
        } catch (Exception notJson) {
            return new Answer(status, body);
        }
    }

    /** A remedial action as the form sends it: the date in its three boxes, day first. */
    private static Map<String, Object> remedialAction(String action, int day, int month, int year) {
        return Map.of("action", action, "owner", "Police", DUE_DAY, day, DUE_MONTH, month, DUE_YEAR, year);
    }

    private static Map<String, Object> restVariables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return variables;
    }

    private static VariableMap javaVariables(Map<String, Object> values) {
        return Variables.fromMap(values);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    // The return and the engine's tables.

    record OpenReturn(TestNetworks.TestNetwork network, ProcessInstance instance, Long returnId,
            String planReference, OneWritePathTest test) {

        Task task(String taskDefinitionKey) {
            Task task = test.taskService.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(taskDefinitionKey).singleResult();
            assertThat(task).as(taskDefinitionKey).isNotNull();
            return task;
        }

        PlanReturn recorded() {
            return test.recordedReturns.load(returnId);
        }
    }

    private OpenReturn openReturn() {
        return openReturn(false);
    }

    /** A return of a new test network's plan; with evidence to answer (TestNetworks.withEvidence) if asked. */
    private OpenReturn openReturn(boolean withEvidence) {
        TestNetworks.TestNetwork network = networks.create(1);
        if (withEvidence) {
            networks.withEvidence(network.plan());
        }
        ProcessInstance instance = openReturns.of(network);
        return new OpenReturn(network, instance, openReturns.returnId(instance), network.plan().getReference(), this);
    }

    /** Gives a task to an officer as an administrator may, whoever they are. */
    private void handTo(String userId, Task task) {
        officers.as("demo", () -> {
            taskService.setAssignee(task.getId(), userId);
            return null;
        });
    }

    /** 50,000 characters, starting with a mark of the route that no other text has. */
    private static String longText(Route route) {
        String mark = "Route " + route + " " + System.nanoTime() + ": ";
        return mark + "x".repeat(50_000 - mark.length());
    }

    /** The rows of the engine's variable and history tables that hold the text, or any prose field of the return. */
    private List<String> engineRowsHolding(String processInstanceId, String text) {
        String start = text.substring(0, Math.min(40, text.length())) + "%";
        String prose = String.join(",", ReturnTask.PROSE.stream().map(name -> "'" + name + "'").toList());
        return jdbc.queryForList("""
                select concat('ACT_RU_VARIABLE ', NAME_) from ACT_RU_VARIABLE
                  where TEXT_ like ? or (PROC_INST_ID_ = ? and NAME_ in (%1$s))
                union all select concat('ACT_HI_VARINST ', NAME_) from ACT_HI_VARINST
                  where TEXT_ like ? or (PROC_INST_ID_ = ? and NAME_ in (%1$s))
                union all select concat('ACT_HI_DETAIL ', NAME_) from ACT_HI_DETAIL
                  where TEXT_ like ? or (PROC_INST_ID_ = ? and NAME_ in (%1$s))
                """.formatted(prose), String.class, start, processInstanceId, start, processInstanceId, start,
                processInstanceId);
    }

    private static String planIn(JsonNode variables) {
        return variables.path("plan").path("value").asText();
    }
}
