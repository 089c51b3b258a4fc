package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.List;
import java.util.Map;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A judgement's and a proposal's forms keep no draft on the server (an update's do, {@link DraftsInTasklistTest}).
 * When their task ends while the form is open (judged in another window, the cycle closed), the form stays, with
 * what was written in it to copy, and says why: as the officer completes it, or as Tasklist notices, within ten
 * seconds, that the task has gone. Screenshots in
 * {@code target/screenshots/EndedWhileOpenInTasklistTest-*}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("A form whose task ended while it was open")
class EndedWhileOpenInTasklistTest {

    private static final String ENDED = "This task no longer exists: it has been completed, or its cycle has closed.";

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    ScriptedCycle scriptedCycle;
    @Autowired
    Officers officers;

    @Test
    @DisplayName("keeps a judgement written in it, under why, when the update was judged in another window meanwhile")
    void keepsAJudgement() {
        TestNetwork network = networks.create(1);
        DeliveryPlan plan = network.plan();
        Cycle cycle = updateSubmitted(network);

        try (Browser browser = new Browser(getClass().getSimpleName() + "-judgement")) {
            Tasklist tasklist = judgeOpensTheJudgement(browser, plan);
            tasklist.choose("Red – will not meet targets or milestones, or will not take place");
            tasklist.type("Field_judgementComment", "Two milestones missed, and no date for the third.");
            scriptedCycle.judge(cycle, plan, RagStatus.Green, null);

            tasklist.clickComplete();

            // The engine's 404, unless Tasklist's refresh (every ten seconds) found the task gone just before the click
            browser.await("why the judgement was not sent", driver -> tasklist.errorSummary().stream()
                    .anyMatch(problem -> problem.startsWith(ENDED)) || tasklist.taskRemovedNotice().isPresent());
            assertThat(tasklist.value("Field_judgementComment"))
                    .isEqualTo("Two milestones missed, and no date for the third.");
            browser.screenshot("kept-in-the-form");
        }
    }

    @Test
    @DisplayName("of an update submitted by the plan's other officer meanwhile, closed by the officer, shows what was "
            + "written in it where the form was, to copy, saying why it was not sent")
    void showsAnUpdatesTextsOnceClosed() {
        TestNetwork network = networks.create(1);
        DeliveryPlan plan = network.plan();
        networks.letEntryOfficersSubmit(network, true);
        Cycle cycle = scriptedCycle.open(network);

        try (Browser browser = new Browser(getClass().getSimpleName() + "-update")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan.getReference(), plan.getTitle());
            tasklist.type("Field_achievements", "Written at length, and never saved.");
            officers.submit("clerk", scriptedCycle.task(cycle, plan, TASK_SUBMIT_UPDATE),
                    Map.of(ACHIEVEMENTS, "Submitted by the data-entry officer.", PLANNED_ACTIVITIES, "Next."));
            tasklist.awaitTaskRemovedNotice("not sent");

            tasklist.click(browser.findAll(By.cssSelector(".task-removed-alert button[ng-click='dismissTask()']"))
                    .get(0));

            WebElement notSent = browser.await("the texts not sent", driver -> browser.findAll(By.cssSelector(
                    ".dp-not-sent")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            assertThat(notSent.getText()).startsWith("Your update was not sent").contains("Priya Oakenshaw");
            assertThat(notSent.findElements(By.tagName("textarea"))).extracting(text -> text.getAttribute("value"))
                    .containsExactly("Written at length, and never saved.");
            browser.screenshot("texts-to-copy");
        }
    }

    @Test
    @DisplayName("keeps remedial actions written in it, saying why, when the cycle closed meanwhile")
    void keepsAProposal() {
        TestNetwork network = networks.create(1);
        DeliveryPlan plan = network.plan();
        Cycle cycle = scriptedCycle.open(network);
        scriptedCycle.update(cycle, plan, "Done.", "More.", null);
        scriptedCycle.judge(cycle, plan, RagStatus.Red, "Milestones missed.");

        try (Browser browser = new Browser(getClass().getSimpleName() + "-proposal")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("Remedial actions to propose");
            tasklist.openTask("Propose remedial actions: " + plan.getReference(), "The judgement");
            tasklist.type("Field_remedialAction_0", "Agree the schools' timetable with the county.");
            tasklist.type("Field_remedialOwner_0", "Schools adviser");
            scriptedCycle.close(cycle);

            // Tasklist looks at the open task again every ten seconds.
            assertThat(tasklist.awaitTaskRemovedNotice("not sent")).contains("The task has been removed.",
                    "What is written in the form below was not sent: copy anything you want to keep");
            assertThat(tasklist.value("Field_remedialAction_0"))
                    .isEqualTo("Agree the schools' timetable with the county.");
            assertThat(tasklist.value("Field_remedialOwner_0")).isEqualTo("Schools adviser");
            browser.screenshot("kept-in-the-form");
        }
    }

    @Test
    @DisplayName("named by Tasklist's address, as the browser's Back after completing it opens it, says so in words, "
            + "with a link to who completed it, where Tasklist showed the engine's")
    void saysSoWhenTheAddressNamesIt() {
        TestNetwork network = networks.create(1);
        DeliveryPlan plan = network.plan();
        updateSubmitted(network);

        try (Browser browser = new Browser(getClass().getSimpleName() + "-back")) {
            Tasklist tasklist = judgeOpensTheJudgement(browser, plan);
            String taskId = browser.driver().getCurrentUrl().replaceFirst(".*[?&]task=([^&]+).*", "$1");
            tasklist.choose("Set the status");
            tasklist.choose("Green – on schedule, or completed");
            tasklist.clickComplete();
            tasklist.awaitConfirmation();

            browser.driver().navigate().back();

            List<String> notifications = tasklist.awaitNotification("This task is not open to you");
            browser.screenshot("back-after-completing");
            assertThat(notifications).anySatisfy(notice -> assertThat(notice).contains(
                    "It has been completed, its cycle has closed, or it is someone else's: nothing is asked of you in "
                            + "it. See who has it, or who completed it and when."));
            assertThat(String.join(" ", notifications)).doesNotContain("No matching task", "<task>");
            assertThat(browser.find(By.linkText("who has it, or who completed it and when")).getAttribute("href"))
                    .endsWith("/tasks/" + taskId);
        }
    }

    /** The network's cycle, opened, with its plan's update submitted: the judge's to judge. */
    private Cycle updateSubmitted(TestNetwork network) {
        Cycle cycle = scriptedCycle.open(network);
        scriptedCycle.update(cycle, network.plan(), "Done.", "More.", null);
        return cycle;
    }

    /** Tasklist, signed in as the plan's judge, with its judgement open. */
    private Tasklist judgeOpensTheJudgement(Browser browser, DeliveryPlan plan) {
        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
        tasklist.signIn("judge");
        tasklist.openFilter("Awaiting my judgement");
        tasklist.openTask("Judge status: " + plan.getReference(), "The update submitted");
        return tasklist;
    }
}
