package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lead officer's form proposing remedial actions, as Tasklist shows it and as the keyboard goes through it.
 * Screenshots in {@code target/screenshots/ProposalFormInTasklistTest*}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("The proposal of remedial actions in Tasklist")
class ProposalFormInTasklistTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    ScriptedCycle scriptedCycle;

    @Test
    @DisplayName("names the plan's own status as the reason for it: a Red plan is Red, not \"Red or Amber\"")
    void namesThePlansOwnStatus() {
        DeliveryPlan plan = judgedRed();

        try (Browser browser = new Browser(getClass().getSimpleName())) {
            Tasklist tasklist = leadOpensTheProposal(browser, plan);
            browser.screenshot("the-proposal-of-a-red-plan");
            // Until 7 December 2026 "Because the plan is Red or Amber", whatever the judgement.
            assertThat(Tasklist.normalized(tasklist.formText())).contains(
                    "Because the plan is Red, propose the remedial actions that will bring it back on track")
                    .doesNotContain("Red or Amber");
        }
    }

    @Test
    @DisplayName("is gone through with the Tab key alone: Add new takes the officer to the action it adds, and on "
            + "through its date's three boxes")
    void goneThroughWithTheTabKey() {
        DeliveryPlan plan = judgedRed();

        try (Browser browser = new Browser(getClass().getSimpleName() + "-keyboard")) {
            Tasklist tasklist = leadOpensTheProposal(browser, plan);
            tasklist.type("Field_remedialAction_0", "Agree the schools' timetable with the county.");
            List<String> fields = new ArrayList<>();
            for (int tab = 0; tab < 10 && !focused(browser).equals("Add new"); tab++) {
                fields.add(focused(browser));
                browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            }
            assertThat(fields).as("the first action's fields, in order").containsExactly("Field_remedialAction_0",
                    "Field_remedialOwner_0", "Field_remedialDueDay_0", "Field_remedialDueMonth_0",
                    "Field_remedialDueYear_0", "Remove list item 1");

            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

            // Until 7 December 2026 the focus stayed on Add new, below the new action, and Tab went on past it.
            browser.await("the focus on the new action", driver -> focused(browser).equals("Field_remedialAction_1"));
            List<String> next = new ArrayList<>();
            for (int tab = 0; tab < 4; tab++) {
                browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
                next.add(focused(browser));
            }
            assertThat(next).containsExactly("Field_remedialOwner_1", "Field_remedialDueDay_1",
                    "Field_remedialDueMonth_1", "Field_remedialDueYear_1");
        }
    }

    /** A field of the form by its form-js id (without the form's own prefix), or a button by its name. */
    private static String focused(Browser browser) {
        return browser.script("const focused = document.activeElement; return focused.id.includes('-Field_')"
                + " ? focused.id.replace(/^.*-(Field_)/, '$1')"
                + " : (focused.getAttribute('aria-label') || focused.textContent).trim();");
    }

    /** A plan with its update judged Red: its lead officer's to propose remedial actions for. */
    private DeliveryPlan judgedRed() {
        TestNetwork network = networks.create(1);
        DeliveryPlan plan = network.plan();
        Cycle cycle = scriptedCycle.open(network);
        scriptedCycle.update(cycle, plan, "Done.", "More.", null);
        scriptedCycle.judge(cycle, plan, RagStatus.Red, "Milestones missed.");
        return plan;
    }

    private Tasklist leadOpensTheProposal(Browser browser, DeliveryPlan plan) {
        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
        tasklist.signIn("lead");
        tasklist.openFilter("Remedial actions to propose");
        tasklist.openTask("Propose remedial actions: " + plan.getReference(), "Proposed remedial actions");
        return tasklist;
    }
}
