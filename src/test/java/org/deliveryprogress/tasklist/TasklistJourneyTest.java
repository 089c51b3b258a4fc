package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
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
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The officers' path, in a real browser: each officer signs in to Camunda Tasklist, finds their task under their
 * filter and fills in its Camunda Form, as they will; the manager watches in Cockpit. Afterwards the application's
 * tables and the engine are checked for what the officers entered. Every step leaves a screenshot in
 * {@code target/screenshots/TasklistJourneyTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
// Runs after every other test class (junit-platform.properties orders classes by @Order): it completes the demo
// cycle's tasks, whose untouched state DemoDataTest reads (e.g. lead's three updates to submit).
@Order(Integer.MAX_VALUE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Officers in Tasklist")
class TasklistJourneyTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter READABLE_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final String NI1 = "CC-NI1 Community Cohesion NI 1";
    private static final String NI1_TITLE =
            "Community Cohesion NI 1 – People from different backgrounds getting on well with each other";

    /** Pasted in whole, as from a word processor: paragraphs, a bulleted list, a numbered list, quotes and dashes. */
    static final String ACHIEVEMENTS_TEXT = """
            Hate crime reporting
            Since the September network meeting the interim hate crime reporting arrangements agreed last quarter \
            have been put in place with all partners. A briefing on the reporting centres was circulated on \
            2 October to the district councils, the police divisions, the CVS network and Citizens Advice.

            What has been delivered this quarter:
            - CC.1.1: a joint workshop with Adult Social Care and Health on 14 October (26 officers); the draft \
            protocol (v0.3) is out for comment until 30 November.
            - CC.1.2: two community events in Killisick (11 October, about 120 residents) and Harworth \
            (25 October, about 80 residents), and <b>three</b> schools joined the *peer mentoring* scheme.
            - CC.1.3: a tension monitoring group in Ashfield now meets monthly; no incidents in Huthwaite.
            • CC.1.5: the online reporting form went live on 1 November and received 17 reports in three weeks.

            Indicator
            The residents' panel (wave 14, October) shows 74% agree that people from different backgrounds get on \
            well together, up from 71% – the 2026/27 target is 76%. Contact: j_smith@example.gov.uk & the \
            "Safer Communities" team.

            Remedial actions agreed last quarter
            1. Interim reporting arrangements and briefing – done.
            2. Neighbourhood policing arrangements for sign-off – agreed in principle, for the December meeting.""";
    static final String PLANNED_TEXT = """
            1. Finalise the joint hate crime protocol (v1.0) by 31 January.
            2. Bring the neighbourhood policing arrangements to the December meeting for sign-off.""";
    static final String BLOCKAGES_TEXT = """
            - The north division's Chief Inspector post is covered on an interim basis.
            - Two district councils have not nominated a reporting centre contact.""";
    static final String AMBER_COMMENT = "Two of the five open actions are behind schedule (CC.1.3 and CC.1.5) and "
            + "the policing arrangements agreed last quarter are not yet signed off.";
    static final String SEND_BACK = "Please make action 2 checkable: name the officer and the meeting it reports to.";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FilterService filterService;
    @Autowired
    CycleRepository cycles;
    @Autowired
    NetworkMeetingRepository meetings;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    Officers officers;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper objectMapper;

    private Browser browser;
    private Tasklist tasklist;
    private Cycle demoCycle;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

    @BeforeAll
    void openTheDemoCycleAndTheBrowser() {
        demoCycle = transaction.execute(status -> cycles.findAll().stream()
                .filter(cycle -> cycle.getReference().startsWith("SCN-") && cycle.getState() == Cycle.State.OPEN)
                .findFirst().orElseThrow());
        officers.runJobs(demoCycle.getProcessInstanceId());
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
    @DisplayName("NI 1's return: lead's update, judge's Amber, remedial actions sent back once and then agreed")
    void ni1ReturnFromUpdateToAgreedRemedialActions() throws Exception {
        ProcessInstance ni1 = demoReturn("CC-NI1");
        Long returnId = openReturns.returnId(ni1);
        Task update = officers.task(ni1.getId(), TASK_SUBMIT_UPDATE);

        // lead finds the update under their filter, with its due date, and the form with the plan and last quarter
        tasklist.signIn("lead");
        assertThat(tasklist.filterNames()).anyMatch(name -> name.startsWith("My returns to submit"))
                .noneMatch(name -> name.startsWith("All open work"));
        long toSubmit = officers.as("lead", () -> filterService.count(filterService.createFilterQuery()
                .filterName("My returns to submit").singleResult().getId()));
        assertThat(tasklist.filterNamesWithCounts()).as("each filter counts its tasks, the open one and the others")
                .contains("My returns to submit " + toSubmit);
        tasklist.openFilter("My returns to submit");
        tasklist.taskCard("Submit update: " + NI1);
        LocalDate due = LocalDate.ofInstant(update.getDueDate().toInstant(), LONDON);
        assertThat(tasklist.dueDateText("Submit update: " + NI1)).startsWith("Due in");
        assertThat(tasklist.dueDateTooltip("Submit update: " + NI1)).contains(READABLE_DAY.format(due));
        browser.screenshot("lead-my-returns-to-submit");

        tasklist.openTask("Submit update: " + NI1, NI1_TITLE);
        assertThat(tasklist.formText()).contains(NI1_TITLE, "Plan reference: CC-NI1",
                "Lead officer: Gareth Penhallow (Nottinghamshire County Council)",
                "Update due by: " + READABLE_DAY.format(due), "Last quarter's return", "Status: Amber",
                "tension monitoring", "Remedial actions agreed last quarter", "Progress on each open action",
                "NI 1: Percentage of people who believe", "Baseline 74.6 %");
        assertThat(tasklist.formText()).as("last quarter's agreed actions, with readable dates")
                .contains(lastQuartersAgreedActionDates(returnId).stream().map(READABLE_DAY::format).toList());
        browser.screenshot("lead-opens-the-ni1-update");

        assertThat(tasklist.isShown(".ce-eol-banner")).as("Camunda 8's migration banner").isFalse();
        assertThat(tasklist.isShown(".tasks-list .task .priority")).as("the engine's priority, 50").isFalse();
        assertThat(tasklist.isShown("li.create-task-action")).as("Create task: officers may not").isFalse();
        assertThat(tasklist.isShown("li.start-process-action")).as("Start process: officers start nothing").isFalse();
        assertThat(tasklist.isShown(".task-details .reset-due-date")).as("Reset due date: the network's").isFalse();

        // Submitted with nothing written: what is missing is listed at the top of the form, where the focus goes
        tasklist.clickFormButton("Submit update");
        assertThat(tasklist.awaitErrorSummary("Fill in “Key achievements since last quarter”")).containsExactly(
                "Fill in “Key achievements since last quarter”.",
                "Fill in “Key activities planned for the next quarter”.",
                "CC.1.5: Ensure that there is better reporting and recording… – Fill in “Status this quarter”.",
                "Agree interim hate crime reporting arrangements with… – Fill in “Done?”.",
                "Bring the final neighbourhood policing arrangements agreed… – Fill in “Done?”.");
        assertThat(tasklist.errorSummaryHasFocus()).isTrue();
        assertThat(tasklist.notifications()).as("Tasklist's notification, which covered the Complete button").isEmpty();
        assertThat(tasklist.followErrorSummaryLink("Key activities planned")).endsWith("Field_plannedActivities");
        browser.screenshot("lead-completes-an-empty-update");
        // Spaces only pass the form's own check; the server's refusal is shown in the same place, in its words
        tasklist.type("Field_achievements", "   ");
        tasklist.type("Field_plannedActivities", "To follow.");
        tasklist.type("Field_indicatorValue_0", "75.9");
        // The register's "update requested" is what the update is asked for: no status is chosen for it
        tasklist.openSelect("Field_actionStatus_4");
        tasklist.pickOption("on track");
        tasklist.openSelect("Field_followUpState_0");
        tasklist.pickOption("Done");
        tasklist.openSelect("Field_followUpState_1");
        tasklist.pickOption("In progress");
        // Tasklist can leave Complete greyed after a change in a list: the form's own button completes it
        tasklist.clickFormButton("Submit update");
        assertThat(tasklist.awaitErrorSummary("must be filled in")).singleElement().asString()
                .startsWith("Key achievements since last quarter");
        assertThat(tasklist.errorSummaryHasFocus()).isTrue();
        browser.screenshot("lead-is-told-what-the-server-refused");

        tasklist.paste("Field_achievements", ACHIEVEMENTS_TEXT);
        tasklist.type("Field_plannedActivities", PLANNED_TEXT);
        tasklist.type("Field_blockages", BLOCKAGES_TEXT);
        assertThat(tasklist.value("Field_achievements")).isEqualTo(ACHIEVEMENTS_TEXT);
        browser.screenshot("lead-fills-in-the-update");
        tasklist.clickFormButton("Submit update");
        tasklist.awaitCompleted();
        tasklist.awaitNoTaskCard("Submit update: " + NI1);
        assertThat(tasklist.awaitConfirmation()).as("where the form was").contains("Update submitted",
                "CC-NI1 " + NI1_TITLE, "Eleanor Brackwater, the judging officer, judges it next.");
        assertThat(tasklist.confirmationHasFocus()).isTrue();
        browser.screenshot("lead-has-submitted-the-update");

        ReturnRecord submitted = recorded(returnId);
        assertThat(submitted.state()).isEqualTo(ReturnState.AWAITING_JUDGEMENT);
        assertThat(submitted.achievements()).as("the pasted text, line breaks and bullets included")
                .isEqualTo(ACHIEVEMENTS_TEXT);
        assertThat(submitted.plannedActivities()).isEqualTo(PLANNED_TEXT);
        assertThat(submitted.blockages()).isEqualTo(BLOCKAGES_TEXT);
        assertThat(submitted.submittedBy()).isEqualTo("lead");
        assertThat(runtimeService.getVariables(ni1.getId())).as("officers' prose stays out of the engine")
                .doesNotContainKeys(PROSE_VARIABLES);

        // judge reads the update; Amber without a comment is refused in the form; with a comment it is accepted
        tasklist.signIn("judge");
        tasklist.openFilter("Awaiting my judgement");
        tasklist.openTask("Judge status: " + NI1, "The update submitted");
        assertThat(tasklist.formText()).contains("Submitted by Gareth Penhallow", "Hate crime reporting",
                "CC.1.5: the online reporting form went live on 1 November", "j_smith@example.gov.uk",
                "Finalise the joint hate crime protocol (v1.0) by 31 January.",
                "Two district councils have not nominated a reporting centre contact.", "Table A",
                "75.9 %", "Followed up", "In progress");
        assertThat(tasklist.proseShown()).as("every character as the lead wrote it: markup, bullets, line breaks")
                .startsWith(ACHIEVEMENTS_TEXT, PLANNED_TEXT, BLOCKAGES_TEXT);
        browser.screenshot("judge-reads-the-update");

        tasklist.choose("Amber – happening but slightly behind schedule");
        assertThat(tasklist.fieldIfShown("Field_judgementComment")).as("the comment a Red or Amber status needs")
                .isPresent();
        assertThat(tasklist.fieldIfShown("Field_bestPracticeComment")).isEmpty();
        tasklist.recordRequests();
        tasklist.clickComplete();
        assertThat(tasklist.awaitFieldErrors()).contains("Field is required.");
        Browser.pause(1_000);
        browser.screenshot("judge-amber-without-a-comment-is-refused");
        assertThat(tasklist.recordedRequests()).as("nothing was submitted")
                .noneMatch(request -> request.contains("submit-form") || request.contains("/complete"));
        Task judgement = officers.task(ni1.getId(), TASK_JUDGE_STATUS);
        assertThat(judgement).as("the task is still open").isNotNull();
        assertThat(recorded(returnId).state()).isEqualTo(ReturnState.AWAITING_JUDGEMENT);

        tasklist.type("Field_judgementComment", AMBER_COMMENT);
        tasklist.awaitNoFieldErrors();
        browser.screenshot("judge-amber-with-a-comment");
        tasklist.clickComplete();
        tasklist.awaitCompleted();
        browser.screenshot("judge-has-judged-amber");

        ReturnRecord judged = recorded(returnId);
        assertThat(judged.state()).isEqualTo(ReturnState.AWAITING_REMEDIAL_ACTIONS);
        assertThat(judged.ragStatus()).isEqualTo(RagStatus.Amber);
        assertThat(judged.judgementComment()).isEqualTo(AMBER_COMMENT);
        assertThat(judged.judgedBy()).isEqualTo("judge");

        // lead proposes two remedial actions: what, who, by when
        LocalDate firstDue = LocalDate.now(LONDON).plusWeeks(3);
        LocalDate secondDue = LocalDate.now(LONDON).plusMonths(2).withDayOfMonth(12);
        List<Proposal> proposed = List.of(
                new Proposal("Bring the neighbourhood policing arrangements to the December network meeting for "
                        + "sign-off.", "Stronger Communities manager, Nottinghamshire County Council", firstDue),
                new Proposal("Set a reporting date for the review of hate crime recording (CC.1.5).",
                        "Nottinghamshire Police Hate Crime Unit", secondDue));
        tasklist.signIn("lead");
        tasklist.openFilter("Remedial actions to propose");
        tasklist.openTask("Propose remedial actions: " + NI1, "The judgement");
        assertThat(tasklist.formText()).contains("(Eleanor Brackwater) set the status to Amber", AMBER_COMMENT);
        browser.screenshot("lead-opens-the-remedial-actions");
        fillRemedialAction(0, proposed.get(0), "lead-types-the-first-date");
        tasklist.addListEntry();
        fillRemedialAction(1, proposed.get(1), "lead-types-the-second-date");
        browser.screenshot("lead-proposes-two-remedial-actions");
        tasklist.recordRequests();
        tasklist.clickFormButton("Submit remedial actions");
        tasklist.awaitCompleted();
        browser.screenshot("lead-has-proposed-the-remedial-actions");

        assertThat(submittedRemedialActions()).as("what the form sent: a Json list of texts and dates in three boxes")
                .containsExactlyElementsOf(proposed);
        ReturnRecord proposal = recorded(returnId);
        assertThat(proposal.state()).isEqualTo(ReturnState.AWAITING_REMEDIAL_AGREEMENT);
        assertThat(proposal.remedialActions()).containsExactlyElementsOf(proposed.stream()
                .map(action -> action.recorded(RemedialAction.State.PROPOSED)).toList());

        // manager sends them back once
        tasklist.signIn("manager");
        tasklist.openFilter("Remedial actions to agree");
        tasklist.openTask("Agree remedial actions: " + NI1, "Proposed remedial actions");
        browser.screenshot("manager-opens-the-proposed-actions");
        assertThat(tasklist.canClaim()).as("the network's only manager has nothing to claim").isFalse();
        assertThat(tasklist.formText()).contains(proposed.get(0).action(), proposed.get(0).owner(),
                proposed.get(1).action(), proposed.get(1).owner(), READABLE_DAY.format(firstDue),
                READABLE_DAY.format(secondDue));
        tasklist.choose("Send back to the lead officer");
        tasklist.type("Field_remedialComment", SEND_BACK);
        browser.screenshot("manager-sends-the-actions-back");
        tasklist.clickComplete();
        tasklist.awaitCompleted();
        ReturnRecord sentBack = recorded(returnId);
        assertThat(sentBack.state()).isEqualTo(ReturnState.REMEDIAL_ACTIONS_SENT_BACK);
        assertThat(sentBack.remedialComment()).isEqualTo(SEND_BACK);

        // lead sees why, finds the actions as proposed, changes the second one and proposes them again
        Proposal changed = new Proposal("Set the reporting date for the review of hate crime recording (CC.1.5) and "
                + "bring interim findings to the February network meeting.",
                "DI Sarah Cole, Nottinghamshire Police Hate Crime Unit", secondDue);
        tasklist.signIn("lead");
        tasklist.openFilter("Remedial actions to propose");
        tasklist.openTask("Propose remedial actions: " + NI1, "sent your remedial actions back");
        assertThat(tasklist.formText()).contains(SEND_BACK);
        assertThat(tasklist.value("Field_remedialAction_0")).isEqualTo(proposed.get(0).action());
        assertThat(tasklist.value("Field_remedialOwner_0")).isEqualTo(proposed.get(0).owner());
        assertThat(dueDateBoxes(0)).as("day, month, year").containsExactly(firstDue.getDayOfMonth() + "",
                firstDue.getMonthValue() + "", firstDue.getYear() + "");
        tasklist.awaitListEntryShowing(0, "By " + READABLE_DAY.format(firstDue));
        assertThat(tasklist.value("Field_remedialAction_1")).isEqualTo(proposed.get(1).action());
        assertThat(dueDateBoxes(1)).containsExactly(secondDue.getDayOfMonth() + "", secondDue.getMonthValue() + "",
                secondDue.getYear() + "");
        tasklist.awaitListEntryShowing(1, "By " + READABLE_DAY.format(secondDue));
        browser.screenshot("lead-sees-the-actions-sent-back");
        tasklist.type("Field_remedialAction_1", changed.action());
        tasklist.type("Field_remedialOwner_1", changed.owner());
        browser.screenshot("lead-changes-the-second-action");
        tasklist.recordRequests();
        tasklist.clickFormButton("Submit remedial actions");
        tasklist.awaitCompleted();
        List<Proposal> proposedAgain = List.of(proposed.get(0), changed);
        assertThat(submittedRemedialActions()).containsExactlyElementsOf(proposedAgain);

        // manager agrees them
        tasklist.signIn("manager");
        tasklist.openFilter("Remedial actions to agree");
        tasklist.openTask("Agree remedial actions: " + NI1, "You sent the remedial actions back earlier");
        assertThat(tasklist.canClaim()).as("back to the manager who sent it back, with nothing to claim").isFalse();
        assertThat(tasklist.formText()).contains(changed.action(), changed.owner());
        tasklist.choose("Agree the remedial actions");
        browser.screenshot("manager-agrees-the-actions");
        tasklist.clickComplete();
        tasklist.awaitCompleted();
        browser.screenshot("manager-has-agreed-the-actions");

        ReturnRecord agreed = recorded(returnId);
        assertThat(agreed.state()).isEqualTo(ReturnState.COMPLETE);
        assertThat(agreed.achievements()).isEqualTo(ACHIEVEMENTS_TEXT);
        assertThat(agreed.ragStatus()).isEqualTo(RagStatus.Amber);
        assertThat(agreed.judgementComment()).isEqualTo(AMBER_COMMENT);
        assertThat(agreed.remedialDecidedBy()).isEqualTo("manager");
        assertThat(agreed.remedialActions()).containsExactlyElementsOf(proposedAgain.stream()
                .map(action -> action.recorded(RemedialAction.State.AGREED)).toList());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ni1.getId()).count())
                .as("the return's process has ended").isZero();
    }

    @Test
    @Order(2)
    @DisplayName("clerk, the data-entry officer, takes lead's update as candidate; told in the form that lead submits "
            + "in this network, clerk hands the draft over on the update's page, and lead submits it")
    void clerkPreparesAnUpdateForLeadsPlanAndHandsItOver() {
        ProcessInstance schools = demoReturn("CC-SCHOOLS");
        Long returnId = openReturns.returnId(schools);
        String task = "Submit update: CC-SCHOOLS";
        String title = "Schools and Young People";
        String achievements = "Eleven of the fourteen targeted schools have been visited.\n"
                + "- Nine have reviewed their cohesion policy.\n- Two visits are booked for January.";
        String planned = "Visit the last three schools and collect the policy reviews.";

        tasklist.signIn("clerk");
        tasklist.openFilter("My returns to submit");
        tasklist.openTask(task, title);
        assertThat(tasklist.completeIsEnabled()).as("lead's task, until clerk takes it").isFalse();
        assertThat(tasklist.formText()).contains("Data-entry officer: Priya Oakenshaw",
                "Gareth Penhallow, the lead officer, submits this update.",
                "Priya Oakenshaw, the data-entry officer, prepares it and hands it to the lead officer: take the "
                        + "task", "evidence included, and use Save; then hand it over on the draft page.",
                "To hand a draft to the lead officer, use the draft page.")
                .doesNotContain("may write and submit this update", "You submit this update");
        browser.screenshot("clerk-sees-leads-update");

        tasklist.removeAssignee();
        tasklist.claim();
        assertThat(officers.task(schools.getId(), TASK_SUBMIT_UPDATE).getAssignee()).isEqualTo("clerk");
        browser.screenshot("clerk-has-claimed-the-update");

        tasklist.signIn("lead");
        tasklist.openFilter("My returns to submit");
        assertThat(tasklist.taskCards()).filteredOn(card -> card.startsWith(task)).singleElement().asString()
                .as("lead still sees the update, now with clerk, by name").contains("Priya Oakenshaw");
        browser.screenshot("lead-sees-the-update-clerk-took");

        // Completed anyway, the update is refused in words that say what to do instead
        tasklist.signIn("clerk");
        tasklist.openFilter("My returns to submit");
        tasklist.openTask(task, title);
        tasklist.type("Field_achievements", achievements);
        tasklist.type("Field_plannedActivities", planned);
        tasklist.clickFormButton("Submit update");
        assertThat(tasklist.awaitErrorSummary("hand the draft to the lead officer")).anyMatch(problem -> problem
                .contains("hand the draft to the lead officer, Gareth Penhallow, on the update's page "
                        + "(/plans/CC-SCHOOLS/update)"));
        browser.screenshot("clerk-is-told-to-hand-the-draft-over");
        assertThat(officers.task(schools.getId(), TASK_SUBMIT_UPDATE)).as("the update is still open").isNotNull();
        assertThat(recorded(returnId).state()).isEqualTo(ReturnState.AWAITING_UPDATE);

        signInToTheApplication("clerk");
        // what clerk typed in Tasklist's form is the draft: the browser saved it as clerk left the form (its request
        // may still be on its way as the page opens)
        browser.await("the draft page with what clerk typed in Tasklist", driver -> {
            browser.open("http://localhost:" + port + "/plans/CC-SCHOOLS/update");
            return browser.findAll(By.id("achievements")).stream()
                    .anyMatch(box -> achievements.equals(box.getAttribute("value")));
        });
        assertThat(tasklist.pageText()).contains("In this network the lead officer, Gareth Penhallow, submits the "
                + "update, not the data-entry officer.");
        browser.find(By.id("achievements")).clear();
        browser.find(By.id("achievements")).sendKeys(achievements);
        browser.find(By.id("plannedActivities")).clear();
        browser.find(By.id("plannedActivities")).sendKeys(planned);
        browser.screenshot("clerk-writes-the-draft");
        browser.find(By.xpath("//button[normalize-space()='Save and hand to Gareth Penhallow to submit']")).click();
        browser.await("the hand-over", driver -> tasklist.pageText().contains("handed to the lead officer"));
        browser.screenshot("clerk-has-handed-the-draft-to-lead");
        assertThat(officers.task(schools.getId(), TASK_SUBMIT_UPDATE).getAssignee()).isEqualTo("lead");

        tasklist.signIn("lead");
        tasklist.openFilter("My returns to submit");
        tasklist.openTask(task, "by Priya Oakenshaw");
        assertThat(tasklist.value("Field_achievements")).as("the form opens with the draft").isEqualTo(achievements);
        assertThat(tasklist.formText()).as("lead reads the hand-over as the one it is handed to, not clerk's steps")
                .contains("You submit this update. In this network Priya Oakenshaw, the data-entry officer, may "
                        + "prepare it and hand it to you")
                .doesNotContain("take the task", "then hand it over on the draft page", "To hand a draft to the lead");
        browser.screenshot("lead-opens-the-handed-over-draft");
        tasklist.type("Field_indicatorValue_0", "68.4");
        tasklist.clickFormButton("Submit update");
        tasklist.awaitCompleted();
        browser.screenshot("lead-has-submitted-the-update");

        ReturnRecord submitted = recorded(returnId);
        assertThat(submitted.state()).isEqualTo(ReturnState.AWAITING_JUDGEMENT);
        assertThat(submitted.submittedBy()).isEqualTo("lead");
        assertThat(submitted.achievements()).isEqualTo(achievements);
        assertThat(submitted.blockages()).isNull();
        assertThat(officers.task(schools.getId(), TASK_JUDGE_STATUS).getAssignee()).isEqualTo("judge");
    }

    @Test
    @Order(3)
    @DisplayName("manager sees the running cycle and its returns by business key in Cockpit; manager2, of another "
            + "network, none of them")
    void managerSeesTheCycleAndItsReturnsInCockpit() {
        List<String> running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKeyLike(demoCycle.getReference() + "/%").list().stream()
                .map(ProcessInstance::getBusinessKey).toList();
        assertThat(running).contains(demoCycle.getReference() + "/CC-LEAD", demoCycle.getReference() + "/CC-HATE");

        tasklist.signInToCockpit("manager");
        browser.screenshot("manager-opens-cockpit");

        tasklist.goTo(Tasklist.COCKPIT + "#/process-definition/" + latestDefinition("quarterlyCycle")
                + "/runtime?searchQuery=" + search("businessKey", null, demoCycle.getReference()));
        browser.await("the cycle's instance", driver -> tasklist.pageText().contains(demoCycle.getReference()));
        Browser.pause(1_500);
        browser.screenshot("manager-sees-the-running-cycle");

        tasklist.goTo(Tasklist.COCKPIT + "#/process-definition/" + latestDefinition(PROCESS_KEY)
                + "/runtime?searchQuery=" + search("variables", "cycleId", demoCycle.getId().toString()));
        browser.await("the cycle's returns", driver -> running.stream().allMatch(tasklist.pageText()::contains));
        Browser.pause(1_500);
        browser.screenshot("manager-sees-the-returns-by-business-key");
        assertThat(browser.findAll(By.xpath("//tbody/tr[contains(., '" + demoCycle.getReference() + "/')]")))
                .as("a row for each running return of the cycle, and no other").hasSize(running.size());

        String leadReturn = demoCycle.getReference() + "/CC-LEAD";
        browser.find(By.xpath("//tr[contains(., '" + leadReturn + "')]//a[contains(@href, "
                + "'process-instance')]")).click();
        browser.await("CC-LEAD's return", driver -> tasklist.pageText().contains("Business Key")
                && tasklist.pageText().contains(leadReturn));
        Browser.pause(2_000);
        browser.screenshot("manager-opens-cc-lead-return");

        Cycle healthCycle = transaction.execute(status -> cycles.findAll().stream()
                .filter(cycle -> cycle.getReference().startsWith("HWB-") && cycle.getState() == Cycle.State.OPEN)
                .findFirst().orElseThrow());
        officers.runJobs(healthCycle.getProcessInstanceId());
        tasklist.signInToCockpit("manager2");
        tasklist.goTo(Tasklist.COCKPIT + "#/process-definition/" + latestDefinition(PROCESS_KEY) + "/runtime");
        browser.await("the Health and Wellbeing network's returns",
                driver -> tasklist.pageText().contains("/HW-SMOKE") && tasklist.pageText().contains("/HW-ACTIVE"));
        Browser.pause(1_500);
        browser.screenshot("manager2-sees-only-the-hwb-returns");
        assertThat(tasklist.pageText()).as("another network's returns").doesNotContain("/CC-");
        tasklist.goTo(Tasklist.COCKPIT + "#/process-instance/" + runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(leadReturn).singleResult().getId() + "/runtime");
        Browser.pause(2_000);
        browser.screenshot("manager2-cannot-open-an-scn-return");
        assertThat(tasklist.pageText()).doesNotContain(leadReturn);
    }

    @Test
    @Order(4)
    @DisplayName("an officer who is not the assignee neither sees the task nor opens it by its address")
    void otherOfficersNeitherSeeNorOpenTheTask() {
        ProcessInstance leadPlan = demoReturn("CC-LEAD");
        Task update = officers.task(leadPlan.getId(), TASK_SUBMIT_UPDATE);
        assertThat(update.getAssignee()).isEqualTo("lead");

        tasklist.signIn("lead2");
        tasklist.openFilter("My returns to submit");
        browser.await("lead2's own tasks", driver -> !tasklist.taskCards().isEmpty());
        assertThat(tasklist.taskCards()).noneMatch(card -> card.contains("CC-LEAD"));
        browser.screenshot("lead2-does-not-see-cc-lead");

        tasklist.goTo(Tasklist.TASKLIST + "#/?task=" + update.getId());
        assertThat(tasklist.awaitNotification("This task is not open to you")).isNotEmpty();
        Browser.pause(1_000);
        assertThat(tasklist.formText()).isEmpty();
        assertThat(tasklist.pageText()).doesNotContain("Leadership and Engagement");
        browser.screenshot("lead2-cannot-open-cc-lead-by-its-address");

        tasklist.signIn("judge");
        tasklist.openFilter("My work");
        Browser.pause(1_500);
        assertThat(tasklist.taskCards()).noneMatch(card -> card.contains("CC-LEAD"));
        tasklist.goTo(Tasklist.TASKLIST + "#/?task=" + update.getId());
        assertThat(tasklist.awaitNotification("This task is not open to you")).isNotEmpty();
        assertThat(tasklist.formText()).isEmpty();
        browser.screenshot("judge-cannot-open-cc-lead-by-its-address");
        assertThat(officers.task(leadPlan.getId(), TASK_SUBMIT_UPDATE).getAssignee()).isEqualTo("lead");
    }

    @Test
    @Order(5)
    @DisplayName("every remedial action arrives, however many: the list never collapses entries it would lose")
    void everyRemedialActionArrivesHoweverMany() throws Exception {
        TestNetwork network = networks.create(1);
        ProcessInstance planReturn = openReturns.of(network);
        openReturns.judgeRed(planReturn, "Milestones missed.");
        Long returnId = openReturns.returnId(planReturn);
        String task = "Propose remedial actions: " + network.plan().getReference();
        // form-js shows five entries of a list before collapsing the rest, and 1.8.7 does not submit collapsed ones
        List<Proposal> proposed = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            proposed.add(new Proposal("Remedial action number " + i + ".", "Officer " + i,
                    LocalDate.now(LONDON).plusDays(7L * i)));
        }

        tasklist.signIn("lead");
        tasklist.openFilter("Remedial actions to propose");
        tasklist.openTask(task, "set the status to Red");
        for (int i = 0; i < proposed.size(); i++) {
            if (i > 0) {
                tasklist.addListEntry();
            }
            fillRemedialAction(i, proposed.get(i), null);
        }
        assertThat(tasklist.listEntries("Field_remedialAction")).isEqualTo(proposed.size());
        assertThat(tasklist.formText()).contains("Remedial action 1", "Remedial action 7");
        assertThat(tasklist.pageText()).doesNotContain("Expand all");
        browser.screenshot("lead-proposes-seven-remedial-actions");
        tasklist.recordRequests();
        tasklist.clickFormButton("Submit remedial actions");
        tasklist.awaitCompleted();
        browser.screenshot("lead-has-proposed-seven-remedial-actions");

        assertThat(submittedRemedialActions()).containsExactlyElementsOf(proposed);
        assertThat(recorded(returnId).remedialActions()).containsExactlyElementsOf(proposed.stream()
                .map(action -> action.recorded(RemedialAction.State.PROPOSED)).toList());
    }

    @Test
    @Order(6)
    @DisplayName("manager starts a network's cycle from Tasklist's start form, which offers the meetings ahead of "
            + "their networks alone")
    void managerStartsACycleInTasklist() {
        TestNetwork network = networks.create(1);
        String meeting = network.network().getName() + ",";

        tasklist.signIn("manager");
        tasklist.openStartForm("Quarterly cycle");
        List<String> offered = tasklist.openSelect("Field_meetingId");
        browser.screenshot("manager-is-offered-the-meetings-ahead");
        assertThat(offered).anyMatch(option -> option.startsWith(meeting))
                .noneMatch(option -> option.startsWith("Health and Wellbeing"));
        tasklist.pickOption(meeting);
        tasklist.clickStart();
        browser.screenshot("manager-has-started-the-cycle");

        Cycle started = cycles.findByMeetingId(network.meeting().getId()).orElseThrow();
        assertThat(started.getOpenedBy()).isEqualTo("manager");
        assertThat(started.getState()).isEqualTo(Cycle.State.OPEN);
    }

    @Test
    @Order(7)
    @DisplayName("manager is told why a meeting's cycle cannot start yet in the application's words, without the "
            + "engine's and the process definition's id before them")
    void managerIsToldWhyACycleCannotStartYet() {
        TestNetwork network = networks.create(1);
        openReturns.of(network);
        NetworkMeeting nextQuarter = meetings.save(new NetworkMeeting(network.network(),
                network.meeting().getMeetingDate().plusWeeks(13)));

        tasklist.signIn("manager");
        tasklist.openStartForm("Quarterly cycle");
        tasklist.openSelect("Field_meetingId");
        tasklist.pickOption(network.network().getName() + ",");
        String refusal = tasklist.clickStartRefused("is still open: a network runs one cycle at a time.");
        browser.screenshot("manager-is-told-why-the-cycle-cannot-start-yet");

        assertThat(refusal).contains("The process could not be started. The cycle " + network.network().getCode())
                .doesNotContain("Cannot instantiate", "quarterlyCycle:", " : ");
        assertThat(cycles.findByMeetingId(nextQuarter.getId())).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static final String[] PROSE_VARIABLES = { ACHIEVEMENTS, PLANNED_ACTIVITIES, BLOCKAGES };

    /** A remedial action as the officer enters it. */
    record Proposal(String action, String owner, LocalDate dueDate) {

        RecordedAction recorded(RemedialAction.State state) {
            return new RecordedAction(action, owner, dueDate, state);
        }
    }

    record RecordedAction(String action, String owner, LocalDate dueDate, RemedialAction.State state) {
    }

    record ReturnRecord(ReturnState state, String achievements, String plannedActivities, String blockages,
            String submittedBy, RagStatus ragStatus, String judgementComment, String judgedBy,
            String remedialComment, String remedialDecidedBy, List<RecordedAction> remedialActions) {
    }

    /** Types the action, who and the date, day first in its three boxes, and waits for the date in words. */
    private void fillRemedialAction(int index, Proposal proposal, String screenshotStep) {
        tasklist.type("Field_remedialAction_" + index, proposal.action());
        tasklist.type("Field_remedialOwner_" + index, proposal.owner());
        tasklist.type("Field_remedialDueDay_" + index, proposal.dueDate().getDayOfMonth() + "");
        tasklist.type("Field_remedialDueMonth_" + index, proposal.dueDate().getMonthValue() + "");
        tasklist.type("Field_remedialDueYear_" + index, proposal.dueDate().getYear() + "");
        tasklist.awaitListEntryShowing(index, "By " + READABLE_DAY.format(proposal.dueDate()));
        if (screenshotStep != null) {
            browser.screenshot(screenshotStep);
        }
    }

    private List<String> dueDateBoxes(int index) {
        return List.of(tasklist.value("Field_remedialDueDay_" + index),
                tasklist.value("Field_remedialDueMonth_" + index), tasklist.value("Field_remedialDueYear_" + index));
    }

    /**
     * The remedial actions of the last form submission the page sent, as sent: texts, and the date as typed in its
     * three boxes, day, month and year, with no ISO date beside them.
     */
    private List<Proposal> submittedRemedialActions() throws Exception {
        JsonNode variables = objectMapper.readTree(tasklist.lastFormSubmission()).get("variables");
        JsonNode actions = variables.get(REMEDIAL_ACTIONS);
        assertThat(actions.get("type").asText()).isEqualTo("Json");
        List<Proposal> submitted = new ArrayList<>();
        for (JsonNode entry : objectMapper.readTree(actions.get("value").asText())) {
            assertThat(entry.get("action").isTextual() && entry.get("owner").isTextual()
                    && entry.get(DUE_DAY).isTextual() && entry.get(DUE_MONTH).isTextual()
                    && entry.get(DUE_YEAR).isTextual() && !entry.has(DUE_DATE))
                    .as("texts, the date in its three boxes: " + entry).isTrue();
            submitted.add(new Proposal(entry.get("action").asText(), entry.get("owner").asText(), LocalDate.of(
                    entry.get(DUE_YEAR).asInt(), entry.get(DUE_MONTH).asInt(), entry.get(DUE_DAY).asInt())));
        }
        return submitted;
    }

    private List<LocalDate> lastQuartersAgreedActionDates(Long returnId) {
        return transaction.execute(status -> {
            PlanReturn current = returns.findById(returnId).orElseThrow();
            PlanReturn previous = returns.findPrevious(current.getPlan().getId(), current.getCycle().getId())
                    .orElseThrow();
            return previous.getRemedialActions().stream()
                    .filter(action -> action.getState() == RemedialAction.State.AGREED)
                    .map(RemedialAction::getDueDate).toList();
        });
    }

    /** Signs in at the application's own sign-in page, for its pages (a fresh session). */
    private void signInToTheApplication(String user) {
        String base = "http://localhost:" + port;
        browser.open(base + "/login");
        browser.driver().manage().deleteAllCookies();
        browser.open(base + "/login");
        browser.find(By.id("username")).sendKeys(user);
        browser.find(By.id("password")).sendKeys("demo");
        browser.find(By.cssSelector("button[type='submit']")).click();
        browser.await("the sign-in of " + user, driver -> !driver.getCurrentUrl().contains("/login"));
    }

    private ProcessInstance demoReturn(String planReference) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(demoCycle.getReference() + "/" + planReference).singleResult();
    }

    private ReturnRecord recorded(Long returnId) {
        return transaction.execute(status -> {
            PlanReturn planReturn = returns.findById(returnId).orElseThrow();
            return new ReturnRecord(planReturn.getState(), planReturn.getAchievements(),
                    planReturn.getPlannedActivities(), planReturn.getBlockages(), planReturn.getSubmittedBy(),
                    planReturn.getRagStatus(), planReturn.getJudgementComment(), planReturn.getJudgedBy(),
                    planReturn.getRemedialComment(), planReturn.getRemedialDecidedBy(),
                    planReturn.getRemedialActions().stream().map(action -> new RecordedAction(action.getAction(),
                            action.getOwner(), action.getDueDate(), action.getState())).toList());
        });
    }

    private String latestDefinition(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
    }

    /** Cockpit's search pill in its address, as Cockpit writes it when a manager adds one. */
    private String search(String type, String name, String value) {
        String pill = "[{\"type\":\"" + type + "\",\"operator\":\"eq\",\"value\":\"" + value + "\",\"name\":\""
                + (name == null ? "" : name) + "\"}]";
        return URLEncoder.encode(pill, StandardCharsets.UTF_8);
    }
}
