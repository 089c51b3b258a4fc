package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The application's own pages (not Camunda's webapps) checked by axe-core in Chromium against WCAG 2.2 A and AA and
 * axe's best practices, each as the officer or manager who uses it sees it, with every {@code <details>} opened so
 * that the forms folded in them are checked too, and a page showing a form's mistakes as well. Fails on any
 * violation, naming the page, the rule and the elements. Checks what a machine can: contrast, names, labels,
 * landmarks, headings, tables, ids, language, target sizes; not whether the words make sense. Screenshots in
 * {@code target/screenshots/AccessibilityInBrowserTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The application's pages against WCAG 2.2 AA, by axe-core in a browser")
class AccessibilityInBrowserTest {

    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks, heading order, ...). */
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");
    private static final String PLAN = "CC-NI1";
    /**
     * How long axe-core may take over one page, which grows with its elements: the lead officer's list of plans holds
     * every plan the suite's other tests have named them on, and took over the browser's 20 s once in a loaded run.
     * Given to axe's builder, which sets the browser's script timeout to its own (30 s unless told) for each run: set
     * on the browser alone, until 7 December 2026, it was replaced, and the list timed out at 30 s in a full run.
     */
    private static final Duration AXE_PATIENCE = Duration.ofMinutes(2);
    private static final List<String> ERROR_HEADINGS = List.of("Not found", "You may not see or change this",
            "The file is too large", "Not done: see why below", "Something went wrong");

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    ScriptedCycle script;

    private Browser browser;
    private String base;
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    void theBrowser() {
        browser = new Browser(getClass().getSimpleName());
        base = "http://localhost:" + port;
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void noneFoundYet() {
        violations.clear();
    }

    @Test
    void theSignInPageAndTheHomePageSignedOut() {
        browser.forgetCookies();
        check("/login", "signed out");
        check("/login?error", "signed out, after a wrong password");
        check("/", "signed out");
        assertNoViolation();
    }

    @Test
    void theLeadOfficersPages() {
        signIn("lead");
        check("/", "lead");
        check("/plans", "lead");
        check("/plans/" + PLAN, "lead");
        String submitted = browser.find(By.cssSelector("a[href*='/returns/']")).getAttribute("href");
        check("/plans/" + PLAN + "/history", "lead");
        check(submitted.substring(base.length()), "lead");
        check("/networks", "lead");
        check("/networks/SCN", "lead");
        check("/plans/NO-SUCH-PLAN", "lead (the error page, 404)");
        assertNoViolation();
    }

    @Test
    void theManagersPages() {
        signIn("manager");
        check("/", "manager");
        check("/networks/SCN", "manager");
        check("/networks/SCN/dashboard", "manager");
        check("/networks/SCN/packs", "manager");
        String pack = browser.findAll(By.cssSelector("a[href*='/versions/']")).stream()
                .map(link -> link.getAttribute("href")).filter(href -> !href.endsWith(".pdf")).findFirst()
                .orElseThrow(() -> new AssertionError("no meeting pack listed on /networks/SCN/packs"));
        check(pack.substring(base.length()), "manager");
        check("/no-such-page", "manager (the error page, 404)");
        assertNoViolation();
    }

    /** A return of a network of the tests' own, open: the demo's open cycle is not started in the tests. */
    @Test
    void anOpenReturnAsItsOfficersAndItsManagerSeeIt() {
        TestNetwork network = testNetworks.create(1);
        Cycle cycle = script.open(network);
        String plan = "/plans/" + network.plan().getReference();
        String code = network.network().getCode();
        Task update = script.task(cycle, network.plan(), ReturnVariables.TASK_SUBMIT_UPDATE);

        signIn("lead");
        check(plan, "lead, the update to write");
        check(plan + "/update", "lead, the draft");
        assertThat(browser.findAll(By.id("achievements"))).as("the draft's form").isNotEmpty();

        signIn("manager");
        check("/networks/" + code, "manager, the open cycle's withdrawal opened");
        check("/networks/" + code + "/dashboard", "manager, a cycle open");
        check(plan + "/deadline", "manager");
        browser.find(By.xpath("//button[normalize-space()='Change the deadline']")).click();
        browser.await("the deadline's mistake", driver -> !browser.findAll(By.id("problem")).isEmpty());
        checkThisPage(plan + "/deadline", "manager, the form sent empty");

        signIn("judge");
        check("/tasks/" + update.getId(), "judge, an email's link to the lead officer's update, open");
        assertThat(browser.find(By.tagName("main")).getText()).contains("This task is open, with");
        script.update(cycle, network.plan(), "Done <b>this</b>.", "More.", null);
        check("/tasks/" + update.getId(), "judge, an email's link to the update, done");
        assertThat(browser.find(By.tagName("main")).getText()).contains("This task is done");
        check("/tasks/no-such-task", "judge (no such task, 404)");
        script.sendBack(cycle, network.plan(), "Which wards?");
        check(plan + "/history", "judge, the update sent back");
        check(plan + "/returns/" + cycle.getReference(), "judge, the update sent back");
        script.update(cycle, network.plan(), "Done <b>this</b> in two wards.", "More.", null);
        check(plan + "/returns/" + cycle.getReference(), "judge, the update answered");
        assertThat(browser.find(By.tagName("main")).getText()).contains("What the answer to the send-back changed");
        assertNoViolation();
    }

    @Test
    void theAdministratorsPages() {
        signIn("demo");
        check("/networks", "demo");
        check("/networks/SCN", "demo, the network's settings opened");
        browser.open(base + "/networks");
        browser.find(By.id("code")).sendKeys("SCN");
        browser.find(By.id("name")).sendKeys("A second SCN");
        browser.find(By.id("managerGroup")).sendKeys("scn-managers");
        browser.find(By.xpath("//button[normalize-space()='Create network']")).click();
        browser.await("the network's mistake", driver -> !browser.findAll(By.cssSelector(".errors")).isEmpty());
        checkThisPage("/networks", "demo, a network of a code that exists refused");
        check("/mail", "demo (the demo's mail)");
        assertNoViolation();
    }

    private void signIn(String user) {
        browser.signInToPages(base, user);
    }

    /** Opens the page and checks it; a page that should not be the error page, and is, fails at once. */
    private void check(String path, String as) {
        browser.open(base + path);
        assertThat(ERROR_HEADINGS.contains(browser.find(By.tagName("h1")).getText())).as(path + " as " + as
                + " is the error page").isEqualTo(as.contains("404"));
        checkThisPage(path, as);
    }

    /** Runs axe-core on the page as it is, its folded parts opened, and keeps what it finds. */
    private void checkThisPage(String path, String as) {
        browser.script("document.querySelectorAll('details').forEach(details => details.open = true);");
        browser.screenshot((path + "-" + as).replaceAll("[^A-Za-z0-9]+", "-"));
        Results results = new AxeBuilder().withTags(TAGS).disableIframeTesting()
                .setTimeout((int) AXE_PATIENCE.toSeconds()).analyze(browser.driver());
        assertThat(results.isErrored()).as("axe-core ran on " + path + ": " + results.getErrorMessage()).isFalse();
        for (Rule rule : results.getViolations()) {
            violations.add(path + " as " + as + ": " + rule.getId() + " (" + rule.getImpact() + "; "
                    + rule.getTags().stream().filter(tag -> tag.startsWith("wcag2") || tag.equals("best-practice"))
                            .collect(Collectors.joining(", ")) + ") " + rule.getHelp() + ", " + rule.getNodes().size()
                    + " element(s):\n" + rule.getNodes().stream().map(AccessibilityInBrowserTest::shown)
                            .collect(Collectors.joining("\n")));
        }
    }

    private static String shown(CheckedNode node) {
        String html = node.getHtml().replaceAll("\\s+", " ");
        return "    " + node.getTarget() + " " + (html.length() > 160 ? html.substring(0, 160) + "…" : html)
                + "\n      " + String.valueOf(node.getFailureSummary()).replaceAll("\\s+", " ");
    }

    private void assertNoViolation() {
        assertThat(violations).withFailMessage(() -> violations.size() + " rule(s) violated:\n"
                + String.join("\n", violations)).isEmpty();
    }
}
