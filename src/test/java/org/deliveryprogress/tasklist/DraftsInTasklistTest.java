package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.returns.ReturnDrafts;
import org.deliveryprogress.returns.ReturnUpdate;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14: Tasklist's own Save kept an update's form in one browser only, and leaving the form kept nothing. The
 * project's Tasklist plugin saves the texts and the evidence (issue 15) on the server, on Save and on leaving the
 * form, and says when. The lead officer writes in one browser and continues in another. Screenshots in
 * {@code target/screenshots/DraftsInTasklistTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("Drafts of an update in Tasklist's form")
class DraftsInTasklistTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    FormService formService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ReturnDrafts drafts;

    @Test
    @DisplayName("are saved on the server, texts and evidence, by Save and on leaving the form, with the time shown, "
            + "and continued in another browser")
    void savedOnTheServerAndContinuedInAnotherBrowser() {
        TestNetwork network = networks.create(2);
        networks.withEvidence(network.plan());
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();
        String otherPlan = network.plans().get(1).getReference();

        try (Browser first = new Browser(getClass().getSimpleName())) {
            Tasklist tasklist = new Tasklist(first, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, network.plan().getTitle());
            tasklist.type("Field_achievements", "Three schools joined, and <b>two</b> more.");
            // the evidence too: NI 1 (the second indicator, after LI 9) and CS.2 behind
            tasklist.type("Field_indicatorValue_1", "75.9");
            tasklist.openSelect("Field_actionStatus_1");
            tasklist.pickOption("behind");
            tasklist.clickSave();
            assertThat(tasklist.awaitDraftStatus("Draft saved at")).contains("by Gareth Penhallow");
            first.screenshot("saved-in-the-first-browser");
            assertThat(formShows(planReturn, ACHIEVEMENTS)).isEqualTo("Three schools joined, and <b>two</b> more.");

            tasklist.type("Field_plannedActivities", "Visit the last two schools.");
            tasklist.openTask("Submit update: " + otherPlan, network.plans().get(1).getTitle());
            assertThat(awaitFormShows(planReturn, PLANNED_ACTIVITIES, "Visit the last two schools."))
                    .as("saved on leaving the form").isEqualTo("Visit the last two schools.");
        }
        assertThat(runtimeService.getVariables(planReturn.getId())).as("a draft is no engine variable")
                .doesNotContainKeys(ACHIEVEMENTS, PLANNED_ACTIVITIES, BLOCKAGES);

        try (Browser second = new Browser(getClass().getSimpleName() + "-another-browser")) {
            Tasklist tasklist = new Tasklist(second, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, "Draft saved at");
            assertThat(tasklist.value("Field_achievements")).isEqualTo("Three schools joined, and <b>two</b> more.");
            assertThat(tasklist.value("Field_plannedActivities")).isEqualTo("Visit the last two schools.");
            assertThat(tasklist.value("Field_indicatorValue_1")).as("the evidence as drafted").isEqualTo("75.9");
            assertThat(tasklist.selected("Field_actionStatus_1")).isEqualTo("behind");
            second.screenshot("continued-in-another-browser");
        }
    }

    @Test
    @DisplayName("handed over by the data-entry officer are named at the top of the form until the lead officer saves "
            + "a newer one: then only the line above the buttons names a draft, the newer")
    void formsNoteOfTheDraftGivesWayToANewerSave() {
        TestNetwork network = networks.create(1);
        openReturns.of(network);
        String plan = network.plan().getReference();
        drafts.save(plan, new ReturnUpdate("Prepared by the data-entry officer.", "", ""), ReturnDrafts.NO_DRAFT,
                new Viewer("clerk", Set.of()));

        try (Browser browser = new Browser(getClass().getSimpleName() + "-newer-draft")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, "it is filled in below");
            assertThat(tasklist.formText()).contains("by Priya Oakenshaw: it is filled in below.");

            tasklist.type("Field_plannedActivities", "Checked by the lead officer.");
            tasklist.clickSave();
            tasklist.awaitDraftStatus("by Gareth Penhallow");
            // and still after the form changes again, which form-js renders anew
            tasklist.type("Field_blockages", "None.");
            browser.screenshot("only-the-newer-draft-named");
            assertThat(tasklist.formText()).as("the form's note of the draft it opened with")
                    .doesNotContain("Priya Oakenshaw: it is filled in below", "Draft saved at");
            assertThat(tasklist.value("Field_achievements")).isEqualTo("Prepared by the data-entry officer.");
        }
    }

    @Test
    @DisplayName("are saved before the form's link to the draft page is followed: the page shows what was just typed, "
            + "and hands it over")
    void savedBeforeTheLinkToTheDraftPageIsFollowed() {
        TestNetwork network = networks.create(1);
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();

        try (Browser browser = new Browser(getClass().getSimpleName() + "-following-the-link")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("clerk");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, "then hand it over on");
            tasklist.removeAssignee();
            tasklist.claim();
            tasklist.type("Field_achievements", "Prepared in Tasklist.");
            tasklist.type("Field_blockages", "Typed just before following the link.");

            // The link the form gives the data-entry officer, as they follow it once the update is filled in: until
            // 7 December 2026 the draft was saved only as Tasklist went, and reached the server after the draft page
            // had been read, which showed it without these words and refused its hand-over as based on an older draft.
            tasklist.click(browser.await("the form's link to the draft page", driver -> browser
                    .findAll(By.linkText("the draft page")).stream().filter(link -> link.isDisplayed()).findFirst()
                    .orElse(null)));
            browser.await("the draft page", driver -> driver.getCurrentUrl().endsWith("/plans/" + plan + "/update")
                    && !driver.findElements(By.id("blockages")).isEmpty());
            browser.screenshot("the-draft-page-after-the-link");
            assertThat(browser.find(By.id("blockages")).getAttribute("value"))
                    .isEqualTo("Typed just before following the link.");

            tasklist.click(browser.find(By.xpath("//button[starts-with(normalize-space(.), 'Save and hand to')]")));
            browser.await("the hand-over's confirmation", driver -> driver.getPageSource()
                    .contains("Draft saved and handed to the lead officer"));
        }
        assertThat(formShows(planReturn, BLOCKAGES)).isEqualTo("Typed just before following the link.");
        assertThat(officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE).getAssignee()).isEqualTo("lead");
    }

    @Test
    @DisplayName("are saved when the officer signs out of Tasklist with the form open and changed")
    void savedOnSigningOut() {
        TestNetwork network = networks.create(1);
        ProcessInstance planReturn = openReturns.of(network);

        try (Browser browser = new Browser(getClass().getSimpleName() + "-signing-out")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + network.plan().getReference(), network.plan().getTitle());
            tasklist.type("Field_plannedActivities", "Typed, and not saved, before signing out.");

            tasklist.signOut();

            assertThat(awaitFormShows(planReturn, PLANNED_ACTIVITIES, "Typed, and not saved, before signing out."))
                    .isEqualTo("Typed, and not saved, before signing out.");
        }
    }

    @Test
    @DisplayName("are saved once the officer has signed in again, when their session ended with the form changed")
    void savedAfterTheSessionEnded() {
        TestNetwork network = networks.create(2);
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();

        try (Browser browser = new Browser(getClass().getSimpleName() + "-session-ended")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, network.plan().getTitle());
            tasklist.type("Field_plannedActivities", "Typed as the session ended.");
            // As if the session had expired: Tasklist's next request is refused, and it asks the officer to sign in.
            browser.forgetSession();
            tasklist.leaveFormSignedOut("Submit update: " + network.plans().get(1).getReference());
            assertThat(formShows(planReturn, PLANNED_ACTIVITIES)).as("refused while signed out").isNull();

            tasklist.signInAgain("lead");
            tasklist.openFilter("My returns to submit");
            // Not openTask: the plugin reloads the page once it has saved the changes, and a loaded machine may take
            // longer over that than openTask waits for a form.
            tasklist.clickTask("Submit update: " + plan);

            assertThat(awaitFormShows(planReturn, PLANNED_ACTIVITIES, "Typed as the session ended."))
                    .isEqualTo("Typed as the session ended.");
            browser.await("the form showing the changes saved", Browser.PATIENCE.multipliedBy(4), driver -> {
                try {
                    return tasklist.fieldIfShown("Field_plannedActivities")
                            .filter(field -> "Typed as the session ended.".equals(field.getAttribute("value")))
                            .isPresent();
                } catch (StaleElementReferenceException reloaded) {
                    return false;
                }
            });
            browser.screenshot("saved-after-signing-in-again");
        }
    }

    @Test
    @DisplayName("refused as the officer leaves the form, for a text too long, are kept in this browser and shown "
            + "above the form when the officer comes back to it: why, and the texts to copy, until dismissed")
    void refusedOnLeavingShownOnComingBack() {
        TestNetwork network = networks.create(2);
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();
        // Longer than a browser sends as a page goes: until 7 December 2026 such a draft never reached the server.
        String tooLong = "Three schools joined. ".repeat(4546);

        try (Browser browser = new Browser(getClass().getSimpleName() + "-refused-on-leaving")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, network.plan().getTitle());
            tasklist.type("Field_plannedActivities", "Visit the last two schools.");
            tasklist.paste("Field_achievements", tooLong);
            tasklist.openTask("Submit update: " + network.plans().get(1).getReference(),
                    network.plans().get(1).getTitle());
            browser.await("the refusal kept in this browser", driver -> (Boolean) browser.script(
                    "return Object.keys(localStorage).some(key => key.startsWith('dp-unsaved:'))"));

            tasklist.openTask("Submit update: " + plan, network.plan().getTitle());

            WebElement notSaved = awaitNotSaved(browser);
            browser.screenshot("not-saved-shown-on-coming-back");
            assertThat(notSaved.getText()).startsWith("What you last wrote in this form was not saved")
                    .contains("“Key achievements since last quarter” is 100,012 characters long; the limit is "
                            + "100,000. Shorten it, then save again.");
            assertThat(notSaved.findElements(By.tagName("textarea"))).extracting(text -> text.getAttribute("value"))
                    .containsExactly(tooLong, "Visit the last two schools.");
            assertThat((Boolean) browser.script("return document.activeElement.classList.contains('dp-not-sent')"))
                    .as("read out as it shows").isTrue();
            assertThat(formShows(planReturn, PLANNED_ACTIVITIES)).as("nothing saved").isNull();

            browser.open("http://localhost:" + port + "/plans/" + plan + "/update");
            WebElement notInDraft = browser.await("the draft page's notice", driver -> browser.findAll(
                    By.id("not-in-draft")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            browser.screenshot("the-draft-page-says-it-is-not-the-latest");
            assertThat(notInDraft.getText()).as("the draft page offers the older draft, saying so").contains(
                    "This is not what you last wrote: what you last wrote in the update's form in Tasklist was not "
                            + "saved (Not saved: “Key achievements since last quarter” is 100,012 characters long");
            browser.driver().navigate().back();

            notSaved = awaitNotSaved(browser);
            tasklist.click(notSaved.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Dismiss')]")));
            assertThat((String) browser.script("return document.activeElement.id")).as("the focus on to the form, "
                    + "not lost with the button").endsWith("-Field_achievements");
            tasklist.openTask("Submit update: " + network.plans().get(1).getReference(),
                    network.plans().get(1).getTitle());
            tasklist.openTask("Submit update: " + plan, network.plan().getTitle());
            assertThat(browser.findAll(By.cssSelector(".dp-not-sent"))).as("dismissed").isEmpty();
        }
    }

    @Test
    @DisplayName("refused over a draft saved since the form opened are replaced knowingly with the line's button, from "
            + "the keyboard: the focus stays on the line, which says the draft is saved")
    void replacedFromTheKeyboard() {
        TestNetwork network = networks.create(1);
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();

        try (Browser browser = new Browser(getClass().getSimpleName() + "-replaced")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, network.plan().getTitle());
            drafts.save(plan, new ReturnUpdate("Saved by the data-entry officer meanwhile.", "", ""),
                    ReturnDrafts.NO_DRAFT, new Viewer("clerk", Set.of()));
            tasklist.type("Field_achievements", "Written by the lead officer.");
            tasklist.clickSave();
            tasklist.awaitDraftStatus("Priya Oakenshaw saved this update's draft at");

            browser.find(By.xpath("//p[contains(@class, 'dp-draft-status')]/button")).sendKeys(Keys.ENTER);

            tasklist.awaitDraftStatus("by Gareth Penhallow");
            // Until 7 December 2026 the focus went with the button, which the line's new words replace, to the page.
            assertThat((Boolean) browser.script("return document.activeElement.classList.contains('dp-draft-status')"))
                    .as("the focus on the line").isTrue();
            assertThat(formShows(planReturn, ACHIEVEMENTS)).isEqualTo("Written by the lead officer.");
        }
    }

    @Test
    @DisplayName("that cannot be sent, because the update was submitted in another browser meanwhile, stay in the form "
            + "under why; submitted from the form, nothing is shown but the confirmation")
    void keptWhenTheUpdateWasSubmittedMeanwhile() {
        TestNetwork network = networks.create(2);
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();

        try (Browser browser = new Browser(getClass().getSimpleName() + "-submitted-meanwhile")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + network.plans().get(1).getReference(),
                    network.plans().get(1).getTitle());
            tasklist.type("Field_achievements", "Submitted from this form.");
            tasklist.type("Field_plannedActivities", "Next.");
            tasklist.clickFormButton("Submit update");
            browser.await("the confirmation", driver -> !driver.findElements(By.cssSelector(".dp-confirmation"))
                    .isEmpty());
            // The form's save as it is left, answered 404 as its update is gone, has had time to come back.
            Browser.pause(2000);
            assertThat(browser.findAll(By.cssSelector(".dp-not-sent"))).as("nothing unsent after a submission")
                    .isEmpty();

            tasklist.openTask("Submit update: " + plan, network.plan().getTitle());
            tasklist.type("Field_achievements", "Written at length, and never saved.");
            tasklist.type("Field_plannedActivities", "More of it.");
            officers.submit("lead", officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE),
                    Map.of(ACHIEVEMENTS, "Submitted in another browser", PLANNED_ACTIVITIES, "Next"));

            tasklist.clickFormButton("Submit update");

            // The completion of a task that no longer exists is a 404 that says so, unless Tasklist's refresh (every
            // ten seconds) found the task gone just before the click: either way the form stays, with what was
            // written, under why.
            browser.await("why the update was not sent", driver -> tasklist.errorSummary().stream().anyMatch(
                    problem -> problem.startsWith("This task no longer exists: it has been completed, or its cycle "
                            + "has closed.")) || tasklist.taskRemovedNotice().filter(notice -> notice.contains(
                                    "was not sent")).isPresent());
            assertThat(tasklist.value("Field_achievements")).isEqualTo("Written at length, and never saved.");
            assertThat(tasklist.value("Field_plannedActivities")).isEqualTo("More of it.");
            browser.screenshot("kept-in-the-form");
        }
    }

    private static WebElement awaitNotSaved(Browser browser) {
        return browser.await("what was not saved", driver -> browser.findAll(By.cssSelector(".dp-not-sent")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private String formShows(ProcessInstance planReturn, String field) {
        return (String) officers.as("lead", () -> {
            VariableMap form = formService.getTaskFormVariables(officers.task(planReturn.getId(),
                    TASK_SUBMIT_UPDATE).getId());
            return form.get(field);
        });
    }

    /** The save is the browser's own request, made as the next form opens: it may take a moment, more when loaded. */
    private String awaitFormShows(ProcessInstance planReturn, String field, String expected) {
        for (int attempt = 0; attempt < 80 && !expected.equals(formShows(planReturn, field)); attempt++) {
            Browser.pause(250);
        }
        return formShows(planReturn, field);
    }
}
