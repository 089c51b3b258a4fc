package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: each person signs in to Tasklist and lands on the filter holding their work, with its count;
 * task cards and the header show people by name; a task offers only the controls Camunda lets its viewer use; the
 * network's only manager opens the agreement of remedial actions and decides it without claiming it. A network and
 * people of its own; screenshots in {@code target/screenshots/PeopleInTasklistTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("People in Tasklist: by name, each on their work")
class PeopleInTasklistTest {

    private static final String LEAD = "tl-lead";
    private static final String JUDGE = "tl-judge";
    private static final String CLERK = "tl-clerk";
    private static final String MANAGER = "tl-manager";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    RuntimeService runtimeService;

    private Browser browser;
    private Tasklist tasklist;
    private ProcessInstance planReturn;
    private String plan;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

    @BeforeAll
    void anOpenReturnAndTheBrowser() {
        users.person(LEAD, "Jowan", "Keast");
        users.person(JUDGE, "Ysella", "Bolitho");
        users.person(CLERK, "Nessa", "Curnow");
        users.person(MANAGER, "Ruth", "Opie", "tl-managers");
        TestNetwork network = networks.create(1, "tl-managers", LEAD, JUDGE, CLERK);
        plan = network.plan().getReference();
        planReturn = openReturns.of(network);
        browser = new Browser(getClass().getSimpleName());
        tasklist = new Tasklist(browser, "http://localhost:" + port);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the data-entry officer sees the lead officer's name on the update")
    void theDataEntryOfficerSeesTheLeadOfficersName() {
        tasklist.signIn(CLERK);

        assertThat(tasklist.openFilterWithCount()).isEqualTo("My work 1");
        assertThat(tasklist.taskCards()).singleElement().asString().startsWith("Submit update: " + plan)
                .contains("Jowan Keast").doesNotContain(LEAD);
        assertThat(tasklist.signedInName(CLERK)).isEqualTo("Nessa Curnow");
        browser.screenshot("clerk-sees-the-leads-name");
    }

    @Test
    @Order(2)
    @DisplayName("the judge lands on their judgement, with its count, and sees names")
    void theJudgeLandsOnTheirJudgement() {
        officers.submit(LEAD, officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE),
                Map.of(ACHIEVEMENTS, "Most of it.", PLANNED_ACTIVITIES, "The rest."));

        tasklist.signIn(JUDGE);

        assertThat(tasklist.openFilterWithCount()).as("the filter Tasklist opens on").isEqualTo("My work 1");
        assertThat(tasklist.filterNamesWithCounts()).as("only the filters of the judge's role, each with its count")
                .containsExactly("My work 1", "Awaiting my judgement 1");
        assertThat(tasklist.taskCards()).singleElement().asString().startsWith("Judge status: " + plan)
                .contains("Ysella Bolitho");
        assertThat(tasklist.signedInName(JUDGE)).isEqualTo("Ysella Bolitho");
        browser.screenshot("judge-lands-on-their-judgement");

        tasklist.openFilter("Awaiting my judgement");
        assertThat(tasklist.openFilterWithCount()).isEqualTo("Awaiting my judgement 1");
        browser.screenshot("judge-opens-awaiting-my-judgement");
    }

    @Test
    @Order(3)
    @DisplayName("the judge is offered no comment, groups, × or editor of the assignee on their judgement, which "
            + "Camunda refuses them; the administrator is offered all four")
    void onlyWhatCamundaAllowsIsOffered() {
        String judgement = officers.task(planReturn.getId(), TASK_JUDGE_STATUS).getId();
        tasklist.signIn(JUDGE);
        tasklist.openTask("Judge status: " + plan, "The update submitted");
        assertThat(tasklist.assignee()).isEqualTo("Ysella Bolitho");
        // Camunda answers the script within a moment: a control it allowed would show by then.
        Browser.pause(1500);

        assertThat(tasklist.taskControlsShown()).as("Add Comment (400, no READ_HISTORY), groups and the × beside "
                + "their own name (403, no TASK_ASSIGN)").isEmpty();
        assertThat(tasklist.assigneeEditorOpensOnClick()).as("their name opens no editor to set another assignee "
                + "(403, no TASK_ASSIGN)").isFalse();
        assertThat(tasklist.assigneeNameIsFocusable()).as("nor does the keyboard reach it").isFalse();
        // until 7 December 2026 Tab reached the due date, and Enter opened a calendar to change it
        assertThat(tasklist.dueDateIsFocusable()).as("the due date, which no one changes in Tasklist, by keyboard")
                .isFalse();
        assertThat(tasklist.dueDateEditorOpensOnClick()).as("the due date opens no editor").isFalse();
        browser.screenshot("judge-offered-nothing-camunda-refuses");

        tasklist.signIn("demo");
        tasklist.goTo(Tasklist.TASKLIST + "#/?task=" + judgement);
        tasklist.awaitForm("The update submitted");
        // The administrator holds every right
        tasklist.awaitTaskControls("Add Comment", "groups", "× beside the assignee");
        assertThat(tasklist.assigneeNameIsFocusable()).as("the assignee's name, by keyboard").isTrue();
        assertThat(tasklist.assigneeEditorOpensOnClick()).as("the assignee's name opens the editor").isTrue();
        assertThat(tasklist.dueDateIsFocusable()).as("the due date: the deadline page moves it").isFalse();
        browser.screenshot("administrator-offered-every-control");
    }

    @Test
    @Order(4)
    @DisplayName("the network's only manager lands on the agreement, offered the × that hands it to another manager, "
            + "and decides it without claiming it")
    void theManagerAgreesWithoutClaiming() {
        officers.submit(JUDGE, officers.task(planReturn.getId(), TASK_JUDGE_STATUS), Map.of(JUDGEMENT_OUTCOME,
                OUTCOME_JUDGED, RAG_STATUS, "Red", JUDGEMENT_COMMENT, "Milestones missed."));
        officers.submit(LEAD, officers.task(planReturn.getId(), TASK_PROPOSE_REMEDIAL_ACTIONS),
                Map.of(REMEDIAL_ACTIONS, List.of(Map.of("action", "Restore the statistics", "owner",
                        "Police Hate Crime Unit", "dueDate", LocalDate.now().plusWeeks(6).toString()))));

        tasklist.signIn(MANAGER);

        assertThat(tasklist.openFilterWithCount()).isEqualTo("Remedial actions to agree 1");
        assertThat(tasklist.signedInName(MANAGER)).isEqualTo("Ruth Opie");
        tasklist.openTask("Agree remedial actions: " + plan, "Restore the statistics");
        assertThat(tasklist.canClaim()).as("nothing to claim").isFalse();
        assertThat(tasklist.assignee()).isEqualTo("Ruth Opie");
        // The managers' TASK_ASSIGN on the agreement, to hand it to each other; no comment or groups
        tasklist.awaitTaskControls("× beside the assignee");
        tasklist.choose("Agree the remedial actions");
        browser.screenshot("manager-agrees-without-claiming");
        tasklist.clickComplete();
        tasklist.awaitCompleted();

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(planReturn.getId()).count())
                .as("the return is complete").isZero();
    }

    @Test
    @Order(5)
    @DisplayName("an officer's profile page offers a new password but not a new name, which only an administrator "
            + "gives")
    void theProfileOffersANewPasswordButNotANewName() {
        tasklist.signIn(CLERK);
        tasklist.goTo(Tasklist.WELCOME);
        browser.await("the officer's profile", driver -> tasklist.isShown(".user-profile-display"));

        assertThat(tasklist.isShown(".user-profile .action-links li:nth-child(2) a")).as("Change password").isTrue();
        assertThat(tasklist.isShown(".user-profile .action-links li:first-child a")).as("Edit profile").isFalse();
        assertThat(tasklist.isShown(".ce-eol-banner")).as("Camunda 8's migration banner").isFalse();
        browser.screenshot("clerk-profile-offers-a-new-password");
    }
}
