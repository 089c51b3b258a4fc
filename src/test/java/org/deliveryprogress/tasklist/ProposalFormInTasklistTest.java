package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lead officer's form proposing remedial actions, as Tasklist shows it. Screenshots in
 * {@code target/screenshots/ProposalFormInTasklistTest/}.
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
        TestNetwork network = networks.create(1);
        DeliveryPlan plan = network.plan();
        Cycle cycle = scriptedCycle.open(network);
        scriptedCycle.update(cycle, plan, "Done.", "More.", null);
        scriptedCycle.judge(cycle, plan, RagStatus.Red, "Milestones missed.");

        try (Browser browser = new Browser(getClass().getSimpleName())) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("lead");
            tasklist.openFilter("Remedial actions to propose");
            tasklist.openTask("Propose remedial actions: " + plan.getReference(), "Proposed remedial actions");
            browser.screenshot("the-proposal-of-a-red-plan");
            // Until 7 December 2026 "Because the plan is Red or Amber", whatever the judgement.
            assertThat(Tasklist.normalized(tasklist.formText())).contains(
                    "Because the plan is Red, propose the remedial actions that will bring it back on track")
                    .doesNotContain("Red or Amber");
        }
    }
}
