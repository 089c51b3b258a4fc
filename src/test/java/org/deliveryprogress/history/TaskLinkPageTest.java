package org.deliveryprogress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Where an email's link to a task leads: Tasklist while the task is open, a plain page once it is done. */
@ApplicationTest
@DisplayName("An email's link to a task")
class TaskLinkPageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    ScriptedCycle script;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    TransactionTemplate transaction;

    private DeliveryPlan plan;
    private Cycle cycle;
    private Task update;

    @BeforeEach
    void aReturnIsOpen() {
        TestNetwork network = testNetworks.create(1);
        plan = network.plan();
        cycle = script.open(network);
        update = script.task(cycle, plan, ReturnVariables.TASK_SUBMIT_UPDATE);
    }

    @Test
    void anOpenTaskOpensInTasklistForItsOfficersAndItsManagers() {
        for (String user : new String[] { "lead", "clerk", "manager" }) {
            Page page = signedInToPages(port, user).get("/tasks/" + update.getId());

            assertThat(page.status()).as(user).isEqualTo(302);
            assertThat(page.location()).as(user).endsWith("/camunda/app/tasklist/default/#/?task=" + update.getId());
        }
    }

    @Test
    void anOpenTaskOfAPlanTheUserReadsButDoesNotHoldSaysWithWhomItIs() {
        Page page = signedInToPages(port, "judge").get("/tasks/" + update.getId());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("This task is open, with Gareth Penhallow.");
    }

    @Test
    void aFinishedTaskSaysPlainlyWhoCompletedItAndWhenWithALinkToThePlan() {
        script.update(cycle, plan, "Done.", "More.", null);

        Page page = signedInToPages(port, "clerk").get("/tasks/" + update.getId());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Submit update</h1>", "This task is done: completed by Gareth "
                + "Penhallow on ", "/plans/" + plan.getReference() + "/history").doesNotContain("ENGINE-");
    }

    @Test
    @DisplayName("leads the officer the return opened with to their task, open or done, once the register names "
            + "another lead officer for the plan: the return keeps its officers")
    void leadsTheReturnsOfficerToTheirTaskAfterThePlanHasAnother() {
        transaction.executeWithoutResult(status -> plans.findById(plan.getId()).orElseThrow()
                .change(plan.getTitle(), "lead2", "judge"));

        Page open = signedInToPages(port, "lead").get("/tasks/" + update.getId());
        script.update(cycle, plan, "Done.", "More.", null);
        Page done = signedInToPages(port, "lead").get("/tasks/" + update.getId());

        assertThat(open.status()).isEqualTo(302);
        assertThat(open.location()).endsWith("/camunda/app/tasklist/default/#/?task=" + update.getId());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("This task is done: completed by Gareth Penhallow on ");
    }

    @Test
    void aTaskOfAPlanTheUserMayNotReadIsNotRevealed() {
        Page otherOfficer = signedInToPages(port, "lead2").get("/tasks/" + update.getId());
        Page otherManager = signedInToPages(port, "manager2").get("/tasks/" + update.getId());
        Page noSuchTask = signedInToPages(port, "lead2").get("/tasks/no-such-task");

        assertThat(otherOfficer.status()).isEqualTo(404);
        assertThat(otherManager.status()).isEqualTo(404);
        assertThat(noSuchTask.status()).isEqualTo(404);
        for (Page refused : new Page[] { otherOfficer, otherManager }) {
            assertThat(refused.body()).as("the same answer as a task that does not exist")
                    .contains("There is no task " + update.getId() + " of yours.")
                    .doesNotContain(plan.getReference(), plan.getTitle(), "Gareth Penhallow");
        }
        assertThat(new WebSession(port).get("/tasks/" + update.getId()).status()).as("signed in first")
                .isEqualTo(302);
    }
}
