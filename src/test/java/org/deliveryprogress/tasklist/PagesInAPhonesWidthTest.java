package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.notifications.Mailer;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.ReturnDeadlines;
import org.deliveryprogress.shared.DayMonthYear;
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
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application's own pages (not Camunda's webapps) at a phone's width: none is wider than the window, so that
 * none scrolls sideways as a whole (WCAG 1.4.10, Reflow), every {@code <details>} opened. A wide data table may
 * scroll sideways in a box of its own, which does not widen the page. Nor is a page made to fit by breaking its words:
 * a table squeezed into the window left a column one letter wide ("G / ar / et / h") or broke its dates ("Mond / ay",
 * "2024/2 / 5 Q1"), readable to no one zooming to 400%. Fails naming each page too wide and how wide, and each word
 * broken.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The application's pages at a phone's width: none scrolls sideways as a whole nor breaks its words "
        + "(WCAG 1.4.10)")
class PagesInAPhonesWidthTest {

    /**
     * The window in CSS pixels: WCAG's reflow width, 320, and the 15 that Chromium here gives its scrollbar, which a
     * phone lays over the page.
     */
    private static final int PHONE_WIDTH = 335;
    private static final int PHONE_HEIGHT = 844;
    /** Where the application's links lead elsewhere than its pages: Camunda's webapps, the API, files, signing out. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(camunda|engine-rest|api|swagger-ui|v3/api-docs|login|logout)\\b|/export/|\\.pdf$");
    /** The networks other tests make ({@code T1-12345}), their plans and cycles: this test walks the demo's. */
    private static final Pattern OTHER_TESTS_NETWORKS = Pattern.compile("^/(networks|plans|packs)/T\\d+-");
    /**
     * The words of the page, but those in its charts and those no line could hold anyway, that are broken across
     * lines, each with the table (its first header) or element it is in. A word here is a part of a text between
     * spaces, hyphens and slashes (where a line may break); a text longer than 20 characters (a web address), an email
     * address, and a word as wide as half the page's column, may break.
     */
    private static final String BROKEN_WORDS = """
            const found = new Set();
            const column = (document.querySelector('main') ?? document.body).clientWidth;
            const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let text = texts.nextNode(); text; text = texts.nextNode()) {
              const element = text.parentElement;
              if (element.closest('svg, script, style, .visually-hidden, .skip') || !element.getClientRects().length) {
                continue;
              }
              for (const token of text.data.matchAll(/\\S+/g)) {
                if (token[0].length > 20 || token[0].includes('@')) {
                  continue;
                }
                for (const word of token[0].matchAll(/[^-–\\/]{2,}/g)) {
                  const range = document.createRange();
                  range.setStart(text, token.index + word.index);
                  range.setEnd(text, token.index + word.index + word[0].length);
                  const pieces = [...range.getClientRects()].filter(piece => piece.width > 0);
                  const lines = new Set(pieces.map(piece => Math.round(piece.top)));
                  const width = pieces.reduce((sum, piece) => sum + piece.width, 0);
                  if (lines.size > 1 && width < column / 2) {
                    const table = element.closest('table');
                    found.add('"' + word[0] + '" in ' + (table ? 'the table of "'
                        + (table.querySelector('th')?.innerText.trim() ?? '') + '"' : element.tagName.toLowerCase()));
                  }
                }
              }
            }
            return [...found];
            """;

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    ScriptedCycle script;
    @Autowired
    ReturnDeadlines deadlines;
    @Autowired
    Mailer mailer;

    private Browser browser;
    private String base;
    private final List<String> tooWide = new ArrayList<>();
    private final List<String> brokenWords = new ArrayList<>();

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
        tooWide.clear();
        brokenWords.clear();
    }

    @Test
    @DisplayName("every page of the demo that the manager and the administrator reach by the application's links")
    void everyPageTheManagerAndTheAdministratorReach() {
        browser.forgetCookies();
        check("/login", "signed out");
        for (String user : List.of("manager", "demo")) {
            signIn(user);
            int walked = walkFrom("/", user);
            assertThat(walked).as("pages walked as " + user).isGreaterThan(30);
        }
        check("/mail", "demo (the demo's mail)");
        assertNoneTooWide();
    }

    /** The tables that only an open return has: its draft, its send-back answered, its deadline moved, its remedy. */
    @Test
    @DisplayName("an open return's pages, from its draft to its remedial actions")
    void anOpenReturnsPages() {
        TestNetwork network = testNetworks.create(1);
        Cycle cycle = script.open(network);
        String reference = network.plan().getReference();
        String plan = "/plans/" + reference;
        String code = network.network().getCode();
        String address = "https://www.example.org/community-cohesion/survey-results-by-ward-and-district-2026.xlsx";

        signIn("manager");
        check("/networks/" + code, "manager, the open cycle's withdrawal opened");
        signIn("lead");
        check(plan + "/update", "lead, the draft");
        assertThat(browser.findAll(By.id("achievements"))).as("the draft's form").isNotEmpty();

        script.update(cycle, network.plan(), "Surveyed four wards: " + address, "More.", "None.");
        // A web address that no line holds and that does not break where a line may: the send-back's email quotes it.
        String unbroken = "https://www.example.org/survey?results=communitycohesionbywardanddistrict2026wave4final";
        script.sendBack(cycle, network.plan(), "Which wards? " + address + " and " + unbroken);
        mailer.sendQueued();
        signIn("demo");
        check("/mail", "demo, the send-back's email sent");
        assertThat(browser.find(By.tagName("main")).getText()).as("the email quoting it").contains(unbroken);
        script.update(cycle, network.plan(), "Surveyed the wards of Glossop and Hadfield: " + address, "More.",
                "None.");
        Viewer manager = new Viewer("manager", Set.of(TestNetworks.MANAGER_GROUP));
        ReturnDeadlines.OpenTask judging = deadlines.openTask(reference, manager).orElseThrow();
        deadlines.move(reference, new DayMonthYear(String.valueOf(judging.latest().getDayOfMonth()),
                String.valueOf(judging.latest().getMonthValue()), String.valueOf(judging.latest().getYear())),
                "The judging officer is on leave: " + address, manager);
        script.judge(cycle, network.plan(), RagStatus.Red, "Behind: " + address);
        script.proposeRemedialAction(cycle, network.plan(), "Survey the other wards: " + address, "Priya Oakenshaw");

        signIn("manager");
        check(plan, "manager");
        check(plan + "/deadline", "manager, a deadline moved");
        assertThat(browser.find(By.tagName("main")).getText()).contains("The judging officer is on leave");
        check(plan + "/history", "manager, an update sent back, answered and judged");
        check(plan + "/returns/" + cycle.getReference(), "manager, an update sent back, answered and judged");
        assertThat(browser.find(By.tagName("main")).getText()).contains("What the answer to the send-back changed",
                "Survey the other wards");
        check("/networks/" + code + "/dashboard", "manager, a cycle open");
        assertNoneTooWide();
    }

    /** Checks the pages reached from the start by the application's links, each once; answers how many. */
    private int walkFrom(String start, String user) {
        Set<String> seen = new LinkedHashSet<>(List.of(start));
        Deque<String> toWalk = new ArrayDeque<>(seen);
        while (!toWalk.isEmpty()) {
            String path = toWalk.removeFirst();
            check(path, user);
            List<String> links = browser.script("return [...document.querySelectorAll('a[href]')].map(a => a.href);");
            links.stream().filter(link -> link.startsWith(base + "/")).map(link -> link.substring(base.length()))
                    .map(link -> link.replaceFirst("#.*", ""))
                    .filter(link -> !link.contains("?") && !NOT_A_PAGE.matcher(link).find()
                            && !OTHER_TESTS_NETWORKS.matcher(link).find())
                    .filter(seen::add).forEach(toWalk::addLast);
        }
        return seen.size();
    }

    private void signIn(String user) {
        browser.signInToPages(base, user);
    }

    /**
     * Opens the page in a phone's width, its folded parts opened, and keeps it if it is wider than the window or
     * breaks words to fit.
     */
    private void check(String path, String as) {
        browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
        browser.open(base + path);
        browser.script("document.querySelectorAll('details').forEach(details => details.open = true);");
        long window = browser.<Number>script("return document.documentElement.clientWidth;").longValue();
        long page = browser.<Number>script("return document.documentElement.scrollWidth;").longValue();
        assertThat(window).as("the window's width inside, in CSS pixels").isBetween(PHONE_WIDTH - 20L,
                (long) PHONE_WIDTH);
        List<String> broken = browser.script(BROKEN_WORDS);
        if (!broken.isEmpty()) {
            brokenWords.add(path + " as " + as + ": " + String.join(", ", broken.subList(0, Math.min(8,
                    broken.size()))) + (broken.size() > 8 ? " and " + (broken.size() - 8) + " more" : ""));
        }
        if (page > window || !broken.isEmpty()) {
            if (page > window) {
                tooWide.add(path + " as " + as + ": " + page + " px wide in a window " + window + " px wide");
            }
            browser.screenshot((path + "-" + as).replaceAll("[^A-Za-z0-9]+", "-"));
        }
    }

    private void assertNoneTooWide() {
        assertThat(tooWide).withFailMessage(() -> tooWide.size() + " page(s) wider than a phone's window, which "
                + "then scrolls sideways as a whole:\n" + String.join("\n", tooWide)).isEmpty();
        assertThat(brokenWords).withFailMessage(() -> brokenWords.size() + " page(s) fitting a phone's window by "
                + "breaking words across lines:\n" + String.join("\n", brokenWords)).isEmpty();
    }
}
