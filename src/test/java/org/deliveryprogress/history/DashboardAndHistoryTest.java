package org.deliveryprogress.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** What managers see of the open cycle and of the past, compared with what was done and with the engine. */
@ApplicationTest
@DisplayName("Dashboard and plan history")
class DashboardAndHistoryTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    ScriptedCycle script;
    @Autowired
    TaskService taskService;

    private Http http;
    private TestNetwork network;
    private List<DeliveryPlan> plan;
    private Cycle cycle;

    /** Six plans: 1 Green (was Red), 2 Amber with remedial actions to propose, 3 sent back, 4 awaiting judgement,
     * 5 and 6 no update yet; the clock then passes the updates' due date. */
    @BeforeEach
    void aCycleUnderWayPastItsUpdatesDeadline() {
        http = new Http(port);
        network = testNetworks.create(6);
        plan = network.plans();
        script.lastQuarter(network, Map.of(plan.get(0), RagStatus.Red, plan.get(1), RagStatus.Green));
        cycle = script.open(network);
        script.update(cycle, plan.get(0), "Done.", "More.", null);
        script.judge(cycle, plan.get(0), RagStatus.Green, "Well done.");
        script.update(cycle, plan.get(1), "Late.", "Catch up.", null);
        script.judge(cycle, plan.get(1), RagStatus.Amber, "Behind.");
        script.update(cycle, plan.get(2), "Thin.", "?", null);
        script.sendBack(cycle, plan.get(2), "More, please.");
        script.update(cycle, plan.get(3), "Waiting.", "To be judged.", null);
        ClockUtil.setCurrentTime(Date.from(cycle.deadlines().updatesDue().plusSeconds(3_600)));
    }

    @AfterEach
    void backToNow() {
        ClockUtil.reset();
    }

    @Test
    void theOpenCyclesCountsAreTheEnginesAndTheReturns() {
        JsonNode open = http.get("manager", "/api/networks/{code}/dashboard", network.network().getCode()).json()
                .get("openCycle");
        String ofThisCycle = cycle.getReference() + "/%";
        Date now = ClockUtil.getCurrentTime();

        assertThat(open.get("reference").asText()).isEqualTo(cycle.getReference());
        assertThat(open.get("plans").asInt()).isEqualTo(6);
        assertThat(open.get("submitted").asInt()).isEqualTo(4);
        assertThat(open.get("judged").asInt()).isEqualTo(2);
        assertThat(open.get("openTasks").asLong())
                .isEqualTo(taskService.createTaskQuery().processInstanceBusinessKeyLike(ofThisCycle).count())
                .isEqualTo(5);
        assertThat(open.get("overdueTasks").asLong())
                .isEqualTo(taskService.createTaskQuery().processInstanceBusinessKeyLike(ofThisCycle).dueBefore(now)
                        .count())
                .as("plans 3, 5 and 6 owe an update").isEqualTo(3);
        int byOfficer = 0;
        for (JsonNode officer : open.get("byOfficer")) {
            byOfficer += officer.get("openTasks").asInt();
        }
        assertThat(byOfficer).isEqualTo(5);
        JsonNode lead = find(open.get("byOfficer"), "officer", "Gareth Penhallow");
        assertThat(lead.get("openTasks").asInt()).as("3 updates and a remedial proposal").isEqualTo(4);
        assertThat(lead.get("overdueTasks").asInt()).isEqualTo(3);
        assertThat(find(open.get("byPlan"), "reference", plan.get(1).getReference()).get("stage").asText())
                .isEqualTo("Remedial actions to propose");
        assertThat(find(open.get("byPlan"), "reference", plan.get(2).getReference()).get("overdue").asBoolean())
                .isTrue();
    }

    @Test
    void theGridShowsEachPlansStatusByCycleAndItsTrend() {
        JsonNode dashboard = http.get("manager", "/api/networks/{code}/dashboard", network.network().getCode())
                .json();
        assertThat(dashboard.get("cycles")).hasSize(2);
        JsonNode first = find(dashboard.get("grid"), "reference", plan.get(0).getReference());
        assertThat(first.get("statuses").get(0).asText()).isEqualTo("RED");
        assertThat(first.get("statuses").get(1).asText()).isEqualTo("GREEN");
        assertThat(first.get("trend").asText()).isEqualTo("BETTER");
        JsonNode second = find(dashboard.get("grid"), "reference", plan.get(1).getReference());
        assertThat(second.get("trend").asText()).isEqualTo("WORSE");
        JsonNode fifth = find(dashboard.get("grid"), "reference", plan.get(4).getReference());
        assertThat(fifth.get("statuses").get(0).isNull()).as("not in last quarter's cycle").isTrue();
        assertThat(fifth.get("statuses").get(1).asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aPlansHistoryShowsWhoDidWhatWhenQuarterByQuarter() {
        JsonNode history = http.get("lead", "/api/plans/{reference}/history", plan.get(2).getReference()).json();
        JsonNode latest = history.get("quarters").get(0);
        assertThat(latest.get("cycle").asText()).isEqualTo(cycle.getReference());
        assertThat(latest.get("stage").asText()).isEqualTo("Sent back for more information");
        assertThat(latest.get("steps")).extracting(step -> step.get("task").asText() + " by "
                + step.path("who").asText() + ": " + step.get("outcome").asText())
                .containsExactly("Submit update by Gareth Penhallow: done", "Judge status by Eleanor Brackwater: done",
                        "Submit update by Gareth Penhallow: open");

        JsonNode first = http.get("lead", "/api/plans/{reference}/history", plan.get(0).getReference()).json();
        assertThat(first.get("quarters")).hasSize(2);
        assertThat(first.at("/quarters/0/status").asText()).isEqualTo("GREEN");
        assertThat(first.at("/quarters/0/previous").asText()).isEqualTo("RED");
        assertThat(first.at("/quarters/0/judgedBy").asText()).isEqualTo("Eleanor Brackwater");
        assertThat(first.at("/quarters/1/steps")).as("last quarter was brought in, not run by the engine").isEmpty();
    }

    @Test
    void onlyTheNetworksManagersSeeItsDashboardAndOnlyAPlansPeopleItsHistory() {
        Reply asOfficer = http.get("lead", "/api/networks/{code}/dashboard", network.network().getCode());
        assertThat(asOfficer.status()).isEqualTo(403);
        assertThat(http.get("manager2", "/api/networks/{code}/dashboard", network.network().getCode()).status())
                .isEqualTo(404);
        assertThat(http.get("lead2", "/api/plans/{reference}/history", plan.get(0).getReference()).status())
                .isIn(403, 404);
        assertThat(http.get("manager", "/api/plans/{reference}/history", plan.get(0).getReference()).status())
                .isEqualTo(200);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("No " + field + " " + value + " in " + array);
    }
}
