package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo's manager reads the dashboard and last quarter's meeting pack in Chromium, with the keyboard as well as
 * the mouse. Screenshots in {@code target/screenshots/PackInBrowserTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The dashboard and the meeting pack in a browser")
class PackInBrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void theBrowser() {
        browser = new Browser(getClass().getSimpleName());
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aManagerReadsTheDashboardAndLastQuartersPack() {
        String base = "http://localhost:" + port;
        browser.signInToPages(base, "manager");

        browser.open(base + "/networks/SCN/dashboard");
        browser.find(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getText()).as("the first stop of the keyboard")
                .isEqualTo("Skip to the content");
        browser.screenshot("dashboard");
        String dashboard = browser.find(By.tagName("main")).getText();
        assertThat(dashboard).contains("Dashboard: Stronger Communities Network", "The open cycle", "By officer",
                "Plans by quarter", "▲ Amber", "✖ Red");

        browser.find(By.linkText("Meeting packs")).click();
        browser.await("the packs", driver -> driver.getCurrentUrl().endsWith("/networks/SCN/packs"));
        browser.screenshot("packs");
        browser.find(By.linkText("page")).click();
        browser.await("the pack", driver -> browser.find(By.tagName("h1")).getText()
                .equals("Meeting pack: Stronger Communities Network"));
        browser.screenshot("last-quarters-pack");
        String pack = browser.find(By.tagName("body")).getText();
        assertThat(pack).contains("1. Summary of every plan", "6. Each plan's return", "CC-NI1", "▲ Amber",
                "Community Cohesion NI 1");
    }
}
