package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.Users;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Once an update is submitted, the plan's officers and its network's managers can read it back as it was sent: the
 * plan's page lists it, and its page shows the texts exactly as written, who submitted them when, and the judgement
 * once there is one. Whoever may not read the plan may not read its returns.
 */
@ApplicationTest
@DisplayName("A return as submitted, on its own page")
class SubmittedReturnPageTest {

    private static final String LEAD = "readback-lead";
    private static final String JUDGE = "readback-judge";
    private static final String CLERK = "readback-clerk";
    private static final String MANAGER = "readback-manager";
    private static final String MANAGERS = "readback-managers";

    /** As pasted from a word processor: markup that must stay text, line breaks, a list, curly quotes and dashes. */
    private static final String PASTED_ACHIEVEMENTS =
            "Met <b>all</b> partners.\n- Ashfield: done\n– Mansfield: “next week”";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;

    private String plan;
    private String cycle;
    private ProcessInstance planReturn;

    @BeforeEach
    void anOpenReturn() {
        users.person(LEAD, "Wenna", "Jago");
        users.person(JUDGE, "Bryok", "Angwin");
        users.person(CLERK, "Elowen", "Tregear");
        users.person(MANAGER, "Demelza", "Pascoe", MANAGERS);
        TestNetwork network = networks.create(1, MANAGERS, LEAD, JUDGE, CLERK);
        planReturn = openReturns.of(network);
        plan = network.plan().getReference();
        cycle = openReturns.cycleOf(planReturn).getBusinessKey();
    }

    @Test
    void theLeadReadsTheirUpdateBackExactlyAsWrittenFromThePlansPage() {
        WebSession lead = signedInToPages(port, LEAD);
        assertThat(lead.get("/plans/" + plan).body()).doesNotContain("Updates as submitted");
        assertThat(lead.get(page()).status()).as("nothing submitted yet").isEqualTo(404);

        submitUpdate();

        String planPage = lead.get("/plans/" + plan).body();
        assertThat(planPage).containsPattern("Your update for " + cycle + ", submitted [^<]*\\d{2}:\\d{2} –</span>")
                .contains("<a href=\"" + page() + "\">read it");
        String submitted = lead.get(page()).body();
        assertThat(submitted).contains("As submitted by <strong>Wenna Jago</strong>",
                "Met &lt;b&gt;all&lt;/b&gt; partners.\n- Ashfield: done\n– Mansfield: “next week”",
                "Visit the last three schools.", "Awaiting judgement").doesNotContain("<b>all</b>", "The judgement");
    }

    @Test
    void theJudgementShowsOnceThereIsOne() {
        submitUpdate();
        officers.submit(JUDGE, officers.task(planReturn.getId(), TASK_JUDGE_STATUS), Map.of(JUDGEMENT_OUTCOME,
                OUTCOME_JUDGED, RAG_STATUS, "Amber", JUDGEMENT_COMMENT, "Behind on Mansfield.\nAsk for dates."));

        String submitted = signedInToPages(port, LEAD).get(page()).body();

        assertThat(submitted).contains("The judgement", ">Amber</span>", "judged by <span>Bryok Angwin</span>",
                "Behind on Mansfield.\nAsk for dates.");
    }

    @Test
    void anAnswerToASendBackShowsWhatItChanged() {
        submitUpdate();
        officers.submit(JUDGE, officers.task(planReturn.getId(), TASK_JUDGE_STATUS), Map.of(JUDGEMENT_OUTCOME,
                OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, "Which <i>schools</i>?"));
        assertThat(signedInToPages(port, JUDGE).get(page()).body()).as("not until the update comes back")
                .doesNotContain("What the answer to the send-back changed");

        officers.submit(LEAD, officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE), Map.of(ACHIEVEMENTS,
                PASTED_ACHIEVEMENTS, PLANNED_ACTIVITIES, "Visit Ashfield, Mansfield and Newark schools."));

        String submitted = signedInToPages(port, JUDGE).get(page()).body();
        assertThat(submitted).contains("What the answer to the send-back changed",
                "Sent back by Bryok Angwin on ", "Which &lt;i&gt;schools&lt;/i&gt;?",
                "<th scope=\"row\">Key activities planned for the next quarter</th>",
                "<pre class=\"text\">Visit the last three schools.</pre>",
                "<pre class=\"text\">Visit Ashfield, Mansfield and Newark schools.</pre>")
                .doesNotContain("<th scope=\"row\">Key achievements since last quarter</th>");
    }

    @Test
    void thePlansOfficersAndItsNetworksManagersMayReadItAndNobodyElse() {
        submitUpdate();

        assertThat(signedInToPages(port, JUDGE).get(page()).status()).as("the judging officer").isEqualTo(200);
        assertThat(signedInToPages(port, MANAGER).get(page()).status()).as("a manager of the network").isEqualTo(200);
        WebSession clerk = signedInToPages(port, CLERK);
        assertThat(clerk.get(page()).status()).as("the data-entry officer").isEqualTo(200);
        assertThat(clerk.get("/plans/" + plan).body()).as("someone else's update, on the plan's page")
                .contains("The update for " + cycle + ", submitted by Wenna Jago on ");
        assertThat(signedInToPages(port, "lead").get(page()).status()).as("an officer of another network's plans")
                .isEqualTo(404);
        assertThat(signedInToPages(port, "manager2").get(page()).status()).as("another network's manager")
                .isEqualTo(404);
        assertThat(new WebSession(port).get(page()).status()).as("not signed in").isEqualTo(302);
    }

    private void submitUpdate() {
        officers.submit(LEAD, officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE), Map.of(ACHIEVEMENTS,
                PASTED_ACHIEVEMENTS, PLANNED_ACTIVITIES, "Visit the last three schools."));
    }

    private String page() {
        return "/plans/" + plan + "/returns/" + cycle;
    }
}
