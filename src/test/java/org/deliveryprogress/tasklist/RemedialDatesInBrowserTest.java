package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.tasklist.Browser.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 14: in a browser set to American English, Tasklist's date field read a UK officer's 31/01/2027 as month 31
 * and stored 1 July 2029, and 02/10/2027 as 10 February, without a word. The proposal form now takes the day, month
 * and year in three boxes and shows the date back in words. A lead officer proposes in Chromium set to each language
 * and types the same dates; the manager then reads them in words, and sends them back to find them as typed.
 * Screenshots in {@code target/screenshots/RemedialDatesInBrowserTest-<language>/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("A remedial action's date in Tasklist")
class RemedialDatesInBrowserTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A slash-separated date such as 1/31/2027 or 31/01/27: the form must never show one. */
    private static final String NUMERIC_DATE = "\\d{1,2}/\\d{1,2}/\\d{2,4}";

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
    ObjectMapper objectMapper;

    @ParameterizedTest(name = "in a browser set to {0}")
    @EnumSource(Language.class)
    @DisplayName("is typed day first in three boxes whatever the browser's language, shown in words before it is sent, "
            + "refused when it does not exist, and stored as typed")
    void typedDayFirstWhateverTheBrowsersLanguage(Language language) throws Exception {
        TestNetwork network = networks.create(1);
        ProcessInstance planReturn = openReturns.of(network);
        openReturns.judgeRed(planReturn, "No data: milestones missed.");
        Long returnId = openReturns.returnId(planReturn);
        String plan = network.plan().getReference();
        int year = LocalDate.now(LONDON).getYear() + 1;
        LocalDate lastOfJanuary = LocalDate.of(year, 1, 31);
        LocalDate secondOfOctober = LocalDate.of(year, 10, 2);

        try (Browser browser = new Browser(getClass().getSimpleName() + "-" + language.tag(), language)) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            assertThat(browser.<String>script("return navigator.language;")).as("the browser's language")
                    .isEqualTo(language.tag());
            tasklist.openFilter("Remedial actions to propose");
            tasklist.openTask("Propose remedial actions: " + plan, "set the status to Red");
            assertThat(tasklist.formText()).contains("By when", "For example, 31 1 " + year, "Day", "Month", "Year")
                    .as("nothing typed is no mistake yet").doesNotContain("Not a date yet");

            // 31 / 1 is read as 31 January, where the browser's date field read 31/01 as a 31st month
            tasklist.type("Field_remedialAction_0", "Restore the interim hate crime statistics.");
            tasklist.type("Field_remedialOwner_0", "Police Hate Crime Unit");
            // a whole date typed in the day box, as a UK officer writes one, is named for what it is
            tasklist.type("Field_remedialDueDay_0", "31/01/" + year);
            tasklist.awaitListEntryShowing(0, "Not a date yet: the day box takes the day only, such as 31: put the "
                    + "month and the year in their own boxes; enter the month; enter the year.");
            // a month in words and a two-digit year: each box says what it takes
            typeDate(tasklist, 0, "31", "Jan", "" + year % 100);
            tasklist.awaitListEntryShowing(0, "Not a date yet: the month is a number from 1 to 12, such as 2 for "
                    + "February; the year has four digits, such as " + year + ".");
            typeDate(tasklist, 0, "31", "1", year + "");
            assertThat(tasklist.awaitListEntryShowing(0, "By 31 January " + year)).doesNotContainPattern(NUMERIC_DATE);

            // a slip to a day that does not exist is named as the server names it, and refused there, naming the action
            tasklist.addListEntry();
            tasklist.clickFormButton("Submit remedial actions");
            assertThat(tasklist.awaitErrorSummary("Fill in")).as("named by the entry's heading")
                    .contains("Remedial action 2 – Fill in “What will be done”.");
            tasklist.type("Field_remedialAction_1", "Brief the district councils on the reporting centres.");
            tasklist.type("Field_remedialOwner_1", "Safer Communities team");
            typeDate(tasklist, 1, "31", "2", year + "");
            tasklist.awaitListEntryShowing(1, "Not a date yet: there is no 31 February " + year + ".");
            browser.screenshot("lead-types-31-february");
            tasklist.clickFormButton("Submit remedial actions");
            assertThat(tasklist.awaitErrorSummary("there is no 31 February")).as("at the top of the form")
                    .anyMatch(problem -> problem.contains("Remedial action 2: there is no 31 February " + year
                            + ": February " + year + " has"));
            browser.screenshot("the-server-refuses-31-february");
            assertThat(officers.task(planReturn.getId(), TASK_PROPOSE_REMEDIAL_ACTIONS)).as("still open").isNotNull();
            assertThat(recordedDates(returnId)).isEmpty();

            // 2 / 10 is read as 2 October, where the browser's date field read 02/10 as 10 February
            tasklist.dismissNotifications();
            typeDate(tasklist, 1, "2", "10", year + "");
            tasklist.awaitListEntryShowing(1, "By 2 October " + year);
            browser.screenshot("lead-sees-both-dates-in-words");
            tasklist.recordRequests();
            tasklist.clickFormButton("Submit remedial actions");
            tasklist.awaitCompleted();
            assertThat(submittedDates(tasklist.lastFormSubmission())).as("what the form sent: day, month, year")
                    .containsExactly(List.of("31", "1", year + ""), List.of("2", "10", year + ""));
            assertThat(recordedDates(returnId)).containsExactly(lastOfJanuary, secondOfOctober);

            // the manager reads them in words, and sends them back
            tasklist.signIn("manager");
            tasklist.openFilter("Remedial actions to agree");
            tasklist.openTask("Agree remedial actions: " + plan, "Proposed remedial actions");
            if (tasklist.canClaim()) {
                tasklist.claim();
            }
            assertThat(tasklist.formText()).contains("31 January " + year, "2 October " + year)
                    .doesNotContainPattern(NUMERIC_DATE);
            browser.screenshot("manager-reads-the-dates-in-words");
            tasklist.choose("Send back to the lead officer");
            tasklist.type("Field_remedialComment", "Say which councils are briefed first.");
            tasklist.clickComplete();
            tasklist.awaitCompleted();

            // the lead finds the dates as typed, day first, and in words
            tasklist.signIn("lead");
            tasklist.openFilter("Remedial actions to propose");
            tasklist.openTask("Propose remedial actions: " + plan, "sent your remedial actions back");
            assertThat(dueDateBoxes(tasklist, 0)).containsExactly("31", "1", year + "");
            assertThat(dueDateBoxes(tasklist, 1)).containsExactly("2", "10", year + "");
            tasklist.awaitListEntryShowing(0, "By 31 January " + year);
            tasklist.awaitListEntryShowing(1, "By 2 October " + year);
            browser.screenshot("lead-finds-the-dates-sent-back-as-typed");
        }
    }

    private static void typeDate(Tasklist tasklist, int entry, String day, String month, String year) {
        tasklist.type("Field_remedialDueDay_" + entry, day);
        tasklist.type("Field_remedialDueMonth_" + entry, month);
        tasklist.type("Field_remedialDueYear_" + entry, year);
    }

    private static List<String> dueDateBoxes(Tasklist tasklist, int entry) {
        return List.of(tasklist.value("Field_remedialDueDay_" + entry),
                tasklist.value("Field_remedialDueMonth_" + entry), tasklist.value("Field_remedialDueYear_" + entry));
    }

    /** Each submitted action's day, month and year, as typed in the boxes, with no ISO date beside them. */
    private List<List<String>> submittedDates(String submission) throws Exception {
        JsonNode actions = objectMapper.readTree(objectMapper.readTree(submission)
                .at("/variables/" + REMEDIAL_ACTIONS + "/value").asText());
        List<List<String>> dates = new ArrayList<>();
        for (JsonNode action : actions) {
            assertThat(action.has(DUE_DATE)).as("an ISO date beside the boxes: " + action).isFalse();
            dates.add(List.of(action.get(DUE_DAY).asText(), action.get(DUE_MONTH).asText(),
                    action.get(DUE_YEAR).asText()));
        }
        return dates;
    }

    private List<LocalDate> recordedDates(Long returnId) {
        return transaction.execute(status -> returns.findById(returnId).orElseThrow().getRemedialActions().stream()
                .map(RemedialAction::getDueDate).toList());
    }
}
