package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A tester's tour (7 December 2026): an officer writing on the draft page whose session ended meanwhile (expired, or
 * signed out in another window) pressed Save draft and read "You may not see or change this: Forbidden"; what they
 * had written was gone, the browser's Back landing on the sign-in; signed out of Tasklist in another tab, they were
 * asked to sign in and then landed on the home page. Screenshots in
 * {@code target/screenshots/DraftPageSignedOutInBrowserTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("The draft page, its session ended while the officer wrote")
class DraftPageSignedOutInBrowserTest {

    private static final String ACHIEVEMENTS = "Written at length before lunch,\nand saved once the session had ended.";

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;

    @Test
    @DisplayName("sends the officer to sign in, saying why, and back to the page with what they wrote, which they save")
    void keepsWhatWasWrittenThroughTheSignIn() {
        try (Browser browser = new Browser(getClass().getSimpleName())) {
            String draftPage = openTheDraftPage(browser);
            write(browser);
            browser.forgetSession();

            savedThroughTheSignIn(browser, draftPage);
        }
    }

    @Test
    @DisplayName("does the same when the officer signed out of Tasklist in another tab, which keeps the session")
    void keepsWhatWasWrittenWhenSignedOutOfTasklist() {
        try (Browser browser = new Browser(getClass().getSimpleName() + "-tasklist")) {
            String draftPage = openTheDraftPage(browser);
            String draftTab = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            Tasklist tasklist = new Tasklist(browser, base());
            tasklist.goTo(Tasklist.TASKLIST);
            tasklist.signOut();
            browser.driver().close();
            browser.driver().switchTo().window(draftTab);
            write(browser);

            savedThroughTheSignIn(browser, draftPage);
        }
    }

    @Test
    @DisplayName("keeps what the officer wrote when they leave the page signed out, whose save on leaving is then "
            + "refused, and shows it when they come back to the page, to save")
    void keepsWhatWasWrittenWhenTheOfficerLeavesSignedOut() {
        try (Browser browser = new Browser(getClass().getSimpleName() + "-leaving")) {
            String draftPage = openTheDraftPage(browser);
            write(browser);
            browser.forgetSession();
            browser.open(base() + "/plans");
            browser.await("the sign-in", driver -> driver.getCurrentUrl().contains("/login"));
            browser.signInHere("lead");
            browser.await("signed in", driver -> !driver.getCurrentUrl().contains("/login"));

            browser.open(draftPage);
            browser.screenshot("back-after-leaving");
            assertThat(browser.find(By.id("achievements")).getAttribute("value")).isEqualTo(ACHIEVEMENTS);
            assertThat(browser.find(By.id("saved")).getText())
                    .startsWith("Not saved yet: what you wrote before you last left this page was not saved");
            savedOnTheServer(browser, draftPage);
        }
    }

    private String openTheDraftPage(Browser browser) {
        TestNetwork network = networks.create(1);
        openReturns.of(network);
        String draftPage = base() + "/plans/" + network.plan().getReference() + "/update";
        browser.signInToPages(base(), "lead");
        browser.open(draftPage);
        return draftPage;
    }

    private static void write(Browser browser) {
        browser.find(By.id("achievements")).sendKeys(ACHIEVEMENTS);
        browser.find(By.id("plannedActivities")).sendKeys("Two more schools.");
    }

    private static void savedThroughTheSignIn(Browser browser, String draftPage) {
        saveDraft(browser);

        browser.await("the sign-in", driver -> driver.getCurrentUrl().contains("/login"));
        browser.screenshot("asked-to-sign-in-again");
        assertThat(browser.find(By.tagName("main")).getText())
                .contains("You were signed out", "so what you sent was not saved", "Sign in again");
        browser.signInHere("lead");
        browser.await("back on the draft page", driver -> driver.getCurrentUrl().startsWith(draftPage));
        browser.screenshot("back-with-what-was-written");
        assertThat(browser.find(By.id("achievements")).getAttribute("value")).isEqualTo(ACHIEVEMENTS);
        assertThat(browser.find(By.id("plannedActivities")).getAttribute("value")).isEqualTo("Two more schools.");
        assertThat(browser.find(By.id("saved")).getText()).as("not sent again by the sign-in")
                .startsWith("Not saved yet: you were signed out");

        savedOnTheServer(browser, draftPage);
    }

    /** Saves what is on the page, then finds it on the page opened again. */
    private static void savedOnTheServer(Browser browser, String draftPage) {
        saveDraft(browser);
        browser.await("the draft saved", driver -> browser.find(By.id("saved")).getText()
                .startsWith("Draft saved at"));
        browser.open(draftPage);
        assertThat(browser.find(By.id("achievements")).getAttribute("value")).as("saved on the server")
                .isEqualTo(ACHIEVEMENTS);
        assertThat(browser.find(By.id("saved")).getText()).startsWith("Draft saved at");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static void saveDraft(Browser browser) {
        browser.find(By.cssSelector("#draft button[value='save']")).click();
    }
}
