package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A tester's tour with the keyboard (7 December 2026): Tab reached eleven of Tasklist's buttons and links around an
 * open task that are an icon alone (the panels' toggles, the filter's details, the sort, saved searches, the task's
 * Unclaim), each of which a screen reader announced as "button" or "link", no more; and a link to Cockpit, which
 * answered an officer "You may not see or change this: No access rights for cockpit". Screenshots in
 * {@code target/screenshots/IconControlsInTasklistTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("Tasklist's icon-only controls")
class IconControlsInTasklistTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;

    @Test
    @DisplayName("each have a name, around a lead officer's open update")
    void eachHaveAName() {
        TestNetwork network = networks.create(1);
        openReturns.of(network);

        try (Browser browser = new Browser(getClass().getSimpleName())) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + network.plan().getReference(), network.plan().getTitle());
            browser.screenshot("an-open-update");

            // The officers' script names them as Tasklist draws them: its filter counts show it has run.
            tasklist.filterNamesWithCounts();
            Browser.pause(500);
            assertThat(unnamedControls(browser)).as("buttons and links with no name").isEmpty();
        }
    }

    @Test
    @DisplayName("include the task's link to Cockpit for a network's manager, not for an officer, whom Cockpit refuses")
    void theLinkToCockpitOnlyForThoseWhoMayUseIt() {
        TestNetwork network = networks.create(1);
        openReturns.of(network);

        try (Browser browser = new Browser(getClass().getSimpleName() + "-cockpit")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + network.plan().getReference(), network.plan().getTitle());
            tasklist.filterNamesWithCounts();
            Browser.pause(500);
            assertThat(tasklist.isShown(".instance-link")).as("an officer's").isFalse();

            tasklist.signIn("manager");
            tasklist.openFilter("All open work of my network");
            tasklist.openTask("Submit update: " + network.plan().getReference(), network.plan().getTitle());
            browser.await("the link to Cockpit, for a manager", driver -> tasklist.isShown(".instance-link"));
            browser.screenshot("a-managers-link-to-cockpit");
        }
    }

    /** The buttons and links shown outside the form (form-js names its own) with neither text nor a label. */
    private static List<String> unnamedControls(Browser browser) {
        return browser.script("""
                return [...document.querySelectorAll('a[href], button')]
                  .filter(control => !control.closest('.fjs-container') && control.getClientRects().length > 0)
                  .filter(control => !control.innerText.trim() && !control.getAttribute('aria-label')
                    && !control.getAttribute('title'))
                  .map(control => control.outerHTML.slice(0, 200));""");
    }
}
