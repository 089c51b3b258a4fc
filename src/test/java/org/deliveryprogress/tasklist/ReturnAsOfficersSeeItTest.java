package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.tasklist.Browser.Language;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14, "what officers see is what is stored": a return's whole cycle in Chromium, as each of its officers, in a
 * browser set to British English and in one set to American English (the language decides how a browser writes and
 * reads dates, and which language pages are asked for). After each completion Tasklist's script confirms it where the
 * form was, with the focus on it and a link to the return as submitted; every date and text a screen shows on the
 * way (the task list, the forms, the confirmation, the return's page, the meeting pack) is compared with what the
 * application stored. Screenshots in {@code target/screenshots/ReturnAsOfficersSeeItTest-<language>/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("A return as its officers see it")
class ReturnAsOfficersSeeItTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Dates as the partnership reads them, whatever the browser's language. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_OF_WEEK = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(LONDON);

    private static final String ACHIEVEMENTS_TEXT = """
            Eleven of the fourteen targeted schools were visited by 02/10, the rest by 10/02.
            - Nine have reviewed their <b>cohesion</b> policy & two more are "in progress".
            - The panel's wave 14 shows 74% agree (target 76%).""";
    private static final String PLANNED_TEXT = "Visit the last three schools and collect the policy reviews.";
    private static final String BLOCKAGES_TEXT = "Two district councils have not named a contact.";
    private static final String AMBER_COMMENT = "Three schools are behind schedule; the reviews are not yet in.";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TestNetworks networks;
    @Autowired
    ScriptedCycle scriptedCycle;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    UserDirectory users;
    @Autowired
    TransactionTemplate transaction;

    @ParameterizedTest(name = "in a browser set to {0}")
    @EnumSource(Language.class)
    @DisplayName("confirms each completion with a link to the return as submitted, and every screen shows what is "
            + "stored")
    void eachCompletionConfirmedAndEveryScreenShowsWhatIsStored(Language language) {
        TestNetwork network = networks.create(2);
        Cycle cycle = scriptedCycle.open(network);
        DeliveryPlan plan = network.plans().get(0);
        DeliveryPlan otherPlan = network.plans().get(1);
        Long returnId = (Long) runtimeService.getVariable(
                scriptedCycle.task(cycle, plan, TASK_SUBMIT_UPDATE).getProcessInstanceId(), RETURN_ID);
        String base = "http://localhost:" + port;
        String returnPage = base + "/plans/" + plan.getReference() + "/returns/" + cycle.getReference();
        String planAndMeeting = plan.getReference() + " " + plan.getTitle() + ", for the network meeting on "
                + DAY.format(network.meeting().getMeetingDate());
        String readWhatYouSent = "Read what you sent: the return of " + plan.getReference() + " for "
                + cycle.getReference() + ", as submitted.";
        int nextYear = LocalDate.now(LONDON).getYear() + 1;
        // September: the one month whose short name differs between the two Englishes (Sept, Sep)
        LocalDate secondOfSeptember = LocalDate.of(nextYear, 9, 2);
        LocalDate lastOfJanuary = LocalDate.of(nextYear, 1, 31);

        try (Browser browser = new Browser(getClass().getSimpleName() + "-" + language.tag(), language)) {
            Tasklist tasklist = new Tasklist(browser, base);

            // lead: the update's deadline as stored, in the list and in the form; the update written and submitted
            tasklist.signIn("lead");
            assertThat(browser.<String>script("return navigator.language;")).isEqualTo(language.tag());
            tasklist.openFilter("My returns to submit");
            String update = "Submit update: " + plan.getReference();
            LocalDate updateDue = dueDay(scriptedCycle.task(cycle, plan, TASK_SUBMIT_UPDATE));
            assertThat(tasklist.dueDateTooltip(update)).contains(DAY.format(updateDue));
            tasklist.openTask(update, plan.getTitle());
            assertThat(tasklist.formText()).contains("Update due by: " + DAY.format(updateDue));
            tasklist.type("Field_achievements", ACHIEVEMENTS_TEXT);
            tasklist.type("Field_plannedActivities", PLANNED_TEXT);
            tasklist.type("Field_blockages", BLOCKAGES_TEXT);
            tasklist.clickComplete();
            tasklist.awaitCompleted();
            assertThat(tasklist.awaitConfirmation()).contains("Update submitted", planAndMeeting,
                    users.nameOf("judge") + ", the judging officer, judges it next.", readWhatYouSent);
            assertThat(tasklist.confirmationHasFocus()).isTrue();
            assertThat(tasklist.confirmationLink()).isEqualTo(returnPage);
            browser.screenshot("lead-is-told-the-update-is-submitted");

            // the link opens the return as stored: the texts exactly as typed, who submitted them and when
            PlanReturn submitted = recorded(returnId);
            assertThat(List.of(submitted.getAchievements(), submitted.getPlannedActivities(),
                    submitted.getBlockages())).containsExactly(ACHIEVEMENTS_TEXT, PLANNED_TEXT, BLOCKAGES_TEXT);
            tasklist.followConfirmationLink();
            signInToPages(browser, "lead", returnPage);
            browser.screenshot("lead-reads-the-update-as-submitted");
            assertThat(textsOnPage(browser, "main pre.text")).startsWith(ACHIEVEMENTS_TEXT, PLANNED_TEXT,
                    BLOCKAGES_TEXT);
            assertThat(pageText(browser)).contains("As submitted by " + users.nameOf("lead") + " on "
                    + MOMENT.format(submitted.getSubmittedAt()) + ".", "Where it stands: Awaiting judgement.");

            // judge: reads the update as stored, sets Amber; the confirmation goes when another task is opened
            scriptedCycle.update(cycle, otherPlan, "The other plan's achievements.", "Its plans.", null);
            tasklist.signIn("judge");
            tasklist.openFilter("Awaiting my judgement");
            tasklist.openTask("Judge status: " + plan.getReference(), "The update submitted");
            assertThat(tasklist.proseShown()).startsWith(ACHIEVEMENTS_TEXT, PLANNED_TEXT, BLOCKAGES_TEXT);
            tasklist.choose("Amber – happening but slightly behind schedule");
            tasklist.type("Field_judgementComment", AMBER_COMMENT);
            tasklist.clickComplete();
            tasklist.awaitCompleted();
            assertThat(tasklist.awaitConfirmation()).contains("Status set: Amber", planAndMeeting,
                    users.nameOf("lead") + ", the lead officer, proposes remedial actions next.", readWhatYouSent);
            assertThat(tasklist.confirmationHasFocus()).isTrue();
            browser.screenshot("judge-is-told-the-status-is-set");
            tasklist.openTask("Judge status: " + otherPlan.getReference(), "The other plan's achievements.");
            assertThat(tasklist.confirmationIsShown()).as("once another task is open").isFalse();
            browser.screenshot("judge-opens-another-judgement");

            // lead: two remedial actions, dates typed day first and shown in words, stored as typed
            tasklist.signIn("lead");
            tasklist.openFilter("Remedial actions to propose");
            tasklist.openTask("Propose remedial actions: " + plan.getReference(), "set the status to Amber");
            proposeAction(tasklist, 0, "Visit the last three schools.", "Schools team", secondOfSeptember);
            tasklist.addListEntry();
            proposeAction(tasklist, 1, "Collect the policy reviews.", "Cohesion officer", lastOfJanuary);
            tasklist.clickFormButton("Submit remedial actions");
            tasklist.awaitCompleted();
            assertThat(tasklist.awaitConfirmation()).contains("Remedial actions proposed", planAndMeeting,
                    users.nameOf("manager") + ", the network's manager, agrees them or sends them back next.");
            assertThat(tasklist.confirmationHasFocus()).isTrue();
            browser.screenshot("lead-is-told-the-actions-are-proposed");
            assertThat(recorded(returnId).getRemedialActions()).extracting(RemedialAction::getDueDate)
                    .containsExactly(secondOfSeptember, lastOfJanuary);

            // manager: reads the dates in words, agrees; the return's page shows everything as stored
            tasklist.signIn("manager");
            tasklist.openFilter("Remedial actions to agree");
            tasklist.openTask("Agree remedial actions: " + plan.getReference(), "Proposed remedial actions");
            if (tasklist.canClaim()) {
                tasklist.claim();
            }
            assertThat(tasklist.formText()).contains(DAY.format(secondOfSeptember), DAY.format(lastOfJanuary));
            tasklist.choose("Agree the remedial actions");
            tasklist.clickComplete();
            tasklist.awaitCompleted();
            assertThat(tasklist.awaitConfirmation()).contains("Remedial actions agreed", planAndMeeting,
                    "The return is complete; its lead and judging officers are told by email.", readWhatYouSent);
            assertThat(tasklist.confirmationHasFocus()).isTrue();
            browser.screenshot("manager-is-told-the-actions-are-agreed");

            PlanReturn agreed = recorded(returnId);
            tasklist.followConfirmationLink();
            signInToPages(browser, "manager", returnPage);
            browser.screenshot("manager-reads-the-return-as-submitted");
            assertThat(textsOnPage(browser, "main pre.text")).startsWith(agreed.getAchievements(),
                    agreed.getPlannedActivities(), agreed.getBlockages(), agreed.getJudgementComment());
            assertThat(pageText(browser)).contains("As submitted by " + users.nameOf("lead") + " on "
                    + MOMENT.format(agreed.getSubmittedAt()) + ".", "Amber, judged by " + users.nameOf("judge")
                    + " on " + MOMENT.format(agreed.getJudgedAt()) + ".", "Where it stands: Complete.");
            assertThat(textsOnPage(browser, "main table tbody tr")).containsExactlyElementsOf(agreed
                    .getRemedialActions().stream().map(action -> action.getAction() + "\t" + action.getOwner()
                            + "\t" + DAY.format(action.getDueDate()) + "\tYes").toList());

            // the cycle closes: the meeting pack shows the return as stored
            scriptedCycle.close(cycle);
            browser.open(base + "/packs/" + cycle.getReference());
            browser.await("the pack", driver -> pageText(browser).contains("Meeting pack: "));
            browser.screenshot("manager-reads-the-pack");
            String article = browser.script("""
                    return [...document.querySelectorAll('#returns article')]
                      .find(article => article.querySelector('h3').textContent.startsWith(arguments[0])).id;""",
                    plan.getReference() + " ");
            assertThat(textsOnPage(browser, "#" + article + " p.text")).startsWith(agreed.getAchievements(),
                    agreed.getPlannedActivities(), agreed.getBlockages(), agreed.getJudgementComment());
            assertThat(textsOnPage(browser, "#" + article + " li")).containsExactlyElementsOf(agreed
                    .getRemedialActions().stream().map(action -> action.getAction() + " (" + action.getOwner()
                            + ", by " + DAY_OF_WEEK.format(action.getDueDate()) + "; agreed)").toList());
            assertThat(pageText(browser)).contains("Network meeting of "
                    + DAY_OF_WEEK.format(network.meeting().getMeetingDate()));
        }
    }

    /** Types an action, who and the date day first in its three boxes, and waits for the date in words. */
    private static void proposeAction(Tasklist tasklist, int entry, String action, String owner, LocalDate due) {
        tasklist.type("Field_remedialAction_" + entry, action);
        tasklist.type("Field_remedialOwner_" + entry, owner);
        tasklist.type("Field_remedialDueDay_" + entry, due.getDayOfMonth() + "");
        tasklist.type("Field_remedialDueMonth_" + entry, due.getMonthValue() + "");
        tasklist.type("Field_remedialDueYear_" + entry, due.getYear() + "");
        tasklist.awaitListEntryShowing(entry, "By " + DAY.format(due));
    }

    /**
     * The application's pages have a sign-in of their own, apart from Tasklist's: a link to one asks for it once,
     * then opens the page asked for.
     */
    private static void signInToPages(Browser browser, String user, String page) {
        browser.await("the sign-in or " + page, driver -> driver.getCurrentUrl().startsWith(page)
                || !driver.findElements(By.id("username")).isEmpty());
        if (!browser.driver().getCurrentUrl().startsWith(page)) {
            browser.signInHere(user);
            browser.await(page, driver -> driver.getCurrentUrl().startsWith(page));
        }
    }

    /** Each element's text exactly as the page holds it; a table row's cells joined by tabs. */
    private static List<String> textsOnPage(Browser browser, String cssSelector) {
        return browser.script("""
                return [...document.querySelectorAll(arguments[0])].map(element => element.tagName === 'TR'
                  ? [...element.cells].map(cell => cell.textContent.trim()).join('\\t') : element.textContent);""",
                cssSelector);
    }

    private static String pageText(Browser browser) {
        return Tasklist.normalized(browser.find(By.tagName("body")).getText());
    }

    private static LocalDate dueDay(Task task) {
        return LocalDate.ofInstant(task.getDueDate().toInstant(), LONDON);
    }

    private PlanReturn recorded(Long returnId) {
        return transaction.execute(status -> {
            PlanReturn planReturn = returns.findById(returnId).orElseThrow();
            Hibernate.initialize(planReturn.getRemedialActions());
            return planReturn;
        });
    }
}
