package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.returns.Evidence;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.StatusSuggestion;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15: the update's form asks for the evidence behind the texts, one row per indicator and open action, and the
 * judge weighs it beside them. In Chromium: the lead officer types a value that is no number and is told which
 * indicator, then fills in a value, no new data for the other indicator, and an action behind; the judge's form shows
 * them. Screenshots in {@code target/screenshots/EvidenceInBrowserTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("The evidence of an update, in Tasklist")
class EvidenceInBrowserTest {

    /** A phone's window, as an officer holds it: 375 px wide (CSS pixels), as many phones are. */
    private static final int PHONE_WIDTH = 375;
    private static final int PHONE_HEIGHT = 740;

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RuntimeService runtimeService;

    @Test
    @DisplayName("is filled in by the lead officer, refused in words when a value is no number, and read by the judge, "
            + "who sees what it suggests and says why they judge kinder")
    void filledInByTheLeadAndReadByTheJudge() {
        TestNetwork network = networks.create(1);
        networks.withEvidence(network.plan());
        networks.describeAction(network.plan(), "CS.2", "Officer time and <b>RIEP</b> money",
                "No trainer free\nbefore spring");
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();
        String lastQuarter = ReportingPeriod.quarterOf(network.meeting().getMeetingDate()).previous().toString();

        try (Browser browser = new Browser(getClass().getSimpleName())) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, "The evidence");
            assertThat(tasklist.formText()).contains("NI 1: People who believe", "Baseline 74.6 %",
                    "CS.2: Train frontline staff", "Resources: Officer time and <b>RIEP</b> money",
                    "Risk: No trainer free\nbefore spring");
            assertThat(tasklist.formText().split("Risk: ", -1)).as("CS.1 names none").hasSize(2);
            assertThat(tasklist.formText()).as("what to give, for the lists this plan has")
                    .contains("For each indicator: its latest value", "For each open action: its status",
                            "Last quarter's answers are filled in where they still hold.")
                    .doesNotContain("For each remedial action agreed last quarter");
            assertThat(tasklist.value("Field_indicatorPeriod_0")).as("the last quarter before the meeting")
                    .isEqualTo(lastQuarter);
            assertThat(tasklist.selected("Field_actionStatus_1")).as("the register's status").isEqualTo("not started");

            tasklist.type("Field_achievements", "Survey run in four districts.");
            tasklist.type("Field_plannedActivities", "Run it in the last three.");
            // the plan's indicators in the order of their codes: LI 9, then NI 1
            assertThat(tasklist.formText().indexOf("LI 9: Cohesion strategy"))
                    .isLessThan(tasklist.formText().indexOf("NI 1: People who believe"));
            tasklist.type("Field_indicatorValue_1", "about 75");
            tasklist.type("Field_indicatorValue_0", "Adopted by five of seven");
            tasklist.openSelect("Field_actionStatus_1");
            tasklist.pickOption("behind");
            tasklist.type("Field_actionNote_1", "No trainer until <b>February</b>.");
            tasklist.clickFormButton("Submit update");
            assertThat(tasklist.awaitErrorSummary("is not a number")).anyMatch(problem -> problem.equals(
                    "NI 1: 'about 75' is not a number; write it in figures, such as 74.6 (%)."));
            browser.screenshot("a-value-that-is-no-number-is-refused");
            assertThat(officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE)).as("still open").isNotNull();
            assertThat(evidenceOf(planReturn).indicators()).as("nothing recorded").isEmpty();

            tasklist.type("Field_indicatorValue_1", "75.9");
            tasklist.clickFormButton("Submit update");
            tasklist.awaitCompleted();
            Evidence evidence = evidenceOf(planReturn);
            assertThat(evidence.indicators()).extracting(Evidence.IndicatorAnswer::getCode,
                    Evidence.IndicatorAnswer::getPeriod, Evidence.IndicatorAnswer::getValue)
                    .containsExactly(tuple("LI 9", lastQuarter, "Adopted by five of seven"),
                            tuple("NI 1", lastQuarter, "75.9"));
            assertThat(evidence.actions()).extracting(Evidence.ActionProgress::getReference,
                    Evidence.ActionProgress::getStatus, Evidence.ActionProgress::getNote)
                    .containsExactly(tuple("CS.1", "on track", null),
                            tuple("CS.2", "behind", "No trainer until <b>February</b>."));
            assertThat(runtimeService.getVariables(planReturn.getId())).as("the evidence stays out of the engine")
                    .doesNotContainKeys(INDICATOR_VALUES, ACTION_PROGRESS, REMEDIAL_FOLLOW_UP);

            tasklist.signIn("judge");
            tasklist.openFilter("Awaiting my judgement");
            tasklist.openTask("Judge status: " + plan, "The evidence");
            assertThat(tasklist.formText()).contains("75.9 % (" + lastQuarter + ")", "74.6 %", "76.0 %",
                    "Adopted by five of seven", "No trainer until <b>February</b>.");
            // the paper form's "Activities will be not meet", copied into the form until 7 December 2026
            assertThat(tasklist.formText()).as("Table A, as the pack words it")
                    .contains("1 – Red: " + RagStatus.Red.definition());
            assertThat(tasklist.formText().indexOf("CS.2")).as("the action behind first")
                    .isLessThan(tasklist.formText().indexOf("CS.1"));
            String year = ReportingPeriod.parse(lastQuarter).orElseThrow().year();
            assertThat(tasklist.formText()).contains("What the evidence suggests", "the evidence suggests Amber",
                    "NI 1: 75.9 % (" + lastQuarter + ") against a target of 76.0 % for " + year
                            + ", 0.13% short of target: Amber.",
                    "CS.2: Train frontline staff in tension monitoring: reported behind: Amber.");
            assertThat(tasklist.imagesShown()).as("NI 1's chart, drawn, its values in words")
                    .singleElement().asString().contains("NI 1", "75.9");
            // form-js gave each column at least 120 px: the indicators' seven took 840 in a form about 700 wide in a
            // laptop's window, and their direction of travel and the lead officer's note were out of sight to the
            // right, until 7 December 2026
            List<String> tablesWiderThanTheForm = browser.script("""
                    return [...document.querySelectorAll('.fjs-container .fjs-table-inner-container')]
                      .filter(box => box.offsetParent && box.scrollWidth > box.clientWidth + 1)
                      .map(box => box.closest('.fjs-form-field').querySelector('label').innerText
                        + ': ' + box.scrollWidth + ' px in ' + box.clientWidth);""");
            assertThat(tablesWiderThanTheForm).as("the evidence's tables, each column in view").isEmpty();
            browser.screenshot("the-judge-reads-the-evidence");

            tasklist.choose("Green – on schedule, or completed");
            assertThat(tasklist.formText()).as("a status kinder than the evidence asks why")
                    .contains("Comment: why the status is kinder than the evidence suggests");
            // a report pasted whole: form-js's "Field must have maximum length of 10000." says by how much
            tasklist.paste("Field_judgementComment", "x".repeat(10_050));
            assertThat(tasklist.awaitFieldErrorsShowing("Shorten it by 50.")).containsExactly(
                    "10,050 characters long; the limit is 10,000. Shorten it by 50.");
            tasklist.paste("Field_judgementComment", "x".repeat(10_001));
            assertThat(tasklist.awaitFieldErrorsShowing("Shorten it by 1.")).as("counted again as it is edited")
                    .containsExactly("10,001 characters long; the limit is 10,000. Shorten it by 1.");
            tasklist.type("Field_judgementComment", "");
            assertThat(tasklist.awaitFieldErrorsShowing("Field is required.")).as("emptied, the error is form-js's "
                    + "next one, not the length the text had").containsExactly("Field is required.");
            tasklist.type("Field_judgementComment", "The trainer starts in February; the survey is a rounding away.");
            browser.screenshot("the-judge-says-why-the-status-is-kinder");
            Long returnId = (Long) runtimeService.getVariable(planReturn.getId(), RETURN_ID);
            tasklist.clickComplete();
            tasklist.awaitCompleted();
            PlanReturn judged = returns.findById(returnId).orElseThrow();
            assertThat(judged.getRagStatus()).isEqualTo(RagStatus.Green);
            assertThat(judged.getSuggestion()).map(StatusSuggestion::status).contains(RagStatus.Amber);
        }
    }

    @Test
    @DisplayName("sent back and answered, shows its judge what the answer changed: each text and answer as it was when "
            + "sent back beside it as it is, and nothing that did not change")
    void showsTheJudgeWhatTheAnswerToASendBackChanged() {
        TestNetwork network = networks.create(1);
        networks.withEvidence(network.plan());
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();
        String lastQuarter = ReportingPeriod.quarterOf(network.meeting().getMeetingDate()).previous().toString();
        submitUpdate(planReturn, "Survey run in four districts.", lastQuarter, "74.2");
        officers.submit("judge", officers.task(planReturn.getId(), TASK_JUDGE_STATUS), Map.of(JUDGEMENT_OUTCOME,
                OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, "Which districts? And is 74.2 the final figure?"));
        submitUpdate(planReturn, "Survey run in Ashfield, Bassetlaw, Gedling and Mansfield.", lastQuarter, "75.9");

        try (Browser browser = new Browser(getClass().getSimpleName() + "-sent-back")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("judge");
            tasklist.openFilter("Awaiting my judgement");
            tasklist.openTask("Judge status: " + plan, "What the answer changed");
            String form = tasklist.formText();
            browser.screenshot("the-judge-sees-what-the-answer-changed");
            String changes = form.substring(form.indexOf("What the answer changed"),
                    form.indexOf("The update submitted"));
            assertThat(changes).contains("Key achievements since last quarter\nWhen sent back\n"
                    + "Survey run in four districts.\nNow\nSurvey run in Ashfield, Bassetlaw, Gedling and Mansfield.",
                    "NI 1: People who believe", "74.2 % (" + lastQuarter + ")", "75.9 % (" + lastQuarter + ")")
                    .doesNotContain("LI 9", "CS.1", "Key activities planned");
        }
    }

    @Test
    @DisplayName("sent back, tells its lead officer that their answers as submitted are filled in, not last quarter's")
    void sentBackSaysItsOwnAnswersAreFilledIn() {
        TestNetwork network = networks.create(1);
        networks.withEvidence(network.plan());
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();
        String lastQuarter = ReportingPeriod.quarterOf(network.meeting().getMeetingDate()).previous().toString();
        submitUpdate(planReturn, "Survey run in four districts.", lastQuarter, "74.2");
        officers.submit("judge", officers.task(planReturn.getId(), TASK_JUDGE_STATUS), Map.of(JUDGEMENT_OUTCOME,
                OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, "Is 74.2 the final figure?"));

        try (Browser browser = new Browser(getClass().getSimpleName() + "-sent-back-answers")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, "The evidence");
            assertThat(tasklist.value("Field_indicatorValue_1")).isEqualTo("74.2");
            assertThat(tasklist.formText())
                    .contains("Your answers as submitted are filled in: change those the judging officer asks about.")
                    .doesNotContain("Last quarter's answers are filled in");
        }
    }

    /** The lead officer's update, its evidence as Tasklist sends it: NI 1's value as given, the rest unchanged. */
    private void submitUpdate(ProcessInstance planReturn, String achievements, String period, String ni1) {
        officers.submit("lead", officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE), Map.of(
                ACHIEVEMENTS, achievements, PLANNED_ACTIVITIES, "Run it in the last three.",
                INDICATOR_VALUES, SpinValues.jsonValue("[{\"code\": \"LI 9\", \"period\": \"" + period
                        + "\", \"value\": \"Adopted by five of seven\"}, {\"code\": \"NI 1\", \"period\": \""
                        + period + "\", \"value\": \"" + ni1 + "\"}]").create(),
                ACTION_PROGRESS, SpinValues.jsonValue("[{\"reference\": \"CS.1\", \"status\": \"on track\"}, "
                        + "{\"reference\": \"CS.2\", \"status\": \"not started\"}]").create()));
    }

    @Test
    @DisplayName("takes a keyboard user only to what they can change: each row's indicator or action is read in its "
            + "heading, not in a read-only field of its own, and its key still goes with the answers")
    void reachedByKeyboardOnlyWhereItCanBeChanged() {
        TestNetwork network = networks.create(1);
        networks.withEvidence(network.plan());
        ProcessInstance planReturn = openReturns.of(network);
        String plan = network.plan().getReference();

        try (Browser browser = new Browser(getClass().getSimpleName() + "-keyboard")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, "The evidence");
            List<String> stops = tasklist.tabStops();
            // until 6 December 2026 each indicator's code and each action's reference was a read-only field between
            assertThat(stops).as("what Tab reaches in the form").noneMatch(stop -> stop.endsWith("(read-only)"))
                    .anyMatch(stop -> stop.endsWith("-Field_achievements"))
                    .anyMatch(stop -> stop.endsWith("-Field_indicatorValue_1"))
                    .anyMatch(stop -> stop.endsWith("-Field_actionNote_1")).last().asString()
                    .isEqualTo("button Submit update");
            assertThat(tasklist.formText()).as("what each row is about, read in its heading")
                    .contains("LI 9: Cohesion strategy adopted", "NI 1: People who believe",
                            "CS.1: Run the cohesion survey", "CS.2: Train frontline staff");

            tasklist.type("Field_achievements", "Survey run.");
            tasklist.type("Field_plannedActivities", "More.");
            tasklist.type("Field_indicatorValue_0", "Adopted by five of seven");
            tasklist.type("Field_indicatorValue_1", "75.9");
            tasklist.clickFormButton("Submit update");
            tasklist.awaitCompleted();
            assertThat(evidenceOf(planReturn).actions()).as("the rows' keys sent with their answers")
                    .extracting(Evidence.ActionProgress::getReference).containsExactly("CS.1", "CS.2");
        }
    }

    @Test
    @DisplayName("asks every question whole in a phone's width: no label of the form is cut off")
    void readWholeInAPhonesWidth() {
        TestNetwork network = networks.create(1);
        networks.withEvidence(network.plan());
        openReturns.of(network);
        String plan = network.plan().getReference();

        try (Browser browser = new Browser(getClass().getSimpleName() + "-phone")) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("My returns to submit");
            tasklist.openTask("Submit update: " + plan, "The evidence");
            browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
            Browser.pause(500);
            // form-js kept a label on one line and hid the rest: "Note (if there is no new data: why, and when the"
            Long shown = browser.script("""
                    return [...document.querySelectorAll('.fjs-container .fjs-form-field-label')]
                      .filter(label => label.offsetParent).length;""");
            assertThat(shown).as("the form's labels, as form-js marks them").isGreaterThan(10);
            List<String> cutOff = browser.script("""
                    return [...document.querySelectorAll('.fjs-container .fjs-form-field-label')]
                      .filter(label => label.offsetParent && label.scrollWidth > label.clientWidth + 1)
                      .map(label => label.innerText);""");
            assertThat(cutOff).as("labels cut off at %d px", PHONE_WIDTH).isEmpty();
            assertThat(tasklist.formText()).contains("Blockages or issues to be addressed by the network",
                    "Note (if there is no new data: why, and when there will be)");
        }
    }

    private Evidence evidenceOf(ProcessInstance planReturn) {
        Long returnId = (Long) runtimeService.getVariable(planReturn.getId(), RETURN_ID);
        return transaction.execute(status -> returns.findById(returnId).orElseThrow().getEvidence());
    }
}
