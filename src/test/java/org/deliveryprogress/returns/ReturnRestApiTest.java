package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;
import static org.deliveryprogress.support.Http.jsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plan's return driven through Camunda's REST API ({@code /engine-rest}, HTTP Basic), as officers' clients and
 * Tasklist drive it: what the forms are given to show, what is accepted, what is refused and with which answer, and
 * what ends up in the return.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("A return through the REST API")
class ReturnRestApiTest {

    /** A form's variables as Tasklist reads them: Json values as JSON text. */
    private static final String FORM_VARIABLES = "/form-variables?deserializeValues=false";

    private static final String PASSWORD = "demo";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    RecordedReturns recordedReturns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper objectMapper;

    private TestNetwork network;
    private ProcessInstance planReturn;
    private String businessKey;

    @BeforeEach
    void openReturn() {
        network = networks.create(1);
        planReturn = openReturns.of(network);
        businessKey = planReturn.getBusinessKey();
    }

    @Nested
    @DisplayName("signing in")
    class SigningIn {

        @Test
        @DisplayName("without credentials the task list answers 401")
        void noCredentials() {
            Response response = call("GET", null, null, "/task", null);

            assertThat(response.status()).isEqualTo(401);
        }

        @Test
        @DisplayName("with a wrong password the task list answers 401")
        void wrongPassword() {
            // Camunda delays the next sign-in after a failed one: a user of its own keeps the demo users usable.
            if (identityService.createUserQuery().userId("mistyped").count() == 0) {
                User user = identityService.newUser("mistyped");
                user.setPassword("the-password");
                identityService.saveUser(user);
            }

            Response response = call("GET", "mistyped", "not-the-password", "/task", null);

            assertThat(response.status()).isEqualTo(401);
        }

        @Test
        @DisplayName("without credentials a task cannot be completed, and nothing changes")
        void noCredentialsToComplete() {
            String update = taskId(TASK_SUBMIT_UPDATE);
            PlanReturn before = recorded();

            Response response = call("POST", null, null, "/task/" + update + "/submit-form", form(UPDATE));

            assertThat(response.status()).isEqualTo(401);
            recordedReturns.assertStillOpen(update);
            recordedReturns.assertUnchangedSince(before);
        }
    }

    @Test
    @DisplayName("a Red return goes all the way through: update, judgement, remedial actions sent back, revised "
            + "and agreed")
    void wholeReturnAsTheOfficers() {
        JsonNode leadsTasks = get("lead", "/task?processInstanceBusinessKey=" + businessKey).json();
        assertThat(leadsTasks).hasSize(1);
        assertThat(leadsTasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(TASK_SUBMIT_UPDATE);
        assertThat(leadsTasks.get(0).get("assignee").asText()).isEqualTo("lead");
        String update = leadsTasks.get(0).get("id").asText();

        assertThat(submit("lead", update, UPDATE).status()).isEqualTo(204);
        assertThat(recorded().getState()).isEqualTo(ReturnState.AWAITING_JUDGEMENT);

        JsonNode judgesTasks = get("judge", "/task?processInstanceBusinessKey=" + businessKey).json();
        assertThat(judgesTasks).hasSize(1);
        assertThat(judgesTasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(TASK_JUDGE_STATUS);
        String judgement = judgesTasks.get(0).get("id").asText();
        assertThat(submit("judge", judgement, Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED), RAG_STATUS,
                text("Red"), JUDGEMENT_COMMENT, text(RED_COMMENT))).status()).isEqualTo(204);
        assertThat(recorded().getState()).isEqualTo(ReturnState.AWAITING_REMEDIAL_ACTIONS);

        LocalDate firstDue = LocalDate.now().plusWeeks(6);
        LocalDate secondDue = LocalDate.now().plusWeeks(10);
        String proposal = taskId(TASK_PROPOSE_REMEDIAL_ACTIONS);
        assertThat(submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, actions(
                action("Restore the interim hate crime statistics", "Police Hate Crime Unit", firstDue),
                action("Publicise the reporting centres", "Safer Communities team", secondDue)))).status())
                .isEqualTo(204);
        assertThat(recorded().getState()).isEqualTo(ReturnState.AWAITING_REMEDIAL_AGREEMENT);
        assertThat(recorded().getRemedialActions()).extracting(RemedialAction::getState)
                .containsExactly(RemedialAction.State.PROPOSED, RemedialAction.State.PROPOSED);

        String agreement = taskId(TASK_AGREE_REMEDIAL_ACTIONS);
        assertThat(get("manager", "/task/" + agreement).json().get("assignee").asText())
                .as("the network's only manager, with nothing to claim").isEqualTo("manager");
        assertThat(submit("manager", agreement, Map.of(REMEDIAL_OUTCOME, text(OUTCOME_SENT_BACK), REMEDIAL_COMMENT,
                text("Name who in the police will produce the statistics."))).status()).isEqualTo(204);
        assertThat(recorded().getState()).isEqualTo(ReturnState.REMEDIAL_ACTIONS_SENT_BACK);
        assertThat(recorded().getRemedialComment()).isEqualTo("Name who in the police will produce the statistics.");

        String revision = taskId(TASK_PROPOSE_REMEDIAL_ACTIONS);
        JsonNode revisionForm = get("lead", "/task/" + revision + FORM_VARIABLES).json();
        assertThat(jsonValue(revisionForm, REMEDIAL_ACTIONS)).extracting(action -> action.get("owner").asText())
                .as("the form opens with the actions sent back")
                .containsExactly("Police Hate Crime Unit", "Safer Communities team");
        JsonNode firstSentBack = jsonValue(revisionForm, REMEDIAL_ACTIONS).get(0);
        assertThat(List.of(firstSentBack.get(DUE_DAY).asInt(), firstSentBack.get(DUE_MONTH).asInt(),
                firstSentBack.get(DUE_YEAR).asInt())).as("the date for the form's three boxes, day first")
                .containsExactly(firstDue.getDayOfMonth(), firstDue.getMonthValue(), firstDue.getYear());
        assertThat(firstSentBack.get(DUE_DATE).asText()).as("and in ISO form").isEqualTo(firstDue.toString());
        assertThat(submit("lead", revision, Map.of(REMEDIAL_ACTIONS, actions(
                action("Restore the interim hate crime statistics", "DI Sarah Okafor, Hate Crime Unit", firstDue),
                action("Publicise the reporting centres", "Safer Communities team", secondDue)))).status())
                .isEqualTo(204);

        String secondAgreement = taskId(TASK_AGREE_REMEDIAL_ACTIONS);
        assertThat(submit("manager", secondAgreement, Map.of(REMEDIAL_OUTCOME, text(OUTCOME_AGREED),
                REMEDIAL_COMMENT, text("Agreed."))).status()).isEqualTo(204);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(planReturn.getId()).count())
                .as("the return's process has ended").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(planReturn.getId())
                .activityId("EndEvent_RemedialActionsAgreed").finished().count()).isEqualTo(1);
        PlanReturn recorded = recorded();
        assertThat(recorded.getState()).isEqualTo(ReturnState.COMPLETE);
        assertThat(recorded.getAchievements()).isEqualTo(ACHIEVEMENTS_TEXT);
        assertThat(recorded.getPlannedActivities()).isEqualTo(PLANNED_TEXT);
        assertThat(recorded.getBlockages()).isEqualTo(BLOCKAGES_TEXT);
        assertThat(recorded.getSubmittedBy()).isEqualTo("lead");
        assertThat(recorded.getRagStatus()).isEqualTo(RagStatus.Red);
        assertThat(recorded.getJudgementComment()).isEqualTo(RED_COMMENT);
        assertThat(recorded.getJudgedBy()).isEqualTo("judge");
        assertThat(recorded.getRemedialDecidedBy()).isEqualTo("manager");
        assertThat(recorded.getRemedialComment()).isEqualTo("Agreed.");
        assertThat(recorded.getRemedialActions())
                .extracting(RemedialAction::getAction, RemedialAction::getOwner, RemedialAction::getDueDate,
                        RemedialAction::getState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Restore the interim hate crime statistics",
                                "DI Sarah Okafor, Hate Crime Unit", firstDue, RemedialAction.State.AGREED),
                        org.assertj.core.groups.Tuple.tuple("Publicise the reporting centres",
                                "Safer Communities team", secondDue, RemedialAction.State.AGREED));
        assertNothingKeptInTheEngine();
    }

    @Nested
    @DisplayName("judging")
    class Judging {

        private String judgement;
        private PlanReturn before;

        @BeforeEach
        void updateSubmitted() {
            assertThat(submit("lead", taskId(TASK_SUBMIT_UPDATE), UPDATE).status()).isEqualTo(204);
            judgement = taskId(TASK_JUDGE_STATUS);
            before = recorded();
        }

        @Test
        @DisplayName("a judgement after a send-back without judgementOutcome is a judgement, not another send-back")
        void missingOutcomeAfterASendBackIsAJudgement() {
            assertThat(submit("judge", judgement, Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_SENT_BACK),
                    JUDGEMENT_COMMENT, text("Which localities?"))).status()).isEqualTo(204);
            assertThat(submit("lead", taskId(TASK_SUBMIT_UPDATE), UPDATE).status()).isEqualTo(204);

            Response response = submit("judge", taskId(TASK_JUDGE_STATUS),
                    Map.of(RAG_STATUS, text("Red"), JUDGEMENT_COMMENT, text("Milestones missed.")));

            assertThat(response.status()).isEqualTo(204);
            assertThat(recorded().getRagStatus()).isEqualTo(RagStatus.Red);
            assertThat(taskId(TASK_PROPOSE_REMEDIAL_ACTIONS)).isNotNull();
        }

        @Test
        @DisplayName("the path variants /complete/ and ;x=1 do not slip past the checks")
        void pathVariantsAreChecked() {
            Map<String, Object> redWithoutComment = Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED),
                    RAG_STATUS, text("Red"));

            assertThat(post("judge", "/task/" + judgement + "/complete/", form(redWithoutComment)).status())
                    .isEqualTo(400);
            assertThat(post("judge", "/task/" + judgement + "/complete;x=1", form(redWithoutComment)).status())
                    .isEqualTo(400);
            recordedReturns.assertStillOpen(judgement);
        }

        @Test
        @DisplayName("a body that is not JSON, or not of its shape, is refused with 400 in Camunda's JSON, saying "
                + "where and what to write, naming none of Camunda's or Java's classes")
        void notJson() throws Exception {
            Response response = call("POST", "judge", PASSWORD, "/task/" + judgement + "/complete",
                    "this is not json");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).as("JSON, as Camunda's other refusals: it was Jackson's words as text")
                    .startsWith("The request's body is not JSON (line 1, column 1): Unrecognized token 'this'");

            // A line break typed inside a Json variable's quoted value, as the README's example had it.
            Response lineBreak = call("POST", "judge", PASSWORD, "/task/" + judgement + "/submit-form",
                    "{\"variables\": {\"judgementComment\": {\"value\": \"Milestones\n missed.\"}}}");
            assertThat(lineBreak.status()).isEqualTo(400);
            assertThat(lineBreak.message()).startsWith("The request's body is not JSON (line 1, column ").endsWith(
                    "), in variables.judgementComment.value: a quoted text holds a line break or another control "
                    + "character (code 10): write a line break as \\n and a tab as \\t, or keep the text on one line.");

            Response notAnObject = call("POST", "judge", PASSWORD, "/task/" + judgement + "/submit-form",
                    "{\"variables\": 5}");
            assertThat(notAnObject.status()).isEqualTo(400);
            assertThat(notAnObject.message()).isEqualTo("In the request's body, variables must be an object.");

            Tasklist tasklist = new Tasklist("judge");
            assertThat(tasklist.get("/task/" + judgement + FORM_VARIABLES).status()).isEqualTo(200);
            Response inTasklist = tasklist.post("/task/" + judgement + "/submit-form",
                    Map.of("variables", Map.of("ragStatus", 5), "withVariablesInReturn", "maybe"));
            assertThat(inTasklist.status()).as("the webapps' API alike").isEqualTo(400);
            assertThat(inTasklist.message()).isIn("In the request's body, variables.ragStatus must be an object.",
                    "In the request's body, withVariablesInReturn is 'maybe', not true or false.");

            for (Response refused : List.of(response, lineBreak, notAnObject, inTasklist)) {
                assertThat(refused.json().get("type").asText()).isEqualTo("InvalidRequestException");
                assertThat(refused.body()).doesNotContain("org.camunda", "java.", "Dto", "Source: REDACTED");
            }
            recordedReturns.assertStillOpen(judgement);
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("the judge can work on the task but not reassign it, move its due date or end the return")
        void theJudgeCannotReassignRedateOrEndTheReturn() {
            assertThat(post("judge", "/task/" + judgement + "/assignee", Map.of("userId", "lead")).status())
                    .isEqualTo(403);
            assertThat(call("PUT", "judge", PASSWORD, "/task/" + judgement,
                    Map.of("name", "Judge status", "due", "2030-01-01T00:00:00.000+0000")).status()).isEqualTo(403);
            assertThat(post("judge", "/task/" + judgement + "/bpmnError", Map.of("errorCode", "stop")).status())
                    .isEqualTo(400);

            recordedReturns.assertStillOpen(judgement);
            assertThat(taskService.createTaskQuery().taskId(judgement).singleResult().getAssignee())
                    .isEqualTo("judge");
        }

        @Test
        @DisplayName("Red without a comment is refused with 400 saying a comment is needed; nothing is recorded")
        void redNeedsAComment(CapturedOutput log) {
            Response response = submit("judge", judgement,
                    Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED), RAG_STATUS, text("Red")));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("Red status needs a comment");
            assertThat(log.getOut()).as("a line at INFO for the operators, not the engine's ERROR with its stack")
                    .contains("A return's task was not completed: 1 problem(s) for the officer to fix (400)")
                    .doesNotContain("Red status needs a comment");
            recordedReturns.assertStillOpen(judgement);
            assertThat(recorded().getState()).isEqualTo(ReturnState.AWAITING_JUDGEMENT);
            assertThat(recorded().getRagStatus()).isNull();
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("Red with a blank comment is refused like Red without one")
        void redNeedsANonBlankComment() {
            Response response = submit("judge", judgement, Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED),
                    RAG_STATUS, text("Red"), JUDGEMENT_COMMENT, text("  \n ")));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("comment");
            recordedReturns.assertStillOpen(judgement);
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("Amber without a comment is refused with 400 saying a comment is needed; nothing is recorded")
        void amberNeedsAComment() {
            Response response = complete("judge", judgement,
                    Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED), RAG_STATUS, text("Amber")));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("Amber status needs a comment");
            recordedReturns.assertStillOpen(judgement);
            assertThat(recorded().getState()).isEqualTo(ReturnState.AWAITING_JUDGEMENT);
            assertThat(recorded().getRagStatus()).isNull();
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("Green without a comment is accepted and ends the return")
        void greenNeedsNoComment() {
            Response response = submit("judge", judgement,
                    Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED), RAG_STATUS, text("Green")));

            assertThat(response.status()).isEqualTo(204);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(planReturn.getId()).count())
                    .isZero();
            PlanReturn recorded = recorded();
            assertThat(recorded.getState()).isEqualTo(ReturnState.COMPLETE);
            assertThat(recorded.getRagStatus()).isEqualTo(RagStatus.Green);
            assertThat(recorded.getJudgementComment()).isNull();
            assertThat(recorded.getJudgedBy()).isEqualTo("judge");
        }

        @Test
        @DisplayName("the judge form's optional Green/Blue comment (bestPracticeComment) is kept as the judgement "
                + "comment")
        void bestPracticeCommentIsTheJudgementComment() {
            Response response = submit("judge", judgement, Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED),
                    RAG_STATUS, text("Blue"), "bestPracticeComment", text("Schools toolkit copied by two districts.")));

            assertThat(response.status()).isEqualTo(204);
            assertThat(recorded().getJudgementComment()).isEqualTo("Schools toolkit copied by two districts.");
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(planReturn.getId())
                    .variableName("bestPracticeComment").count()).as("no engine variable of the form-only name")
                    .isZero();
        }

        @Test
        @DisplayName("a judgement without a status is refused with 400 'Choose a status'")
        void statusIsRequired() {
            Response response = submit("judge", judgement, Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED),
                    JUDGEMENT_COMMENT, text("Looks fine.")));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("Choose a status");
            recordedReturns.assertStillOpen(judgement);
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("a status that is not Red, Amber, Green or Blue is refused with 400 naming it")
        void statusMustBeKnown() {
            Response response = submit("judge", judgement, Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED),
                    RAG_STATUS, text("Purple"), JUDGEMENT_COMMENT, text("Royal.")));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("Purple").contains("Red, Amber, Green or Blue");
            recordedReturns.assertStillOpen(judgement);
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("a comment of 10,000 characters, the limit, is accepted and stored whole")
        void longestComment() {
            String comment = longText(10_000);

            Response response = submit("judge", judgement, Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED),
                    RAG_STATUS, text("Amber"), JUDGEMENT_COMMENT, text(comment)));

            assertThat(response.status()).as(response.body()).isEqualTo(204);
            assertThat(recorded().getJudgementComment()).isEqualTo(comment);
            assertNothingKeptInTheEngine();
        }

        @Test
        @DisplayName("the lead officer cannot judge their own plan: 403, nothing changes")
        void leadCannotJudge() {
            Response response = submit("lead", judgement,
                    Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED), RAG_STATUS, text("Blue")));

            assertThat(response.status()).isEqualTo(403);
            recordedReturns.assertStillOpen(judgement);
            recordedReturns.assertUnchangedSince(before);
        }
    }

    @Nested
    @DisplayName("the update")
    class TheUpdate {

        private String update;
        private PlanReturn before;

        @BeforeEach
        void findTask() {
            update = taskId(TASK_SUBMIT_UPDATE);
            before = recorded();
        }

        @Test
        @DisplayName("form offers an action the register has no status for, with no status chosen")
        void actionWithoutStatus() {
            Map<String, List<JsonNode>> rows = formRowsOfNewAction(null);

            assertThat(rows.get("openActions")).singleElement()
                    .satisfies(action -> assertThat(action.has("status")).isFalse());
            assertThat(rows.get(ACTION_PROGRESS)).singleElement()
                    .satisfies(action -> assertThat(action.has("status")).isFalse());
        }

        @Test
        @DisplayName("form shows an action whose update the register requests, with no answer chosen for it")
        void actionWhoseUpdateIsRequested() {
            Map<String, List<JsonNode>> rows = formRowsOfNewAction("update requested");

            assertThat(rows.get("openActions")).as("the register's status, shown").singleElement()
                    .satisfies(action -> assertThat(action.get("status").asText()).isEqualTo("update requested"));
            assertThat(rows.get(ACTION_PROGRESS)).as("the answer, to choose").singleElement()
                    .satisfies(action -> assertThat(action.has("status")).isFalse());
        }

        /** The update form's rows, list by list, of an action CS.3 added to the plan with the register's status. */
        private Map<String, List<JsonNode>> formRowsOfNewAction(String status) {
            transaction.executeWithoutResult(written -> jdbc.update("INSERT INTO plan_action (plan_id, reference, "
                    + "action, status) VALUES (?, 'CS.3', 'Map the community groups', ?)", network.plan().getId(),
                    status));

            Response response = get("lead", "/task/" + update + FORM_VARIABLES);

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            Map<String, List<JsonNode>> rows = new HashMap<>();
            for (String list : List.of("openActions", ACTION_PROGRESS)) {
                rows.put(list, new ArrayList<>());
                jsonValue(response.json(), list).forEach(action -> {
                    if (action.get("reference").asText().equals("CS.3")) {
                        rows.get(list).add(action);
                    }
                });
            }
            return rows;
        }

        @Test
        @DisplayName("of 50,000 characters is stored whole, kept out of the engine, and prefilled when sent back")
        void longUpdate() {
            String achievements = longText(50_000);

            Response submitted = submit("lead", update, Map.of(ACHIEVEMENTS, text(achievements),
                    PLANNED_ACTIVITIES, text(PLANNED_TEXT)));

            assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
            assertThat(recorded().getAchievements()).isEqualTo(achievements);
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(planReturn.getId())
                    .variableName(ACHIEVEMENTS).count()).isZero();
            assertNothingKeptInTheEngine();

            assertThat(submit("judge", taskId(TASK_JUDGE_STATUS), Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_SENT_BACK),
                    JUDGEMENT_COMMENT, text("Which localities does this cover?"))).status()).isEqualTo(204);
            String resubmission = taskId(TASK_SUBMIT_UPDATE);
            Response form = get("lead", "/task/" + resubmission + FORM_VARIABLES);

            assertThat(form.status()).isEqualTo(200);
            assertThat(form.json().get(ACHIEVEMENTS).get("type").asText()).isEqualTo("String");
            assertThat(form.json().get(ACHIEVEMENTS).get("value").asText()).isEqualTo(achievements);
            assertThat(form.json().get(PLANNED_ACTIVITIES).get("value").asText()).isEqualTo(PLANNED_TEXT);
            assertThat(jsonValue(form.json(), "judgement").get("judgementComment").asText())
                    .isEqualTo("Which localities does this cover?");
        }

        @Test
        @DisplayName("over 100,000 characters is refused with 400 giving the limit; nothing is stored")
        void overTheLimit() {
            Response response = submit("lead", update, Map.of(ACHIEVEMENTS, text("x".repeat(100_001)),
                    PLANNED_ACTIVITIES, text(PLANNED_TEXT)));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("achievements").contains("100,001").contains("limit is 100,000");
            recordedReturns.assertStillOpen(update);
            assertThat(recorded().getState()).isEqualTo(ReturnState.AWAITING_UPDATE);
            assertThat(recorded().getAchievements()).isNull();
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("with markup and SQL in it is stored verbatim, and the table is still there")
        void markupAndSql() {
            String script = "<script>alert(1)</script>";
            String sql = "'; DROP TABLE plan_return; --";
            String more = "Robert\"); DROP TABLE remedial_action;-- \\ % _ ${leadOfficer} #{1+1} {{plan.title}}";

            Response response = submit("lead", update, Map.of(ACHIEVEMENTS, text(script), PLANNED_ACTIVITIES,
                    text(sql), BLOCKAGES, text(more)));

            assertThat(response.status()).isEqualTo(204);
            PlanReturn recorded = recorded();
            assertThat(recorded.getAchievements()).isEqualTo(script);
            assertThat(recorded.getPlannedActivities()).isEqualTo(sql);
            assertThat(recorded.getBlockages()).isEqualTo(more);
            assertThat(jdbc.queryForList("show tables like 'plan_return'")).as("the table is still there")
                    .hasSize(1);
            assertThat(jdbc.queryForList("show tables like 'remedial_action'")).as("the table is still there")
                    .hasSize(1);
            JsonNode judgeForm = get("judge", "/task/" + taskId(TASK_JUDGE_STATUS) + FORM_VARIABLES).json();
            assertThat(jsonValue(judgeForm, "update").get("achievements").asText()).isEqualTo(script);
            assertThat(jsonValue(judgeForm, "update").get("plannedActivities").asText()).isEqualTo(sql);
        }

        @Test
        @DisplayName("without planned activities is refused with 400 naming the field")
        void plannedActivitiesAreRequired() {
            Response response = submit("lead", update, Map.of(ACHIEVEMENTS, text(ACHIEVEMENTS_TEXT)));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("plannedActivities").contains("must be filled in");
            recordedReturns.assertStillOpen(update);
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("whose text is not text (a Boolean, Json, a list) is refused with 400, not a server error")
        void textMustBeText() {
            for (Object notText : List.of(Map.of("value", true, "type", "Boolean"),
                    json("\"Meetings held.\""), Map.of("value", List.of("Meetings held.")))) {
                Response response = submit("lead", update,
                        Map.of(ACHIEVEMENTS, notText, PLANNED_ACTIVITIES, text(PLANNED_TEXT)));

                assertThat(response.status()).as(notText + ": " + response.body()).isEqualTo(400);
                assertThat(response.message()).contains("(achievements) must be text");
                recordedReturns.assertStillOpen(update);
                recordedReturns.assertUnchangedSince(before);
            }
        }

        @Test
        @DisplayName("may not be completed by the judging officer: 403, nothing changes")
        void judgeCannotSubmitTheUpdate() {
            Response response = complete("judge", update, UPDATE);

            assertThat(response.status()).isEqualTo(403);
            recordedReturns.assertStillOpen(update);
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("may not be completed by the administrator, who sees every task: 403 naming who it is for")
        void administratorCannotSubmitTheUpdate() {
            assertThat(get("demo", "/task/" + update).status()).as("the administrator sees the task").isEqualTo(200);

            Response submitted = submit("demo", update, UPDATE);
            Response completed = complete("demo", update, UPDATE);

            assertThat(submitted.status()).isEqualTo(403);
            assertThat(submitted.message()).contains("This task is for lead, not for demo");
            assertThat(completed.status()).isEqualTo(403);
            assertThat(completed.message()).contains("This task is for lead");
            recordedReturns.assertStillOpen(update);
            recordedReturns.assertUnchangedSince(before);
        }

        @Test
        @DisplayName("may be submitted by the data-entry officer, a candidate, where the network lets them, and "
                + "records them as its author")
        void dataEntryOfficerSubmits() {
            networks.letEntryOfficersSubmit(network, true);
            Response response = submit("clerk", update, UPDATE);

            assertThat(response.status()).isEqualTo(204);
            assertThat(recorded().getSubmittedBy()).isEqualTo("clerk");
            assertThat(recorded().getAchievements()).isEqualTo(ACHIEVEMENTS_TEXT);
            assertThat(recorded().getState()).isEqualTo(ReturnState.AWAITING_JUDGEMENT);
        }

        @Test
        @DisplayName("form is given the plan and the cycle, as Json, from the application's tables")
        void formShowsPlanAndCycle() {
            Response response = get("lead", "/task/" + update + FORM_VARIABLES);

            assertThat(response.status()).isEqualTo(200);
            JsonNode form = response.json();
            assertThat(form.get("plan").get("type").asText()).isEqualTo("Json");
            assertThat(jsonValue(form, "plan").get("title").asText()).isEqualTo(network.plan().getTitle());
            assertThat(jsonValue(form, "plan").get("reference").asText()).isEqualTo(network.plan().getReference());
            assertThat(jsonValue(form, "plan").get("leadOfficer").asText()).isEqualTo("lead");
            assertThat(form.get("cycle").get("type").asText()).isEqualTo("Json");
            assertThat(jsonValue(form, "cycle").get("reference").asText())
                    .isEqualTo(openReturns.cycleOf(planReturn).getBusinessKey());
            assertThat(jsonValue(form, "cycle").get("meetingDate").asText())
                    .isEqualTo(network.meeting().getMeetingDate().toString());
            assertThat(form.get("openActions").get("type").asText()).isEqualTo("Json");
            assertThat(form.has(ACHIEVEMENTS)).as("nothing to prefill yet").isFalse();
        }
    }

    @Nested
    @DisplayName("remedial actions")
    class RemedialActions {

        private String proposal;
        private PlanReturn before;

        @BeforeEach
        void judgedRed() {
            assertThat(submit("lead", taskId(TASK_SUBMIT_UPDATE), UPDATE).status()).isEqualTo(204);
            assertThat(submit("judge", taskId(TASK_JUDGE_STATUS), Map.of(JUDGEMENT_OUTCOME, text(OUTCOME_JUDGED),
                    RAG_STATUS, text("Red"), JUDGEMENT_COMMENT, text(RED_COMMENT))).status()).isEqualTo(204);
            proposal = taskId(TASK_PROPOSE_REMEDIAL_ACTIONS);
            before = recorded();
        }

        @Test
        @DisplayName("an empty list is refused with 400 asking for at least one")
        void emptyList() {
            Response response = submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, json("[]")));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("at least one remedial action");
            assertRefused();
        }

        @Test
        @DisplayName("no list at all is refused with 400 asking for at least one")
        void noList() {
            Response response = submit("lead", proposal, Map.of());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("at least one remedial action");
            assertRefused();
        }

        @Test
        @DisplayName("an entry without an owner is refused with 400 saying which entry")
        void entryWithoutOwner() {
            Response response = submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, actions(
                    action("Restore the statistics", "Police Hate Crime Unit", LocalDate.now().plusWeeks(6)),
                    Map.of("action", "Publicise the reporting centres", "dueDate",
                            LocalDate.now().plusWeeks(6).toString()))));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("Remedial action 2: say who is responsible");
            assertThat(response.message()).doesNotContain("Remedial action 1");
            assertRefused();
        }

        @Test
        @DisplayName("a due date that is not a date is refused with 400 saying which entry")
        void dueDateNotADate() {
            Response response = submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, actions(Map.of("action",
                    "Restore the statistics", "owner", "Police Hate Crime Unit", "dueDate", "next Friday"))));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("Remedial action 1").contains("'next Friday' is not a date");
            assertRefused();
        }

        @Test
        @DisplayName("a due date in the past is refused with 400")
        void dueDateInThePast() {
            Response response = submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, actions(
                    action("Restore the statistics", "Police Hate Crime Unit", LocalDate.now().minusDays(2)))));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).contains("Remedial action 1").contains("in the past");
            assertRefused();
        }

        @Test
        @DisplayName("a date as day, month and year, as the form's boxes send it, is recorded as that day")
        void dueDateInParts() {
            LocalDate due = LocalDate.now().plusYears(1).withMonth(10).withDayOfMonth(2);

            Response response = submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, actions(Map.of("action",
                    "Restore the statistics", "owner", "Police Hate Crime Unit", DUE_DAY, 2, DUE_MONTH, 10,
                    DUE_YEAR, due.getYear()))));

            assertThat(response.status()).as(response.body()).isEqualTo(204);
            assertThat(recorded().getRemedialActions()).extracting(RemedialAction::getDueDate).containsExactly(due);
        }

        @Test
        @DisplayName("a date given both ways, or neither, is refused with 400 saying which entry and what to send")
        void dueDateBothWaysOrNeither() {
            LocalDate due = LocalDate.now().plusWeeks(6);
            Map<String, Object> both = new LinkedHashMap<>(action("Restore the statistics", "Police", due));
            both.putAll(Map.of(DUE_DAY, due.getDayOfMonth(), DUE_MONTH, due.getMonthValue(), DUE_YEAR,
                    due.getYear()));

            Response response = submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, actions(
                    action("Publicise the reporting centres", "Safer Communities team", due), both,
                    Map.of("action", "Brief the district councils", "owner", "Safer Communities team"))));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).endsWith(": Remedial action 2: give the date either as dueDate "
                    + "(YYYY-MM-DD) or as dueDay, dueMonth and dueYear, not both. Remedial action 3: say by when it "
                    + "will be done: the day, month and year.");
            assertRefused();
        }

        @Test
        @DisplayName("a day that does not exist, such as 31 February, is refused with 400 naming the action")
        void dueDateNotARealDay() {
            int year = LocalDate.now().getYear() + 1;

            Response response = submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, actions(Map.of("action",
                    "Restore the statistics", "owner", "Police Hate Crime Unit", DUE_DAY, 31, DUE_MONTH, 2,
                    DUE_YEAR, year))));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).endsWith(": Remedial action 1: there is no 31 February " + year
                    + ": February " + year + " has " + YearMonth.of(year, 2).lengthOfMonth() + " days.");
            assertRefused();
        }

        @Test
        @DisplayName("that are not JSON are refused with 400")
        void notJson() {
            Response response = submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, text("do better")));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertRefused();
        }

        @Test
        @DisplayName("sent as Json that is not JSON are refused with 400 naming the field, not a server error")
        void jsonThatIsNotJson() {
            Response response = submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, json("do better")));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.message()).contains(REMEDIAL_ACTIONS + ": cannot be read as the type it was sent as (")
                    .contains("'do'").endsWith("); send it as the form does.");
            assertRefused();
        }

        @Test
        @DisplayName("may not be agreed by a lead officer: 403, nothing changes")
        void leadCannotAgree() {
            assertThat(submit("lead", proposal, Map.of(REMEDIAL_ACTIONS, actions(
                    action("Restore the statistics", "Police Hate Crime Unit", LocalDate.now().plusWeeks(6)))))
                    .status()).isEqualTo(204);
            String agreement = taskId(TASK_AGREE_REMEDIAL_ACTIONS);
            PlanReturn proposed = recorded();

            Response response = submit("lead", agreement, Map.of(REMEDIAL_OUTCOME, text(OUTCOME_AGREED)));

            assertThat(response.status()).isEqualTo(403);
            recordedReturns.assertStillOpen(agreement);
            recordedReturns.assertUnchangedSince(proposed);
        }

        private void assertRefused() {
            recordedReturns.assertStillOpen(proposal);
            assertThat(recorded().getState()).isEqualTo(ReturnState.AWAITING_REMEDIAL_ACTIONS);
            assertThat(recorded().getRemedialActions()).isEmpty();
            recordedReturns.assertUnchangedSince(before);
        }
    }

    @Test
    @DisplayName("Tasklist's API (signed in by session) gets the same form data, checks and long texts as /engine-rest")
    void throughTasklistsApi() throws Exception {
        Tasklist tasklist = new Tasklist("lead");
        String update = taskId(TASK_SUBMIT_UPDATE);

        Response form = tasklist.get("/task/" + update + FORM_VARIABLES);
        assertThat(form.status()).isEqualTo(200);
        assertThat(jsonValue(form.json(), "plan").get("title").asText()).isEqualTo(network.plan().getTitle());

        Response missing = tasklist.post("/task/" + update + "/submit-form",
                form(Map.of(ACHIEVEMENTS, text(ACHIEVEMENTS_TEXT))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("plannedActivities");
        recordedReturns.assertStillOpen(update);

        String achievements = longText(60_000);
        Response submitted = tasklist.post("/task/" + update + "/submit-form",
                form(Map.of(ACHIEVEMENTS, text(achievements), PLANNED_ACTIVITIES, text(PLANNED_TEXT))));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
        assertThat(recorded().getAchievements()).isEqualTo(achievements);
        assertThat(recorded().getSubmittedBy()).isEqualTo("lead");
        assertNothingKeptInTheEngine();
    }

    // The officers' texts.

    private static final String ACHIEVEMENTS_TEXT = "Tension monitoring meetings held monthly – in Ashfield and "
            + "Mansfield.\n\nCommunity cohesion café events ran in three wards.";
    private static final String PLANNED_TEXT = "Review hate crime reporting:\n- third-party reporting centres\n"
            + "- schools";
    private static final String BLOCKAGES_TEXT = "Partners unaware of the reporting centres.";
    private static final String RED_COMMENT = "Milestones missed: no hate crime data since March. The police will "
            + "restore the interim statistics.";
    private static final Map<String, Object> UPDATE = Map.of(ACHIEVEMENTS, text(ACHIEVEMENTS_TEXT),
            PLANNED_ACTIVITIES, text(PLANNED_TEXT), BLOCKAGES, text(BLOCKAGES_TEXT));

    /** Exactly {@code length} characters of prose: paragraphs, a bulleted list, dashes and accents. */
    private static String longText(int length) {
        StringBuilder text = new StringBuilder();
        for (int paragraph = 1; text.length() < length; paragraph++) {
            text.append("Paragraph ").append(paragraph).append(": the café network met – with the police, "
                    + "schools and the naïve “new” partners – and agreed what follows.\n")
                    .append("- Reporting centres reopened in Ashfield.\n")
                    .append("- Élan youth project funded for a further year.\n")
                    .append("- Data shared monthly, not quarterly.\n\n");
        }
        return text.substring(0, length);
    }

    private static Map<String, Object> text(String value) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("value", value);
        variable.put("type", "String");
        return variable;
    }

    /** A Json variable as Tasklist sends it: the JSON as a string. */
    private static Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

    private Map<String, Object> actions(Map<?, ?>... actions) {
        try {
            return json(objectMapper.writeValueAsString(List.of(actions)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> action(String action, String owner, LocalDate dueDate) {
        return Map.of("action", action, "owner", owner, "dueDate", dueDate.toString());
    }

    // The REST API.

    record Response(int status, String body, ObjectMapper objectMapper) {

        JsonNode json() {
            try {
                return objectMapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        String message() {
            JsonNode message = json().get("message");
            return message == null ? null : message.asText();
        }
    }

    private Response get(String user, String path) {
        return call("GET", user, PASSWORD, path, null);
    }

    private Response post(String user, String path, Object body) {
        return call("POST", user, PASSWORD, path, body);
    }

    private Response submit(String user, String taskId, Map<String, Object> variables) {
        return post(user, "/task/" + taskId + "/submit-form", form(variables));
    }

    private Response complete(String user, String taskId, Map<String, Object> variables) {
        return post(user, "/task/" + taskId + "/complete", form(variables));
    }

    private static Map<String, Object> form(Map<String, Object> variables) {
        return Map.of("variables", variables);
    }

    private Response call(String method, String user, String password, String path, Object body) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port + "/engine-rest")
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (user != null) {
                        headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
                    }
                });
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> new Response(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8), objectMapper));
    }

    /** Tasklist's way in: a session signed in at the webapp's login, with its CSRF token, on its own engine API. */
    private final class Tasklist {

        private final WebSession session = new WebSession(port);

        Tasklist(String user) {
            WebSession.Page login = session.signInToCamunda(user, PASSWORD, "default", "tasklist");
            assertThat(login.status()).as("sign-in: " + login.body()).isEqualTo(200);
        }

        Response get(String path) {
            return response(session.camundaApi("GET", path, null));
        }

        Response post(String path, Object body) throws Exception {
            return response(session.camundaApi("POST", path, objectMapper.writeValueAsString(body)));
        }

        private Response response(WebSession.Page page) {
            return new Response(page.status(), page.body(), objectMapper);
        }
    }


    // The engine and the return.

    private String taskId(String taskDefinitionKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as(taskDefinitionKey + " of " + businessKey).isNotNull();
        return task.getId();
    }

    private Long returnId() {
        return (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(planReturn.getId())
                .variableName(RETURN_ID).singleResult().getValue();
    }

    /** The return as recorded now, with its remedial actions loaded. */
    private PlanReturn recorded() {
        return recordedReturns.load(returnId());
    }

    /** None of the long texts is an engine variable, or a form field in the engine's history. */
    private void assertNothingKeptInTheEngine() {
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(planReturn.getId())
                .variableNameIn(ReturnTask.PROSE.toArray(String[]::new)).list()).isEmpty();
        List<HistoricDetail> details = historyService.createHistoricDetailQuery()
                .processInstanceId(planReturn.getId()).list();
        assertThat(details).filteredOn(detail -> detail instanceof HistoricFormField field
                && ReturnTask.PROSE.contains(field.getFieldId())).isEmpty();
        assertThat(details).filteredOn(detail -> detail instanceof HistoricVariableUpdate update
                && ReturnTask.PROSE.contains(update.getVariableName())).isEmpty();
    }
}
