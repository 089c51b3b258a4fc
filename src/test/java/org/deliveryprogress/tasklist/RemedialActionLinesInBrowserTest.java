package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A lead officer may write a remedial action's "What will be done" on two lines. The manager's agreement form shows
 * the proposed actions in a form-js table, which ran the two lines into one until 7 December 2026. Screenshots in
 * {@code target/screenshots/RemedialActionLinesInBrowserTest/}.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("A remedial action written on two lines")
class RemedialActionLinesInBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;

    @Test
    @DisplayName("is read on two lines in the manager's agreement form")
    void readOnTwoLinesInTheAgreementForm() {
        TestNetwork network = networks.create(1);
        ProcessInstance planReturn = openReturns.of(network);
        openReturns.judgeRed(planReturn, "No data: milestones missed.");
        officers.submit("lead", officers.task(planReturn.getId(), TASK_PROPOSE_REMEDIAL_ACTIONS), Map.of(
                REMEDIAL_ACTIONS, List.of(Map.of("action", "Review the hate crime reporting\nwith police",
                        "owner", "Safer Communities team", "dueDate", LocalDate.now().plusWeeks(6).toString()))));

        try (Browser browser = new Browser(getClass().getSimpleName())) {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.signIn("manager");
            tasklist.openFilter("Remedial actions to agree");
            tasklist.openTask("Agree remedial actions: " + network.plan().getReference(), "Proposed remedial actions");
            browser.screenshot("the-action-on-two-lines");
            assertThat(tasklist.formText()).contains("Review the hate crime reporting\nwith police");
        }
    }
}
