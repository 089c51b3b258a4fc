package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A network's manager imports spreadsheets through the network page in Chromium, as they will: the file chosen in
 * the form, every mistake listed, then a good file imported and its plan shown with its text as written. Screenshots
 * in {@code target/screenshots/RegisterInBrowserTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The register in a browser")
class RegisterInBrowserTest {

    private static final String MANAGER = "browser-manager";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

    private Browser browser;
    private String network;
    private Path files;

    @BeforeAll
    void aNetworkWithItsManagerAndTheBrowser() throws IOException {
        network = "WEB" + System.nanoTime() % 100_000;
        assertThat(new Http(port).post("demo", "/api/networks", Map.of("code", network, "name",
                "Browser network " + network, "region", "ENGLAND_AND_WALES", "managerGroup",
                network.toLowerCase() + "-managers")).status()).isEqualTo(201);
        if (identityService.createUserQuery().userId(MANAGER).count() == 0) {
            User user = identityService.newUser(MANAGER);
            user.setFirstName("Bryony");
            user.setLastName("Webster");
            user.setPassword(Http.DEMO_PASSWORD);
            identityService.saveUser(user);
        }
        identityService.createMembership(MANAGER, network.toLowerCase() + "-managers");
        files = Files.createTempDirectory("register-files");
        browser = new Browser(getClass().getSimpleName());
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aManagerImportsPlansAndActionsFromTheNetworkPage() throws IOException {
        String base = "http://localhost:" + port;
        browser.open(base + "/login");
        browser.find(By.id("username")).sendKeys(MANAGER);
        browser.find(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
        browser.find(By.cssSelector("button[type='submit']")).click();
        browser.open(base + "/networks/" + network);
        browser.await("the import form", driver -> !browser.findAll(By.id("plans")).isEmpty());
        browser.screenshot("network-page");

        Path badPlans = write("bad-plans.csv", "reference,title,lead_officer,judging_officer,data_entry_officer,"
                + "agency,partnership_group,priority,theme,contact\n"
                + network + "-1,,lead,judge,,,,,,\n"
                + network + "-2,A plan,nobody-here,judge,,,,,,\n");
        browser.find(By.id("plans")).sendKeys(badPlans.toString());
        browser.find(By.xpath("//button[normalize-space()='Import']")).click();
        browser.await("the mistakes", driver -> browser.find(By.tagName("body")).getText()
                .contains("nothing was imported"));
        browser.screenshot("mistakes-listed");
        String mistakes = browser.find(By.cssSelector("#import ~ .errors, .errors")).getText();
        assertThat(mistakes).contains("plans, line 2, column \"title\"", "plans, line 3, column \"lead_officer\"",
                "nobody-here");

        Path plans = write("plans.csv", "\uFEFFreference,title,lead_officer,judging_officer,data_entry_officer,"
                + "agency,partnership_group,priority,theme,contact\r\n"
                + network + "-1,\"Reduce <b>repeat</b> incidents, \"\"hot spots\"\" first\",lead,judge,clerk,"
                + "Police,Safer Board,Crime,Safer,\"Inspector A. Nother\nTel: 01332 000000\"\r\n");
        Path actions = write("actions.csv", "plan_reference,reference,objective,action,milestones,owner,deadline,"
                + "priority,status\n" + network + "-1,1.1,Fewer incidents,\"Dispersal orders in:\n• Town centre\n"
                + "• Station\",Orders agreed,Police,Oct 2009,High,on track\n");
        browser.find(By.id("plans")).sendKeys(plans.toString());
        browser.find(By.id("actions")).sendKeys(actions.toString());
        browser.find(By.xpath("//button[normalize-space()='Import']")).click();
        browser.await("the import", driver -> browser.find(By.tagName("body")).getText().contains("Imported."));
        browser.screenshot("imported");
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("Plans: 1 new", "Actions: 1 new");

        browser.open(base + "/plans/" + network + "-1");
        browser.await("the plan", driver -> browser.find(By.tagName("h1")).getText().contains(network + "-1"));
        browser.screenshot("the-imported-plan");
        assertThat(browser.find(By.tagName("h1")).getText())
                .isEqualTo(network + "-1: Reduce <b>repeat</b> incidents, \"hot spots\" first");
        assertThat(browser.find(By.tagName("body")).getText()).contains(
                "Dispersal orders in:\n• Town centre\n• Station", "Oct 2009 (31 Oct 2009)", "Retire this plan");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }
}
