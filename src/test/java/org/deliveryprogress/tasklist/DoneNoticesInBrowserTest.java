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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application's own pages say what a form has just done, where the browser is sent back, as they say why it was
 * refused. Screenshots in {@code target/screenshots/DoneNoticesInBrowserTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("What a page's form has just done")
class DoneNoticesInBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;

    @Test
    @DisplayName("takes the focus, as a refusal does, so that a screen reader reads it out: a deadline moved, a "
            + "network's settings saved")
    void takesTheFocusAsARefusalDoes() {
        TestNetwork network = networks.create(1);
        openReturns.of(network);
        String base = "http://localhost:" + port;

        try (Browser browser = new Browser(getClass().getSimpleName())) {
            browser.signInToPages(base, "manager");
            browser.open(base + "/plans/" + network.plan().getReference() + "/deadline");
            browser.find(By.xpath("//button[normalize-space()='Change the deadline']")).click();
            browser.await("the refusal", driver -> !browser.findAll(By.id("problem")).isEmpty());
            assertThat(focusedId(browser)).as("the refusal's focus, as before").isEqualTo("problem");

            // The last day it may move to, which the page gives as its example: "for example 23 12 2026"
            String[] lastDay = browser.find(By.id("new-deadline-hint")).getText()
                    .replaceFirst(".*for example (\\d+ \\d+ \\d+).*", "$1").split(" ");
            browser.find(By.id("day")).sendKeys(lastDay[0]);
            browser.find(By.id("month")).sendKeys(lastDay[1]);
            browser.find(By.id("year")).sendKeys(lastDay[2]);
            browser.find(By.id("reason")).sendKeys("The schools' inspection week.");
            browser.find(By.xpath("//button[normalize-space()='Change the deadline']")).click();

            // Until 7 December 2026 the notice was only shown: the focus stayed at the top of the page.
            WebElement moved = awaitDone(browser, "is now due on");
            browser.screenshot("deadline-moved");
            assertThat(focusedId(browser)).isEqualTo("done");
            assertThat(moved.getAttribute("role")).isEqualTo("status");

            browser.signInToPages(base, "demo");
            browser.open(base + "/networks/" + network.network().getCode());
            browser.find(By.xpath("//summary[starts-with(normalize-space(), 'Change the name')]")).click();
            browser.find(By.xpath("//details//button[normalize-space()='Save']")).click();
            awaitDone(browser, "Saved: ");
            browser.screenshot("network-saved");
            assertThat(focusedId(browser)).isEqualTo("done");
        }
    }

    private static WebElement awaitDone(Browser browser, String saying) {
        return browser.await("the notice saying '" + saying + "'", driver -> browser.findAll(By.id("done")).stream()
                .filter(notice -> notice.getText().contains(saying)).findFirst().orElse(null));
    }

    private static String focusedId(Browser browser) {
        return browser.script("return document.activeElement.id;");
    }
}
