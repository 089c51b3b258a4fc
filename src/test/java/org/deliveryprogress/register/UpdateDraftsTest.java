package org.deliveryprogress.register;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deliveryprogress.returns.ReturnVariables.*;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.notifications.Notification;
import org.deliveryprogress.notifications.NotificationKind;
import org.deliveryprogress.notifications.NotificationRepository;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.returns.ReturnDrafts;
import org.deliveryprogress.returns.ReturnUpdate;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.ReadableDates;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drafts of an update live on the server: saved by one officer in one browser session, read and continued by the
 * other in another, handed from the data-entry officer to the lead officer, and the opening text of Tasklist's form.
 */
@ApplicationTest
@DisplayName("Drafts of an update")
class UpdateDraftsTest {

    static final String DRAFT = "Three schools joined, and <b>two</b> more\n- CC.1: done\n- CC.2: under way";

    @LocalServerPort
    int port;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    TestNetworks networks;
    @Autowired
    Officers officers;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    UserDirectory users;
    @Autowired
    ReturnDrafts drafts;

    private TestNetwork network;
    private ProcessInstance planReturn;
    private String path;

    @BeforeEach
    void openReturn() {
        network = networks.create(1);
        planReturn = openReturns.of(network);
        path = "/plans/" + network.plan().getReference() + "/update";
    }

    @Test
    @DisplayName("saved by the data-entry officer, read and continued by the lead elsewhere, and in Tasklist's form")
    void savedInOneSessionContinuedInAnother() {
        WebSession clerk = signedInToPages(port, "clerk");
        Page saved = save(clerk, Map.of("achievements", DRAFT, "plannedActivities", "", "then", "save"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(clerk.get(path).body()).contains("Draft saved at", "by Priya Oakenshaw");

        WebSession lead = signedInToPages(port, "lead");
        String page = lead.get(path).body();
        assertThat(page).contains("Draft saved at", "by Priya Oakenshaw",
                "Three schools joined, and &lt;b&gt;two&lt;/b&gt; more\n- CC.1: done")
                .doesNotContain("for review");
        assertThat(page.replaceAll("\\s+", " ")).as("which plan's update, for which meeting")
                .contains(network.plan().getTitle() + "</strong>: its update for the <span>"
                        + network.network().getName() + " meeting of "
                        + ReadableDates.day(network.meeting().getMeetingDate()) + "</span>");
        save(lead, Map.of("achievements", DRAFT + "\n- CC.3: planned", "plannedActivities", "More schools",
                "then", "save"));

        VariableMap form = officers.as("lead", () -> formService.getTaskFormVariables(update().getId()));
        assertThat(form.get(ACHIEVEMENTS)).isEqualTo(DRAFT + "\n- CC.3: planned");
        assertThat(form.get(PLANNED_ACTIVITIES)).isEqualTo("More schools");
        assertThat(runtimeService.getVariables(planReturn.getId())).as("a draft is no engine variable")
                .doesNotContainKeys(ACHIEVEMENTS, PLANNED_ACTIVITIES, BLOCKAGES);

        officers.submit("lead", update(), Map.of(ACHIEVEMENTS, "As submitted", PLANNED_ACTIVITIES, "Next"));
        assertThat(lead.get(path).body()).as("submitted, the draft is done with")
                .contains("This plan has no update to write now.");
    }

    @Test
    @DisplayName("a submitted update's draft is gone: sent back, the update opens with what was submitted")
    void submittedDraftDoesNotComeBack() {
        WebSession lead = signedInToPages(port, "lead");
        save(lead, Map.of("achievements", "Half-written draft", "plannedActivities", "", "then", "save"));
        officers.submit("lead", update(), Map.of(ACHIEVEMENTS, "As submitted", PLANNED_ACTIVITIES, "Next"));
        officers.submit("judge", officers.task(planReturn.getId(), TASK_JUDGE_STATUS),
                Map.of(JUDGEMENT_OUTCOME, OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, "Which schools?"));

        assertThat(lead.get(path).body()).contains("As submitted")
                .doesNotContain("Half-written draft", "Draft saved at");
        VariableMap form = officers.as("lead", () -> formService.getTaskFormVariables(update().getId()));
        assertThat(form.get(ACHIEVEMENTS)).isEqualTo("As submitted");
    }

    @Test
    @DisplayName("the data-entry officer hands the draft to the lead officer, who is told")
    void handedToTheLead() {
        officers.as("clerk", () -> {
            taskService.setAssignee(update().getId(), "clerk");
            return null;
        });
        WebSession clerk = signedInToPages(port, "clerk");
        assertThat(clerk.get(path).body()).as("a new network's lead officer submits")
                .contains("Save and hand to Gareth Penhallow to submit");
        save(clerk, Map.of("achievements", DRAFT, "then", "handToLead"));

        assertThat(update().getAssignee()).isEqualTo("lead");
        Notification told = notifications.findByRecipientOrderByIdAsc("lead").stream()
                .filter(notification -> notification.getKind() == NotificationKind.DRAFT_HANDED_TO_LEAD)
                .reduce((first, last) -> last).orElseThrow();
        assertThat(told.getSubject()).isEqualTo("Draft update ready: please review and submit it - "
                + network.plan().getReference() + " " + network.plan().getTitle());
        assertThat(told.getModel()).as("what the email says, rendered when it is sent")
                .contains("Priya Oakenshaw, the plan's data-entry officer, has prepared the update")
                .contains("/tasks/" + update().getId())
                .as("not told again who may hand it over").doesNotContain("hand it to the lead officer there");
        assertThat(clerk.get(path).body()).contains("handed to the lead officer");
    }

    @Test
    @DisplayName("line breaks a browser sends as CR LF are kept as Tasklist's form sends them, LF")
    void lineBreaksAsTasklistSendsThem() {
        save(signedInToPages(port, "clerk"), Map.of("achievements", "First line\r\n- second line", "then", "save"));

        VariableMap form = officers.as("lead", () -> formService.getTaskFormVariables(update().getId()));
        assertThat(form.get(ACHIEVEMENTS)).isEqualTo("First line\n- second line");
    }

    @Test
    @DisplayName("saved when the officer leaves the page, by the browser's beacon")
    void savedOnLeaving() {
        WebSession lead = signedInToPages(port, "lead");
        String token = WebSession.csrfTokenIn(lead.get(path).body());
        Page onLeaving = lead.postForm(path + "/on-leaving", Map.of("achievements", "Left half way", "_csrf", token));
        assertThat(onLeaving.status()).isEqualTo(200);
        String page = lead.get(path).body();
        assertThat(page).contains("Left half way", "Draft saved at");
        assertThat(onLeaving.body()).as("the version the page bases its next save on")
                .isEqualTo("{\"version\":\"" + hidden(page, "basedOn") + "\"}");
    }

    @Test
    @DisplayName("a text too long is refused in words, and what was typed comes back, the saved draft unchanged")
    void aTextTooLongIsRefusedAndComesBack() {
        WebSession lead = signedInToPages(port, "lead");
        save(lead, Map.of("achievements", "Saved first", "then", "save"));
        String tooLong = "Typed " + "x".repeat(100_000);
        Page refused = save(lead, Map.of("achievements", tooLong, "then", "save"));

        assertThat(refused.location()).as("the page opens on what is wrong").endsWith(path + "#problem");
        String page = lead.get(path).body();
        assertThat(page).contains("Not saved: “Key achievements since last quarter” is 100,006 characters long; the "
                + "limit is 100,000. Shorten it, then save again.", tooLong)
                .as("what is wrong takes the focus").contains("id=\"problem\" tabindex=\"-1\"");
        assertThat(lead.get(path).body()).as("the draft as saved before").contains("Saved first")
                .doesNotContain("Typed x");
    }

    @Test
    @DisplayName("only the plan's lead and data-entry officers write it; only the data-entry officer hands it over")
    void onlyItsWritersWriteIt() {
        WebSession judge = signedInToPages(port, "judge");
        assertThat(judge.get(path).status()).isEqualTo(403);
        assertThat(save(judge, Map.of("achievements", "Mine", "then", "save")).status()).isEqualTo(403);
        WebSession lead = signedInToPages(port, "lead");
        assertThat(save(lead, Map.of("achievements", "Mine", "then", "handToLead")).status()).isEqualTo(403);
        assertThat(signedInToPages(port, "lead2").get(path).status()).isIn(403, 404);
    }

    @Test
    @DisplayName("on its page, not saved over a draft saved since the page was opened, not even on leaving; saved "
            + "over it once the officer is told and saves again")
    void pageNotOverADraftSavedSince() {
        WebSession clerk = signedInToPages(port, "clerk");
        String clerksPage = clerk.get(path).body();
        String basedOn = hidden(clerksPage, "basedOn");
        assertThat(save(signedInToPages(port, "lead"), Map.of("achievements", "The lead's words",
                "plannedActivities", "", "then", "save")).status()).isEqualTo(302);

        Map<String, String> typed = Map.of("achievements", "The clerk's words", "plannedActivities", "",
                "basedOn", basedOn, "_csrf", WebSession.csrfTokenIn(clerksPage));
        Page onLeaving = clerk.postForm(path + "/on-leaving", typed);
        assertThat(onLeaving.status()).isEqualTo(409);
        Page refused = clerk.postForm(path, withThen(typed, "save"));
        assertThat(refused.status()).isEqualTo(302);
        String told = clerk.get(path).body();
        assertThat(told).contains("Not saved: Gareth Penhallow saved this update&#39;s draft at ",
                "The clerk&#39;s words", "by Gareth Penhallow");
        assertThat(signedInToPages(port, "lead").get(path).body()).contains("The lead&#39;s words");

        Map<String, String> again = new HashMap<>(withThen(typed, "save"));
        again.put("replaces", hidden(told, "replaces"));
        again.put("_csrf", WebSession.csrfTokenIn(told));
        assertThat(clerk.postForm(path, again).status()).isEqualTo(302);
        assertThat(signedInToPages(port, "lead").get(path).body()).contains("The clerk&#39;s words",
                "by Priya Oakenshaw");
    }

    private static Map<String, String> withThen(Map<String, String> fields, String then) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("then", then);
        return form;
    }

    private static String hidden(String page, String name) {
        Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(value.find()).as(name + " in the page").isTrue();
        return value.group(1);
    }

    @Test
    @DisplayName("follows the officers its return opened with when the register names a new lead officer: the "
            + "return's lead saves it, the data-entry officer hands it to them, the new lead does not write it")
    void followsTheOfficersItsReturnOpenedWith() {
        transaction.executeWithoutResult(status -> plans.findById(network.plan().getId()).orElseThrow()
                .change(network.plan().getTitle(), "lead2", "judge"));
        String draft = "/drafts/" + update().getId();
        String texts = "{\"achievements\": \"Still mine\", \"plannedActivities\": \"\", \"blockages\": \"\"}";

        Page saved = WebSession.signedInToTasklist(port, "lead").tasklistPluginApi("PUT", draft, texts, true);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(WebSession.signedInToTasklist(port, "lead2").tasklistPluginApi("PUT", draft, texts, true).status())
                .as("the register's new lead officer").isEqualTo(403);
        Page handed = save(signedInToPages(port, "clerk"), Map.of("achievements", "Ready", "plannedActivities", "Next",
                "then", "handToLead"));
        assertThat(handed.status()).isEqualTo(302);
        assertThat(update().getAssignee()).isEqualTo("lead");
        assertThat(String.valueOf(officers.as("lead", () -> formService.getTaskFormVariables(update().getId()))
                .getValue("plan", Object.class))).as("the form names the return's lead officer")
                .contains("\"leadOfficer\":\"lead\"");
    }

    @Test
    @DisplayName("is answered as none to an officer of the network who holds no role in its plan, whose reference "
            + "a task's id does not tell them")
    void isNoneToAnOfficerWithoutARoleInItsPlan() {
        TestNetwork twoPlans = networks.create(2);
        ProcessInstance firstPlansReturn = openReturns.of(twoPlans);
        transaction.executeWithoutResult(status -> plans.findById(twoPlans.plans().get(1).getId()).orElseThrow()
                .change(twoPlans.plans().get(1).getTitle(), "lead2", "judge"));
        String draft = "/drafts/" + officers.task(firstPlansReturn.getId(), TASK_SUBMIT_UPDATE).getId();

        Page read = WebSession.signedInToTasklist(port, "lead2").tasklistPluginApi("GET", draft, null, true);

        assertThat(read.status()).as(read.body()).isEqualTo(404);
        assertThat(read.body()).doesNotContain(twoPlans.plan().getReference());
    }

    @Test
    @DisplayName("a plan without a data-entry officer has one writer: its missing officer is no user id, not even "
            + "\"null\"")
    void noDataEntryOfficerIsNoWriter() {
        TestNetwork withoutClerk = networks.create(1, TestNetworks.MANAGER_GROUP, "lead", "judge", null);
        openReturns.of(withoutClerk);
        Viewer managerCalledNull = new Viewer("null", Set.of(TestNetworks.MANAGER_GROUP));

        assertThatThrownBy(() -> drafts.save(withoutClerk.plan().getReference(), new ReturnUpdate("Mine", "", ""),
                null, managerCalledNull)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("Only the lead officer and the data-entry officer");
    }

    @Nested
    @DisplayName("saved from Tasklist's form, through the project's Tasklist plugin")
    class FromTasklist {

        @Test
        @DisplayName("by the lead or the data-entry officer, answered with the line the form shows; the form opens "
                + "with it")
        void savedByItsWriters() {
            Page saved = signedInToTasklist("clerk").tasklistPluginApi("PUT", "/drafts/" + update().getId(),
                    texts("In Tasklist, <b>as typed</b>"), true);
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.body()).contains("Draft saved at", "by Priya Oakenshaw.");

            VariableMap form = officers.as("lead", () -> formService.getTaskFormVariables(update().getId()));
            assertThat(form.get(ACHIEVEMENTS)).isEqualTo("In Tasklist, <b>as typed</b>");
            assertThat(runtimeService.getVariables(planReturn.getId())).as("a draft is no engine variable")
                    .doesNotContainKeys(ACHIEVEMENTS, PLANNED_ACTIVITIES, BLOCKAGES);
            assertThat(signedInToTasklist("lead").tasklistPluginApi("PUT", "/drafts/" + update().getId(),
                    texts("The lead's turn"), true).status()).isEqualTo(200);
            assertThat(signedInToPages(port, "lead").get(path).body()).contains("The lead&#39;s turn",
                    "by Gareth Penhallow");
        }

        @Test
        @DisplayName("not saved over a draft saved since the form was opened, in another window or by the other "
                + "officer, but refused saying who saved it when; saved knowingly over it, named")
        void notOverADraftSavedSince() throws Exception {
            String draft = "/drafts/" + update().getId();
            WebSession lead = signedInToTasklist("lead");
            WebSession clerk = signedInToTasklist("clerk");
            String opened = version(lead.tasklistPluginApi("GET", draft, null, true));
            assertThat(opened).as("no draft yet").isEmpty();

            Page first = lead.tasklistPluginApi("PUT", draft, based(texts("The lead's window"), opened), true);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            Page refused = clerk.tasklistPluginApi("PUT", draft, based(texts("The clerk's window"), opened), true);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("Not saved: Gareth Penhallow saved this update's draft at ",
                    "after this form was opened");
            assertThat(version(refused)).isEqualTo(version(first));
            assertThat(signedInToPages(port, "lead").get(path).body()).as("the lead's draft stands")
                    .contains("The lead&#39;s window");
            Page ownOtherWindow = lead.tasklistPluginApi("PUT", draft, based(texts("The lead's other window"),
                    opened), true);
            assertThat(ownOtherWindow.status()).isEqualTo(409);
            assertThat(ownOtherWindow.body()).as("the officer's own save, told as theirs")
                    .contains("Not saved: you saved this update's draft in another window or browser at ",
                            "after this form was opened")
                    .doesNotContain("Gareth Penhallow");

            Page replaced = clerk.tasklistPluginApi("PUT", draft, based(texts("The clerk's window"),
                    version(refused)), true);
            assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
            assertThat(version(clerk.tasklistPluginApi("GET", draft, null, true))).isEqualTo(version(replaced));
            assertThat(signedInToPages(port, "lead").get(path).body()).contains("The clerk&#39;s window");
        }

        private String based(String texts, String version) {
            return texts.substring(0, texts.length() - 1) + ", \"basedOn\": \"" + version + "\"}";
        }

        private String version(Page answer) throws Exception {
            return new ObjectMapper().readTree(answer.body()).get("version").asText();
        }

        @Test
        @DisplayName("refused, with nothing saved, signed out, without the CSRF token, for another officer, for "
                + "another network's manager, for a task that is no update, and for a text too long")
        void refusals() {
            String draft = "/drafts/" + update().getId();
            WebSession signedOut = new WebSession(port);
            signedOut.get("/camunda/app/tasklist/default/");
            assertThat(signedOut.tasklistPluginApi("PUT", draft, texts("Anyone's"), true).status()).isEqualTo(401);
            WebSession lead = signedInToTasklist("lead");
            Page judge = signedInToTasklist("judge").tasklistPluginApi("PUT", draft, texts("The judge's"), true);
            assertThat(judge.status()).isEqualTo(403);
            assertThat(judge.body()).contains("Only the lead officer and the data-entry officer");
            Page stranger = signedInToTasklist("manager2").tasklistPluginApi("PUT", draft, texts("Not mine"), true);
            assertThat(stranger.status()).as("another network's manager").isEqualTo(404);
            assertThat(stranger.body()).as("told as of a task that does not exist, not the task's plan")
                    .contains("There is no open update " + update().getId() + ".")
                    .doesNotContain(network.plan().getReference());
            Page tooLong = lead.tasklistPluginApi("PUT", draft, texts("x".repeat(100_001)), true);
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.body()).contains("Not saved: “Key achievements since last quarter” is 100,001 "
                    + "characters long; the limit is 100,000. Shorten it, then save again.");
            assertThat(signedInToTasklist("lead").tasklistPluginApi("PUT", draft, texts("Forged"), false).status())
                    .isEqualTo(403);
            assertThat(signedInToPages(port, "lead").get(path).body()).as("no draft saved")
                    .doesNotContain("Draft saved at");

            String submitted = update().getId();
            officers.submit("lead", update(), Map.of(ACHIEVEMENTS, "Submitted", PLANNED_ACTIVITIES, "Next"));
            String judgement = officers.task(planReturn.getId(), TASK_JUDGE_STATUS).getId();
            assertThat(lead.tasklistPluginApi("PUT", "/drafts/" + judgement, texts("Late"), true).status())
                    .isEqualTo(404);
            Page afterSubmission = signedInToTasklist("clerk").tasklistPluginApi("PUT", "/drafts/" + submitted,
                    texts("Written as the lead submitted"), true);
            assertThat(afterSubmission.status()).isEqualTo(404);
            assertThat(afterSubmission.body()).as("the update's other officer is told it was submitted, by whom, and "
                    + "that what their form holds is kept nowhere")
                    .contains("Not saved: this update was submitted by " + users.nameOf("lead") + " on ",
                            "What is written in this form was not sent: copy anything you want to keep");
            assertThat(signedInToTasklist("manager2").tasklistPluginApi("PUT", "/drafts/" + submitted,
                    texts("Not mine"), true).body()).as("another network's manager learns nothing of it")
                    .contains("There is no open update " + submitted + ".").doesNotContain("submitted by");
        }

        /**
         * A save that reaches the server while the update is submitted (the data-entry officer's, as the lead submits)
         * waits for the submission's transaction, which holds the return, and must then find the update gone.
         */
        @Test
        @DisplayName("refused when it waited for the update's submission to end, leaving no draft behind it")
        void savedAsTheUpdateIsSubmitted() throws Exception {
            String draft = "/drafts/" + update().getId();
            WebSession lead = signedInToTasklist("lead");
            CountDownLatch submittedNotCommitted = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> submission = threads.submit(() -> transaction.executeWithoutResult(status -> {
                    officers.submit("lead", update(), Map.of(ACHIEVEMENTS, "Submitted", PLANNED_ACTIVITIES, "Next"));
                    submittedNotCommitted.countDown();
                    awaitQuietly(commit);
                }));
                assertThat(submittedNotCommitted.await(30, SECONDS)).as("submitted, not yet committed").isTrue();
                Future<Page> saved = threads.submit(() -> lead.tasklistPluginApi("PUT", draft, texts("As it closed"),
                        true));
                awaitLockWait();
                commit.countDown();
                submission.get(30, SECONDS);

                Page page = saved.get(30, SECONDS);
                assertThat(page.status()).as(page.body()).isEqualTo(400);
                assertThat(page.body()).contains("has no update to write now");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM return_draft d JOIN plan_return r"
                        + " ON r.id = d.plan_return_id WHERE r.process_instance_id = ?", Long.class,
                        planReturn.getId())).as("drafts of the submitted update").isZero();
            } finally {
                commit.countDown();
                threads.shutdownNow();
            }
        }

        /**
         * Until the draft's save waits to lock the return, which the submission holds: its statement in the server's
         * process list (INNODB_TRX did not show the wait to the application's user here).
         */
        private void awaitLockWait() throws InterruptedException {
            for (int tries = 0; tries < 200; tries++) {
                if (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                        + " WHERE ID <> CONNECTION_ID() AND INFO LIKE 'select%from plan_return%for update%'",
                        Long.class) > 0) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("The draft's save never waited for the submission's lock on the return.");
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(30, SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String texts(String achievements) {
            return "{\"achievements\": \"" + achievements + "\", \"plannedActivities\": \"Next\", \"blockages\": \"\"}";
        }

        private WebSession signedInToTasklist(String user) {
            return WebSession.signedInToTasklist(port, user);
        }
    }

    private Page save(WebSession session, Map<String, String> fields) {
        Page page = session.get("/plans/" + network.plan().getReference());
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", WebSession.csrfTokenIn(page.body()));
        return session.postForm(path, form);
    }

    private Task update() {
        return officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE);
    }
}
