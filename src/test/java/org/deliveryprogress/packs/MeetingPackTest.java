package org.deliveryprogress.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A cycle of thirteen plans, each taken to a different outcome, closes; its meeting pack must put each plan in exactly
 * the sections it belongs to, on the page and in the PDF, keep officers' text as written and never as markup, and
 * stay as produced whatever changes afterwards.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The meeting pack")
class MeetingPackTest {

    static final String MARKUP = "<script>alert('x')</script> and <b>bold</b>";
    static final String SCHOOLS = "and <b>three</b> schools";
    static final String SURVEY_NOTE = "Provisional: <b>survey</b> sample small";
    static final String LONG_UPDATE = ("Paragraph one of a long update, pasted from Word\u000B"
            + "with a manual line break.\n\n"
            + "- first point\n- second point\n\n1. numbered\n2. list\n\n").repeat(40) + MARKUP;

    @Autowired
    TestNetworks testNetworks;
    @Autowired
    ScriptedCycle script;
    @Autowired
    MeetingPacks packs;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PdfRenderer renderer;
    @LocalServerPort
    int port;

    private Cycle cycle;
    private String networkCode;
    private List<DeliveryPlan> plan;
    private MeetingPack produced;
    private String year;

    /** Plan 1: Green, was Amber; 2: Blue; 3: Green without comment, was Green; 4: Amber, agreed, was Green; 5: Red,
     * proposed not agreed; 6: Red, nothing proposed; 7: no return; 8: submitted, not judged; 9: sent back; 10: Green
     * with a blockage; 11: Amber with markup and a long update, agreed; 12: no return, its title with markup; 13: Red,
     * remedial actions sent back and not proposed again. Plan 4's actions were sent back once before being agreed.
     * Plans 1 and 4 give evidence: plan 1, Green, an indicator off target, another with no new data, an action behind
     * and last quarter's remedial action in progress; plan 4, Amber, an indicator (lower is better) on target, another
     * off target, and an action behind. */
    @BeforeAll
    void aCycleOfThirteenPlansWithEveryOutcomeCloses() {
        TestNetwork network = testNetworks.create(13);
        networkCode = network.network().getCode();
        plan = network.plans();
        // The financial year of the values' period, whose targets they are checked against.
        year = ReportingPeriod.parse(period()).orElseThrow().year();
        transaction.executeWithoutResult(status -> {
            plans.findById(plan.get(11).getId()).orElseThrow().change("<i>Untitled</i> & unowned plan", "lead",
                    "judge");
            DeliveryPlan first = plans.findById(plan.get(0).getId()).orElseThrow();
            first.addIndicator("NI 1", "People who get on well together", "74.6", "%", true).setTarget(year, "75");
            first.addIndicator("LI 9", "Cohesion strategy adopted", "Not yet", null, true);
            first.addAction("CS.1", "Run the survey", "on track");
            PlanAction training = first.addAction("CS.2", "Train the staff", "not started");
            training.setResources("Officer time\nand <b>RIEP</b> money");
            training.setRisk("No trainer <i>free</i> before spring");
            first.setKeyPartners("Nottinghamshire Police, <b>LAA</b> partners");
            DeliveryPlan fourth = plans.findById(plan.get(3).getId()).orElseThrow();
            fourth.addIndicator("NI 16", "Serious acquisitive crime", "142", "per 1,000", false)
                    .setTarget(year, "No more than 120");
            fourth.addIndicator("NI 20", "Assault with injury", "9.1", "per 1,000", false).setTarget(year, "8.5");
            // Worded as a sentence, as the seeds' actions are: its full stop is not the list's.
            fourth.addAction("R.1", "Recruit two officers.", "on track");
        });
        script.lastQuarter(network, Map.of(plan.get(0), RagStatus.Amber, plan.get(2), RagStatus.Green,
                plan.get(3), RagStatus.Green), Map.of(plan.get(0), "Recruit volunteers <i>now</i>"));
        cycle = script.open(network);
        Long remedialAction = transaction.execute(status -> returns.findPrevious(plan.get(0).getId(), cycle.getId())
                .orElseThrow().getRemedialActions().get(0).getId());

        script.update(cycle, plan.get(0), "Everything on track.", "Keep going.", """
                [{"code": "NI 1", "period": "%s", "value": "70.5", "note": "%s"},
                 {"code": "LI 9", "noData": true, "note": "The board meets in January."}]"""
                .formatted(period(), SURVEY_NOTE), """
                [{"reference": "CS.1", "status": "on track"},
                 {"reference": "CS.2", "status": "behind", "note": "No trainer <em>yet</em>"}]""", """
                [{"id": %d, "state": "inProgress", "note": "Two of <b>five</b> recruited"}]"""
                .formatted(remedialAction));
        script.judge(cycle, plan.get(0), RagStatus.Green, "Share the volunteer scheme with the other plans.");
        script.update(cycle, plan.get(1), "Far ahead of target.", "Write it up.", null);
        script.judge(cycle, plan.get(1), RagStatus.Blue, "Exceptional: the mentoring model should be copied.");
        script.update(cycle, plan.get(2), "On track.", "More of the same.", "None.");
        script.judge(cycle, plan.get(2), RagStatus.Green, null);
        script.update(cycle, plan.get(3), "Behind on recruitment.", "Recruit.", """
                [{"code": "NI 16", "period": "%s", "value": "118"},
                 {"code": "NI 20", "period": "%s", "value": "9.4", "note": "Two late-night venues opened"}]"""
                .formatted(period(), period()), """
                [{"reference": "R.1", "status": "behind", "note": "One post re-advertised"}]""", null);
        script.judge(cycle, plan.get(3), RagStatus.Amber, "Two posts vacant since June.");
        script.proposeRemedialAction(cycle, plan.get(3), "Recruit", "HR");
        script.sendBackRemedialActions(cycle, plan.get(3), "Which posts, and advertised where?");
        script.proposeRemedialAction(cycle, plan.get(3), "Advertise the two posts", "HR");
        script.agreeRemedialActions(cycle, plan.get(3));
        script.update(cycle, plan.get(4), "Data missing.", "Find data.", null);
        script.judge(cycle, plan.get(4), RagStatus.Red, "No data since March.");
        script.proposeRemedialAction(cycle, plan.get(4), "Restore the statistics", "Police");
        script.update(cycle, plan.get(5), "Stalled.", "Unknown.", null);
        script.judge(cycle, plan.get(5), RagStatus.Red, "The project has stopped.");
        script.update(cycle, plan.get(7), "Submitted late.", "Catch up.", null);
        script.update(cycle, plan.get(8), "Too short.", "?", null);
        script.sendBack(cycle, plan.get(8), "Say what was achieved against the milestones.");
        script.update(cycle, plan.get(9), "On track.", "Continue.",
                "We need the network to agree a data-sharing protocol.");
        script.judge(cycle, plan.get(9), RagStatus.Green, null);
        script.update(cycle, plan.get(10), LONG_UPDATE, "Next: " + MARKUP, "Ask: " + MARKUP);
        script.judge(cycle, plan.get(10), RagStatus.Amber, "Comment with " + MARKUP);
        script.proposeRemedialAction(cycle, plan.get(10), "Fix " + MARKUP, "Owner <em>x</em>");
        script.agreeRemedialActions(cycle, plan.get(10));
        script.update(cycle, plan.get(12), "Off track.", "Rethink.", null);
        script.judge(cycle, plan.get(12), RagStatus.Red, "Nothing delivered.");
        script.proposeRemedialAction(cycle, plan.get(12), "Try harder", "Everyone");
        script.sendBackRemedialActions(cycle, plan.get(12), "Say what, who and by when, " + SCHOOLS);

        script.close(cycle);
        produced = packs.version(cycle.getId(), null).orElseThrow();
    }

    @Test
    void theCycleProducesVersionOneOfItsPackWhenItCloses() {
        assertThat(produced.getVersion()).isEqualTo(1);
        assertThat(produced.getProducedBy()).isNull();
        assertThat(packs.versions(cycle.getId())).hasSize(1);
    }

    @Test
    void eachSectionHoldsExactlyTheRightPlans() {
        String html = produced.getHtml();
        assertThat(plansIn(section(html, "summary", "exceptions")))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(plansIn(section(html, "exceptions", "blockages"))).as("Red and Amber, and plan 1, Green but off "
                + "target").containsExactlyInAnyOrder(1, 4, 5, 6, 11, 13);
        assertThat(plansIn(section(html, "blockages", "best-practice"))).containsExactlyInAnyOrder(10, 11);
        assertThat(plansIn(section(html, "best-practice", "no-return"))).containsExactlyInAnyOrder(1, 2);
        String noReturn = section(html, "no-return", "returns");
        int sentBack = noReturn.indexOf("Sent back for more information and not resubmitted");
        int notJudged = noReturn.indexOf("Returned but not judged");
        assertThat(plansIn(noReturn.substring(0, sentBack))).containsExactlyInAnyOrder(7, 12);
        assertThat(plansIn(noReturn.substring(sentBack, notJudged))).containsExactlyInAnyOrder(9);
        assertThat(plansIn(noReturn.substring(notJudged))).containsExactlyInAnyOrder(8);
        assertThat(plansIn(section(html, "returns", null)))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void statusesShowAWordAndASymbolAndTheChangeSinceLastQuarter() {
        String summary = section(produced.getHtml(), "summary", "exceptions");
        assertThat(row(summary, 1)).contains("✔ Green", "↑ better (was Amber)", "Eleanor Brackwater",
                "evidence suggested ✖ Red");
        assertThat(row(summary, 2)).contains("★ Blue").doesNotContain("evidence suggested");
        assertThat(row(summary, 3)).contains("✔ Green", "→ no change (was Green)");
        assertThat(row(summary, 4)).contains("▲ Amber", "↓ worse (was Green)");
        assertThat(row(summary, 5)).contains("✖ Red");
        assertThat(row(summary, 7)).contains("○ No return");
        assertThat(row(summary, 8)).contains("? Not judged");
        String exceptions = section(produced.getHtml(), "exceptions", "blockages");
        assertThat(exceptions).contains("Advertise the two posts", "agreed by the network", "Restore the statistics",
                "proposed, not agreed", "not agreed before the cycle closed", "none proposed before the cycle closed");
        assertThat(row(summary, 9)).as("sent back and not resubmitted: not judged, no judge")
                .contains("↩ Sent back, not resubmitted", "—").doesNotContain("Eleanor Brackwater");
    }

    @Test
    void aSendBackIsNamedAsSuchAndTheCloseSaysWhomEachReturnWasWaitingFor() throws IOException {
        String html = produced.getHtml();
        String noReturn = section(html, "no-return", "returns");
        assertThat(item(noReturn, 9)).contains("waiting for the lead officer Gareth Penhallow to resubmit the update "
                + "the judging officer Eleanor Brackwater sent back", "Update sent back for more information by "
                + "Eleanor Brackwater on ", "Say what was achieved against the milestones.");
        assertThat(item(noReturn, 8)).contains("waiting for the judging officer Eleanor Brackwater to judge the "
                + "update");
        assertThat(item(noReturn, 7)).contains("waiting for the lead officer Gareth Penhallow or the data-entry "
                + "officer ");
        String exceptions = section(html, "exceptions", "blockages");
        assertThat(exceptions).contains("Remedial actions sent back by ", "Which posts, and advertised where?",
                "Remedial actions agreed by ", "When the cycle closed: waiting for the lead officer Gareth Penhallow "
                        + "to propose again the remedial actions ",
                "When the cycle closed: waiting for the lead officer Gareth Penhallow to propose remedial actions.",
                "When the cycle closed: waiting for the network&#39;s managers to agree the remedial actions");
        assertThat(html).as("markup in a send-back shown as written")
                .contains("and &lt;b&gt;three&lt;/b&gt; schools").doesNotContain(SCHOOLS);

        String pdf = pdfText(produced.getPdf()).replaceAll("\\s+", " ");
        assertThat(pdf).contains("↩ Sent back, not resubmitted", "Update sent back for more information by Eleanor "
                + "Brackwater", "to resubmit the update the judging officer Eleanor Brackwater sent back",
                "Remedial actions sent back by", "Say what, who and by when, " + SCHOOLS);
    }

    @Test
    void officersTextIsShownAsWrittenAndNeverAsMarkup() throws IOException {
        String html = produced.getHtml();
        assertThat(html).doesNotContain("<script>", "<b>bold</b>", "<em>x</em>", "<i>Untitled</i>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;",
                        "&lt;i&gt;Untitled&lt;/i&gt; &amp; unowned plan")
                .contains("- first point\n- second point\n\n1. numbered\n2. list");
        String pdf = pdfText(produced.getPdf());
        assertThat(html).as("Word's manual line break, which XML does not allow, as a line break")
                .contains("pasted from Word\nwith a manual line break");
        assertThat(pdf).contains("<script>alert('x')</script> and <b>bold</b>", "<i>Untitled</i> & unowned plan",
                "- first point", "2. list");
    }

    @Test
    void eachPlanNamesItsKeyPartnersWhereTheRegisterHoldsThem() {
        assertThat(article(produced.getHtml(), 1)).contains("Key partners</th>",
                "Nottinghamshire Police, &lt;b&gt;LAA&lt;/b&gt; partners");
        assertThat(article(produced.getHtml(), 2)).doesNotContain("Key partners");
    }

    @Test
    void anActionsResourcesAndRiskStandBesideItsProgressAndItsRiskBesideItBehind() throws IOException {
        String first = article(produced.getHtml(), 1);
        assertThat(first).contains("Resources: Officer time\nand &lt;b&gt;RIEP&lt;/b&gt; money",
                "Risk: No trainer &lt;i&gt;free&lt;/i&gt; before spring");
        assertThat(first.indexOf("Risk: No trainer")).as("beside its own action, behind first")
                .isBetween(first.indexOf("CS.2: Train the staff"), first.indexOf("CS.1: Run the survey"));
        assertThat(article(produced.getHtml(), 4)).as("an action with neither").contains("R.1: Recruit two officers")
                .doesNotContain("Resources:", "Risk:");
        assertThat(section(produced.getHtml(), "exceptions", "blockages")).as("the action behind, in section 2")
                .containsOnlyOnce("The plan&#39;s risk: No trainer &lt;i&gt;free&lt;/i&gt; before spring");
        assertThat(pdfText(produced.getPdf()).replaceAll("\\s+", " ")).contains(
                "Resources: Officer time and <b>RIEP</b> money", "Risk: No trainer <i>free</i> before spring",
                "The plan's risk: No trainer <i>free</i> before spring");
    }

    @Test
    void eachReturnLaysOutItsEvidenceBesideBaselineAndTheTargetOfItsYearActionsBehindFirst() throws IOException {
        String first = article(produced.getHtml(), 1);
        assertThat(first).contains("Indicators", "Target (year)", "NI 1: People who get on well together",
                "70.5 % (" + period() + ")", "6% short of target: Red", "74.6 %", "75 % (" + year + ")",
                "Provisional: &lt;b&gt;survey&lt;/b&gt; sample small", "LI 9: Cohesion strategy adopted",
                "No new data", "The board meets in January.", "Progress on the plan",
                "No trainer &lt;em&gt;yet&lt;/em&gt;", "Remedial actions agreed last quarter, followed up",
                "Recruit volunteers &lt;i&gt;now&lt;/i&gt;", "Police", "In progress",
                "Two of &lt;b&gt;five&lt;/b&gt; recruited");
        assertThat(first.indexOf("CS.2: Train the staff")).as("the action behind first")
                .isLessThan(first.indexOf("CS.1: Run the survey"));
        assertThat(first.split("short of target: \\w+</strong>", -1)).as("one indicator off target").hasSize(2);
        String fourth = article(produced.getHtml(), 4);
        assertThat(fourth).contains("118 per 1,000 (" + period() + ")", "No more than 120 per 1,000",
                "9.4 per 1,000 (" + period() + ")", "8.5 per 1,000 (" + year + ")", "One post re-advertised");
        assertThat(fourth.split("short of target: \\w+</strong>", -1))
                .as("lower is better: 118 meets no more than 120, 9.4 misses 8.5").hasSize(2);
        assertThat(fourth).contains("10.59% short of target: Red");
        assertThat(article(produced.getHtml(), 3)).as("a plan with nothing to report").doesNotContain("Indicators",
                "Progress on the plan");

        String pdf = pdfText(produced.getPdf()).replaceAll("\\s+", " ");
        assertThat(pdf).contains("70.5 % (" + period() + ")", "6% short of target: Red", SURVEY_NOTE,
                "No trainer <em>yet</em>", "Two of <b>five</b> recruited", "Recruit volunteers <i>now</i>");
    }

    @Test
    void chartsShowEachIndicatorAndThePlansByStatusOnThePageAndInThePdfWithTheirFiguresInWords() throws IOException {
        String ni1 = "NI 1: People who get on well together. Values: " + period() + " 70.5 %.";
        String first = article(produced.getHtml(), 1);
        assertThat(first).containsPattern("<figure class=\"chart\">\\s*<svg [^>]*role=\"img\"")
                .contains(ni1).doesNotContain("LI 9: Cohesion strategy adopted. Values");
        String summary = section(produced.getHtml(), "summary", "exceptions");
        assertThat(summary).contains("<svg", "plans by status, quarter by quarter",
                "13 plans, 3 Red, 2 Amber, 3 Green, 1 Blue, 2 not judged, 2 no return.");
        String pdf = pdfText(produced.getPdf()).replaceAll("\\s+", " ");
        assertThat(pdf).as("the charts' figures in words beside them").contains(ni1,
                "13 plans, 3 Red, 2 Amber, 3 Green, 1 Blue, 2 not judged, 2 no return.");
    }

    @Test
    void theExceptionsNameTheIndicatorsOffTargetAndTheActionsBehindAGreenPlansToo() {
        String exceptions = section(produced.getHtml(), "exceptions", "blockages");
        String amber = exceptions.substring(exceptions.indexOf(plan.get(3).getReference() + " "));
        amber = amber.substring(0, amber.indexOf("</div>"));
        assertThat(amber).contains("Indicators off target", "NI 20: Assault with injury: 9.4 per 1,000 (" + period()
                + "), against a target of 8.5 per 1,000 for " + year, "Two late-night venues opened",
                "Actions behind", "R.1: Recruit two officers: reported behind:", "One post re-advertised")
                .doesNotContain("NI 16", "officers.:");

        assertThat(amber).as("Amber where the evidence suggested Red").contains("Judged Amber; the evidence "
                + "suggested ✖ Red: kinder than the evidence, and the judging officer&#39;s comment says why.");

        String others = exceptions.substring(exceptions.indexOf("Judged neither Red nor Amber"));
        assertThat(plansIn(others)).containsExactly(1);
        assertThat(others).contains("Judged Green; the evidence suggested ✖ Red: kinder than the evidence, and the "
                + "judging officer&#39;s comment says why.", "NI 1: 70.5 % (" + period() + ") against a target of "
                + "75 % for " + year + ", 6% short of target: Red.", "CS.2: Train the staff: reported behind: Amber.");
        assertThat(others).contains("✔ Green", "NI 1: People who get on well together: 70.5 % (" + period()
                + "), against a target of 75 % for " + year, "Provisional: &lt;b&gt;survey&lt;/b&gt; sample small",
                "CS.2: Train the staff:", "No trainer &lt;em&gt;yet&lt;/em&gt;")
                .doesNotContain("LI 9", "CS.1", SURVEY_NOTE);
    }

    @Test
    void thePdfHoldsTheSectionsAndEveryPlan() throws IOException {
        String pdf = pdfText(produced.getPdf());
        assertThat(pdf).contains("1. Summary of every plan", "2. Exceptions: Red and Amber plans",
                "3. Blockages and asks of the network", "4. Best practice: Green and Blue plans",
                "5. Plans with no return", "6. Each plan's return", "✖ Red", "▲ Amber", "✔ Green", "★ Blue",
                "We need the network to agree a data-sharing protocol.");
        for (DeliveryPlan each : plan) {
            assertThat(pdf).contains(each.getReference());
        }
        try (PDDocument document = Loader.loadPDF(produced.getPdf())) {
            assertThat(document.getNumberOfPages()).as("a page per plan's return at least").isGreaterThan(12);
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged, for screen readers")
                    .isNotNull();
            assertThat(pdf).contains("Page 1 of " + document.getNumberOfPages(),
                    "Page " + document.getNumberOfPages() + " of " + document.getNumberOfPages());
        }
    }

    @Test
    void thePdfInPartsOfTwoPlansHasThePagesOfThePdfInOnePart() throws IOException {
        String title = "Meeting pack " + cycle.getReference();
        byte[] inParts = renderer.render(produced.getHtml(), title, new PdfRenderer.Parts("plan", 2));
        byte[] inOne = renderer.render(produced.getHtml(), title, new PdfRenderer.Parts("no-such-class", 2));

        assertThat(pageTexts(inParts)).hasSizeGreaterThan(13).isEqualTo(pageTexts(inOne));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("the PDF is rendered without a warning of its renderer: styles for the screen alone are not read")
    void thePdfIsRenderedWithoutTheRenderersWarnings(CapturedOutput output) {
        renderer.render(produced.getHtml(), "Meeting pack", new PdfRenderer.Parts("plan", 2));

        assertThat(output).doesNotContain("com.openhtmltopdf");
    }

    @Test
    void theFrozenPackStaysAsProducedAndANewVersionShowsTheChange() {
        byte[] html = produced.htmlBytes();
        byte[] pdf = produced.getPdf();
        transaction.executeWithoutResult(status -> changePlanOne("Renamed after the close", "68"));

        MeetingPack again = packs.version(cycle.getId(), 1).orElseThrow();
        assertThat(again.htmlBytes()).isEqualTo(html);
        assertThat(again.getPdf()).isEqualTo(pdf);
        assertThat(again.getHtml()).doesNotContain("Renamed after the close").contains("75 %");

        int version = packs.regenerate(cycle.getId(), "manager");
        assertThat(version).isEqualTo(2);
        String second = packs.version(cycle.getId(), 2).orElseThrow().getHtml();
        assertThat(second).contains("Renamed after the close", "Version <span>2</span>");
        assertThat(section(second, "exceptions", "blockages"))
                .as("70.5 measured against 75, the target its update was submitted against, not the 68 set since")
                .contains("NI 1: People who get on well together");
        assertThat(packs.version(cycle.getId(), 1).orElseThrow().htmlBytes()).isEqualTo(html);
        assertThat(packs.versions(cycle.getId())).extracting(PackVersion::version).containsExactly(2, 1);
        transaction.executeWithoutResult(status -> changePlanOne(plan.get(0).getTitle(), "75"));
    }

    @Test
    @DisplayName("a cycle still open has no pack to produce again, and is told so, not to try again in a minute")
    void aCycleStillOpenHasNoPackToProduceAgain() {
        Cycle open = script.open(testNetworks.create(1));

        assertThatThrownBy(() -> packs.regenerate(open.getId(), "manager")).isInstanceOf(InvalidRequestException.class)
                .hasMessage(open.getReference() + " is still open: its pack is produced when it closes, and may be "
                        + "produced again from then until its meeting.");
        assertThat(packs.versions(open.getId())).isEmpty();
    }

    @Test
    void itsNetworksManagersGetEachVersionExactlyAsStoredAndNoOneElseDoes() {
        WebSession manager = new WebSession(port);
        manager.signIn("manager");
        String reference = cycle.getReference();
        assertThat(manager.bytes("/packs/" + reference + "/versions/1")).isEqualTo(produced.htmlBytes());
        assertThat(manager.bytes("/packs/" + reference + "/versions/1.pdf")).isEqualTo(produced.getPdf());
        assertThat(manager.get("/networks/" + networkCode + "/packs").body())
                .contains("/packs/" + reference + "/versions/1.pdf", "/packs/" + reference + "/regenerate");
        assertThat(manager.get("/networks/SCN/packs").body()).as("the demo's last quarter, whose meeting is past")
                .contains("none: the meeting has taken place").doesNotContainPattern("/packs/SCN-[0-9-]+/regenerate");

        WebSession lead = new WebSession(port);
        lead.signIn("lead");
        assertThat(lead.get("/packs/" + reference).status()).as("an officer of the network").isEqualTo(403);
        WebSession otherManager = new WebSession(port);
        otherManager.signIn("manager2");
        assertThat(otherManager.get("/packs/" + reference + ".pdf").status()).as("another network's manager")
                .isEqualTo(404);
        assertThat(otherManager.get("/packs/" + reference).body()).as("told as of a cycle that does not exist")
                .contains("There is no cycle " + reference + ".");
        assertThat(otherManager.get("/packs/" + reference + "X").body())
                .contains("There is no cycle " + reference + "X.");
        assertThat(new WebSession(port).get("/packs/" + reference).status()).as("no one signed in").isEqualTo(302);
    }

    @Test
    @DisplayName("the packs' page leads back to the network's dashboard and page, as the dashboard leads to it")
    void thePacksPageLeadsBackToTheDashboardAndTheNetwork() {
        WebSession manager = new WebSession(port);
        manager.signIn("manager");

        assertThat(manager.get("/networks/SCN/packs").body()).contains(
                "<a href=\"/networks/SCN/dashboard\">Dashboard</a>",
                "<a href=\"/networks/SCN\">Network, meetings and plans</a>");
    }

    /** Plan 1's title and its NI 1 target for the year of the values' period. */
    private void changePlanOne(String title, String target) {
        DeliveryPlan first = plans.findById(plan.get(0).getId()).orElseThrow();
        first.change(title, "lead", "judge");
        first.indicator("NI 1").orElseThrow().setTarget(year, target);
    }

    /** The period the evidence's values are for: last quarter. */
    private static String period() {
        return ReportingPeriod.quarterOf(LocalDate.now()).previous().toString();
    }

    /** A plan's return in section 6, from its heading. */
    private String article(String html, int planNumber) {
        String returns = section(html, "returns", null);
        int start = returns.indexOf("<h3>" + plan.get(planNumber - 1).getReference() + " ");
        return returns.substring(start, returns.indexOf("</article>", start));
    }

    /** The numbers (1 to 13) of the plans named in a part of the pack, in order of first mention. */
    private List<Integer> plansIn(String part) {
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            int at = part.indexOf(plan.get(i).getReference() + " ");
            int at2 = part.indexOf(plan.get(i).getReference() + "<");
            int first = at < 0 ? at2 : at2 < 0 ? at : Math.min(at, at2);
            if (first >= 0) {
                found.add(new int[] { first, i + 1 });
            }
        }
        return found.stream().sorted((a, b) -> Integer.compare(a[0], b[0])).map(pair -> pair[1]).toList();
    }

    /** A plan's item in a list of the pack. */
    private String item(String part, int planNumber) {
        int start = part.indexOf(plan.get(planNumber - 1).getReference() + " ");
        return part.substring(start, part.indexOf("</li>", start));
    }

    private String row(String summary, int planNumber) {
        int start = summary.indexOf(plan.get(planNumber - 1).getReference() + "<");
        return summary.substring(start, summary.indexOf("</tr>", start));
    }

    private static String section(String html, String id, String nextId) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        int end = nextId == null ? html.length() : html.indexOf("<section id=\"" + nextId + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, end);
    }

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
