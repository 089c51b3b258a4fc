package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@ApplicationTest
@DisplayName("A return's evidence, quarter after quarter")
class ReturnEvidenceTest {

    @Autowired
    TestNetworks networks;
    @Autowired
    ScriptedCycle scripted;
    @Autowired
    Officers officers;
    @Autowired
    FormService formService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    NetworkMeetingRepository meetings;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    IndicatorValueRepository indicatorValues;
    @Autowired
    RecordedReturns recordedReturns;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    @DisplayName("builds each indicator's series, takes completed actions off the list, and asks for last quarter's "
            + "remedial actions to be followed up")
    void acrossThreeCycles() throws Exception {
        TestNetwork first = networks.create(1);
        networks.withEvidence(first.plan());
        DeliveryPlan plan = first.plan();

        // first quarter: NI 1 at 75.1, CS.2 behind; Amber, with a remedial action agreed
        Cycle one = scripted.open(first);
        Task update = scripted.task(one, plan, TASK_SUBMIT_UPDATE);
        assertThat(rows(update, REMEDIAL_FOLLOW_UP).size()).as("nothing agreed before").isZero();
        submit(update, "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q1\", \"value\": \"75.1\"}, "
                + "{\"code\": \"LI 9\", \"noData\": true, \"note\": \"Counted in the spring\"}]",
                "[{\"reference\": \"CS.1\", \"status\": \"on track\"}, "
                        + "{\"reference\": \"CS.2\", \"status\": \"behind\", \"note\": \"No trainer\"}]", null);
        scripted.judge(one, plan, RagStatus.Amber, "Training is late.");
        scripted.proposeRemedialAction(one, plan, "Hire a trainer", "HR");
        scripted.agreeRemedialActions(one, plan);
        scripted.close(one);

        // second quarter: the agreed action is asked about; CS.2 completed
        Cycle two = scripted.open(nextQuarter(first, 13));
        update = scripted.task(two, plan, TASK_SUBMIT_UPDATE);
        Long secondReturn = (Long) runtimeService.getVariable(update.getProcessInstanceId(), RETURN_ID);
        JsonNode followUps = rows(update, REMEDIAL_FOLLOW_UP);
        assertThat(followUps.size()).isOne();
        assertThat(followUps.get(0).path("heading").asText()).isEqualTo("Hire a trainer");
        assertThat(rows(update, INDICATOR_VALUES).findValuesAsText("about")).anyMatch(about -> about.contains(
                "last value 75.1 % (2026/27 Q1)"));
        String secondIndicators = "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q2\", \"value\": \"75.6\"}, "
                + "{\"code\": \"LI 9\", \"period\": \"2026/27\", \"value\": \"Adopted by three\"}]";
        String secondActions = "[{\"reference\": \"CS.1\", \"status\": \"on track\"}, {\"reference\": \"CS.2\", "
                + "\"status\": \"completed\"}]";
        Task unfollowed = update;
        assertThatThrownBy(() -> submit(unfollowed, secondIndicators, secondActions, null))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("say how each remedial action agreed last quarter was followed up");
        submit(update, secondIndicators, secondActions,
                "[{\"id\": " + followUps.get(0).path("id").asLong() + ", \"state\": \"done\"}]");
        scripted.judge(two, plan, RagStatus.Green, "Just short of target, and rising.");
        scripted.close(two);

        // third quarter: only CS.1 is left to report on, nothing to follow up (the first quarter's action was followed
        // up last quarter, whose return agreed none)
        Cycle three = scripted.open(nextQuarter(first, 26));
        update = scripted.task(three, plan, TASK_SUBMIT_UPDATE);
        assertThat(rows(update, ACTION_PROGRESS).findValuesAsText("reference")).containsExactly("CS.1");
        assertThat(rows(update, REMEDIAL_FOLLOW_UP).size()).isZero();
        submit(update, "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q3\", \"value\": \"76.2\"}, "
                + "{\"code\": \"LI 9\", \"noData\": true, \"note\": \"Next survey in the spring\"}]",
                "[{\"reference\": \"CS.1\", \"status\": \"on track\"}]", null);

        List<Tuple> series = transaction.execute(status -> indicatorValues.seriesOf(plans.findById(plan.getId())
                .orElseThrow()).stream().map(value -> tuple(value.getIndicatorCode(), value.getPeriod().toString(),
                        value.getValue())).toList());
        assertThat(series).containsExactly(tuple("LI 9", "2026/27", "Adopted by three"),
                tuple("NI 1", "2026/27 Q1", "75.1"), tuple("NI 1", "2026/27 Q2", "75.6"),
                tuple("NI 1", "2026/27 Q3", "76.2"));
        List<String> statuses = transaction.execute(status -> plans.findById(plan.getId()).orElseThrow()
                .getActions().stream().map(PlanAction::getStatus).toList());
        assertThat(statuses).as("the register follows the progress").containsExactly("on track", "completed");
        Evidence second = transaction.execute(status -> recordedReturns.load(secondReturn).getEvidence());
        assertThat(second.followUps()).extracting(Evidence.RemedialFollowUp::getState)
                .containsExactly(Evidence.FollowUpState.done);
        assertThat(second.indicators()).as("each value keeps the one before it: its direction of travel")
                .extracting(Evidence.IndicatorAnswer::getCode, Evidence.IndicatorAnswer::getPreviousPeriod,
                        Evidence.IndicatorAnswer::getPreviousValue)
                .containsExactly(tuple("NI 1", "2026/27 Q1", "75.1"), tuple("LI 9", null, null));
    }

    @Test
    @DisplayName("sent back and answered after the register reworded an indicator and an action, shows its judge only "
            + "what the answer changed: each answer is compared with its own, whatever the register now calls it")
    void changesSinceASendBackAcrossARewordedRegister() throws Exception {
        TestNetwork network = networks.create(1);
        networks.withEvidence(network.plan());
        DeliveryPlan plan = network.plan();
        String period = ReportingPeriod.quarterOf(LocalDate.now()).previous().toString();
        Cycle cycle = scripted.open(network);
        String actions = "[{\"reference\": \"CS.1\", \"status\": \"on track\"}, "
                + "{\"reference\": \"CS.2\", \"status\": \"not started\"}]";
        scripted.update(cycle, plan, "Done.", "More.", indicators(period, "75.1"), actions, null);
        scripted.sendBack(cycle, plan, "Is 75.1 the final figure?");
        transaction.executeWithoutResult(status -> {
            DeliveryPlan stored = plans.findById(plan.getId()).orElseThrow();
            PlanIndicator ni1 = stored.indicator("NI 1").orElseThrow();
            ni1.change("People who get on well together", ni1.getBaseline(), ni1.getUnit(), true,
                    new java.util.TreeMap<>(ni1.getTargetsByYear()));
            stored.action("CS.1").orElseThrow().change("Run the cohesion survey in all seven districts", "on track");
        });

        scripted.update(cycle, plan, "Done.", "More.", indicators(period, "75.3"), actions, null);

        Task judgement = scripted.task(cycle, plan, TASK_JUDGE_STATUS);
        Object shown = officers.as("judge", () -> formService.getTaskFormVariables(judgement.getId())
                .getValue("sinceSendBack", Object.class));
        assertThat(objectMapper.readTree(shown.toString()).path("changes")).as("NI 1's answer alone changed")
                .containsExactly(objectMapper.valueToTree(Map.of("what", "NI 1: People who get on well together",
                        "before", "75.1 % (" + period + ")", "now", "75.3 % (" + period + ")")));
    }

    private static String indicators(String period, String ni1) {
        return "[{\"code\": \"NI 1\", \"period\": \"" + period + "\", \"value\": \"" + ni1 + "\"}, "
                + "{\"code\": \"LI 9\", \"noData\": true, \"note\": \"Counted in the spring\"}]";
    }

    private TestNetwork nextQuarter(TestNetwork network, int weeksLater) {
        NetworkMeeting meeting = meetings.save(new NetworkMeeting(network.network(),
                network.meeting().getMeetingDate().plusWeeks(weeksLater)));
        return new TestNetwork(network.network(), meeting, network.plans());
    }

    @Test
    @DisplayName("an update whose indicators come through the Java API as Json that is not JSON is refused, naming "
            + "them, and the task stays open")
    void jsonThatIsNotJson() {
        TestNetwork network = networks.create(1);
        networks.withEvidence(network.plan());
        Task update = scripted.task(scripted.open(network), network.plan(), TASK_SUBMIT_UPDATE);
        Map<String, Object> values = Map.of(ACHIEVEMENTS, "Done.", PLANNED_ACTIVITIES, "More.",
                INDICATOR_VALUES, SpinValues.jsonValue("NI 1 is 75.1").create(), ACTION_PROGRESS, "[]");

        assertThatThrownBy(() -> officers.submit("lead", update, values))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining(INDICATOR_VALUES + ": cannot be read as the type it was sent as (");
        recordedReturns.assertStillOpen(update.getId());
    }

    private void submit(Task update, String indicators, String actions, String followUps) {
        Map<String, Object> values = new HashMap<>(Map.of(ACHIEVEMENTS, "Done.", PLANNED_ACTIVITIES, "More.",
                INDICATOR_VALUES, indicators, ACTION_PROGRESS, actions));
        if (followUps != null) {
            values.put(REMEDIAL_FOLLOW_UP, followUps);
        }
        officers.submit("lead", update, values);
    }

    /** A list the update's form shows, as Tasklist reads it. */
    private JsonNode rows(Task update, String name) throws Exception {
        Object value = officers.as("lead", () -> formService.getTaskFormVariables(update.getId(), List.of(name),
                false).getValueTyped(name).getValue());
        // a Json variable's value (Spin's node) prints as its JSON text
        return objectMapper.readTree(value.toString());
    }
}
