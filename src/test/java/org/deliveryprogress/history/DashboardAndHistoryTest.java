package org.deliveryprogress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.INDICATOR_VALUES;
import static org.deliveryprogress.returns.ReturnVariables.TASK_JUDGE_STATUS;
import static org.deliveryprogress.returns.ReturnVariables.TASK_SUBMIT_UPDATE;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.shared.ReadableDates;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** What managers see of the open cycle and of the past, compared with what was done and with the engine. */
@ApplicationTest
@DisplayName("Dashboard and plan history")
class DashboardAndHistoryTest {

    private static final String MANAGER = "Margaret Thistlewood";
    private static final String SURVEY_NOTE = "Baseline survey <b>wave 1</b>";

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    ScriptedCycle script;
    @Autowired
    TaskService taskService;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    TransactionTemplate transaction;

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
    @DisplayName("counts the open cycle's plans, updates and tasks in words that agree with each number")
    void theOpenCyclesCountsInWords() {
        assertThat(signedInToPages(port, "manager").get("/networks/" + network.network().getCode() + "/dashboard")
                .body()).contains("<strong>6</strong> plans", "<strong>4</strong> updates submitted",
                        "<strong>5</strong> tasks open");

        TestNetwork single = testNetworks.create(1);
        Cycle itsCycle = script.open(single);
        script.update(itsCycle, single.plan(), "Done.", "More.", null);
        assertThat(signedInToPages(port, "manager").get("/networks/" + single.network().getCode() + "/dashboard")
                .body()).contains("<strong>1</strong> plan<", "<strong>1</strong> update submitted<",
                        "<strong>1</strong> task open<");
        assertThat(signedInToPages(port, "manager").get("/networks/" + single.network().getCode()).body())
                .contains(">1 plan you may read<");
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
    void theGridShowsTheLastEightCyclesAndTheHistoryEveryOne() {
        TestNetwork own = testNetworks.create(1);
        for (int quartersBefore = 10; quartersBefore >= 1; quartersBefore--) {
            script.pastQuarter(own, quartersBefore, Map.of(own.plan(), quartersBefore > 8 ? RagStatus.Red
                    : RagStatus.Green), Map.of());
        }

        JsonNode dashboard = http.get("manager", "/api/networks/{code}/dashboard", own.network().getCode()).json();

        assertThat(dashboard.get("cycles")).hasSize(8);
        assertThat(dashboard.at("/grid/0/statuses")).extracting(JsonNode::asText).containsOnly("GREEN");
        assertThat(http.get("manager", "/api/plans/{reference}/history", own.plan().getReference()).json()
                .get("quarters")).hasSize(10);
    }

    @Test
    void aPlansHistoryShowsWhoDidWhatWhenQuarterByQuarter() {
        JsonNode history = http.get("lead", "/api/plans/{reference}/history", plan.get(2).getReference()).json();
        JsonNode latest = history.get("quarters").get(0);
        assertThat(latest.get("cycle").asText()).isEqualTo(cycle.getReference());
        assertThat(latest.get("stage").asText()).isEqualTo("Update sent back for more information, to resubmit");
        assertThat(latest.get("steps")).extracting(step -> step.get("task").asText() + " by "
                + step.path("who").asText() + ": " + step.get("outcome").asText())
                .containsExactly("Submit update by Gareth Penhallow: Update submitted",
                        "Judge status by Eleanor Brackwater: Update sent back for more information",
                        "Submit update by Gareth Penhallow: Open");
        assertThat(latest.at("/steps/1/comment").asText()).isEqualTo("More, please.");
        assertThat(latest.path("judgementComment").isTextual()).as("a question is not a judgement").isFalse();
        assertThat(latest.at("/decisions/0/what").asText())
                .startsWith("Update sent back for more information by Eleanor Brackwater on ");

        JsonNode first = http.get("lead", "/api/plans/{reference}/history", plan.get(0).getReference()).json();
        assertThat(first.get("quarters")).hasSize(2);
        assertThat(first.at("/quarters/0/status").asText()).isEqualTo("GREEN");
        assertThat(first.at("/quarters/0/previous").asText()).isEqualTo("RED");
        assertThat(first.at("/quarters/0/judgedBy").asText()).isEqualTo("Eleanor Brackwater");
        assertThat(first.at("/quarters/1/steps")).as("last quarter was brought in, not run by the engine").isEmpty();
    }

    @Test
    void aSendBackIsNamedAsSuchInTheHistoryAndTheGridAndTheCloseSaysWhomTheReturnWaitedFor() {
        TestNetwork closing = testNetworks.create(3);
        List<DeliveryPlan> plans = closing.plans();
        Cycle closed = script.open(closing);
        script.update(closed, plans.get(0), "Behind.", "Catch up.", null);
        script.judge(closed, plans.get(0), RagStatus.Amber, "Behind on recruitment.");
        script.proposeRemedialAction(closed, plans.get(0), "Recruit", "HR");
        script.sendBackRemedialActions(closed, plans.get(0), "Which posts, and by when? and <b>three</b> schools");
        script.proposeRemedialAction(closed, plans.get(0), "Advertise the two posts", "HR");
        script.agreeRemedialActions(closed, plans.get(0));
        script.update(closed, plans.get(1), "Stalled.", "Unknown.", null);
        script.judge(closed, plans.get(1), RagStatus.Red, "Stopped.");
        script.proposeRemedialAction(closed, plans.get(1), "Restart", "Police");
        script.sendBackRemedialActions(closed, plans.get(1), "Who in the police?");
        script.update(closed, plans.get(2), "Thin.", "?", null);
        script.sendBack(closed, plans.get(2), "Which wards?");
        script.close(closed);

        JsonNode agreed = http.get("lead", "/api/plans/{reference}/history", plans.get(0).getReference()).json()
                .at("/quarters/0");
        assertThat(agreed.get("steps")).extracting(step -> step.get("task").asText() + ": "
                + step.get("outcome").asText() + " (" + step.path("comment").asText("-") + ")")
                .containsExactly("Submit update: Update submitted (-)", "Judge status: Judged Amber (-)",
                        "Propose remedial actions: Remedial actions proposed (-)",
                        "Agree remedial actions: Remedial actions sent back (Which posts, and by when? and "
                                + "<b>three</b> schools)",
                        "Propose remedial actions: Remedial actions proposed (-)",
                        "Agree remedial actions: Remedial actions agreed (-)");
        assertThat(agreed.get("decisions")).extracting(decision -> decision.get("kind").asText())
                .containsExactly("REMEDIAL_ACTIONS_SENT_BACK", "REMEDIAL_ACTIONS_AGREED");
        assertThat(agreed.get("remedialActions")).extracting(action -> action.get("action").asText() + ", "
                + action.get("owner").asText() + ", agreed: " + action.get("agreed").asBoolean())
                .containsExactly("Advertise the two posts, HR, agreed: true");

        JsonNode sentBackAtClose = http.get("lead", "/api/plans/{reference}/history", plans.get(1).getReference())
                .json().at("/quarters/0");
        assertThat(sentBackAtClose.get("stage").asText()).isEqualTo("Remedial actions not agreed: waiting for the "
                + "lead officer Gareth Penhallow to propose again the remedial actions " + MANAGER
                + " sent back");
        JsonNode notResubmitted = http.get("lead", "/api/plans/{reference}/history", plans.get(2).getReference())
                .json().at("/quarters/0");
        assertThat(notResubmitted.get("status").asText()).isEqualTo("SENT_BACK");
        assertThat(notResubmitted.get("stage").asText()).isEqualTo("Not judged: waiting for the lead officer Gareth "
                + "Penhallow to resubmit the update the judging officer Eleanor Brackwater sent back");

        WebSession lead = signedInToPages(port, "lead");
        String page = lead.get("/plans/" + plans.get(0).getReference() + "/history").body();
        assertThat(page).contains("Remedial actions sent back by " + MANAGER + " on ",
                "Remedial actions agreed by " + MANAGER + " on ", "<td>Remedial actions sent back</td>",
                "No comment",
                "and &lt;b&gt;three&lt;/b&gt; schools", "<pre class=\"text\">Advertise the two posts</pre>",
                "<td>" + ReadableDates.date(LocalDate.now().plusWeeks(6)) + "</td>")
                .doesNotContain("<b>three</b>");
        JsonNode grid = find(http.get("manager", "/api/networks/{code}/dashboard", closing.network().getCode())
                .json().get("grid"), "reference", plans.get(2).getReference());
        assertThat(grid.get("statuses").get(0).asText()).isEqualTo("SENT_BACK");
        assertThat(signedInToPages(port, "manager").get("/networks/" + closing.network().getCode() + "/dashboard")
                .body()).contains("↩ Sent back, not resubmitted");
    }

    @Test
    @DisplayName("a quarter of a plan's history whose update was submitted leads to the update as written; one not "
            + "submitted does not")
    void aSubmittedQuarterOfTheHistoryLeadsToTheUpdate() {
        WebSession manager = signedInToPages(port, "manager");
        String submitted = "/plans/" + plan.get(0).getReference() + "/returns/" + cycle.getReference();
        String notSubmitted = "/plans/" + plan.get(4).getReference() + "/returns/" + cycle.getReference();

        assertThat(manager.get("/plans/" + plan.get(0).getReference() + "/history").body())
                .containsPattern("\\d{2}:\\d{2}</span> –\\s*<a href=\"" + submitted + "\">read the update");
        assertThat(manager.get(submitted).status()).isEqualTo(200);
        assertThat(manager.get("/plans/" + plan.get(4).getReference() + "/history").body())
                .doesNotContain(notSubmitted, "read the update");
    }

    /**
     * Three cycles of one plan: its indicator's values make a series, an action behind is completed and leaves the
     * list, last quarter's remedial action is followed up; the plan's page, its history and the API show each.
     */
    @Test
    void aPlansEvidenceAcrossThreeCyclesShowsOnItsPageItsHistoryAndTheApi() {
        TestNetwork own = testNetworks.create(1);
        DeliveryPlan measured = own.plan();
        ReportingPeriod latest = ReportingPeriod.quarterOf(LocalDate.now()).previous();
        List<String> periods = List.of(latest.previous().previous().toString(), latest.previous().toString(),
                latest.toString());
        transaction.executeWithoutResult(status -> {
            DeliveryPlan plan = plans.findById(measured.getId()).orElseThrow();
            PlanIndicator ni1 = plan.addIndicator("NI 1", "People who get on well together", "74.6", "%", true);
            // Each value is checked against the target of its own period's year.
            periods.forEach(period -> ni1.setTarget(ReportingPeriod.parse(period).orElseThrow().year(), "75"));
            plan.addAction("CS.1", "Run the survey", "on track");
            plan.addAction("CS.2", "Train the staff", "not started");
        });

        Cycle first = script.open(own);
        script.update(first, measured, "First.", "More.", ni1(periods.get(0), "71.2", SURVEY_NOTE), """
                [{"reference": "CS.1", "status": "on track"},
                 {"reference": "CS.2", "status": "behind", "note": "No trainer <em>yet</em>"}]""", null);
        script.judge(first, measured, RagStatus.Amber, "Training behind.");
        script.proposeRemedialAction(first, measured, "Hire a trainer", "HR");
        script.agreeRemedialActions(first, measured);
        script.close(first);
        Cycle second = script.openQuarterAfter(own, first);
        Long hireATrainer = transaction.execute(status -> returns.findPrevious(measured.getId(), second.getId())
                .orElseThrow().getRemedialActions().get(0).getId());
        script.update(second, measured, "Second.", "More.", ni1(periods.get(1), "73.0", null), """
                [{"reference": "CS.1", "status": "on track"}, {"reference": "CS.2", "status": "completed"}]""", """
                [{"id": %d, "state": "done", "note": "Trainer <i>started</i> in May"}]""".formatted(hireATrainer));
        script.judge(second, measured, RagStatus.Green, "Training done; the survey is on its way up.");
        WebSession manager = signedInToPages(port, "manager");
        assertThat(manager.get("/networks/" + own.network().getCode() + "/dashboard").body())
                .as("the dashboard lists the latest update's indicators off target")
                .contains("Indicators off target and actions behind", "NI 1: 73.0 % (" + periods.get(1)
                        + ") against 75 % (" + ReportingPeriod.parse(periods.get(1)).orElseThrow().year()
                        + "), 2.67% short of target: Amber",
                        own.network().getName() + ": plans by status, quarter by quarter")
                .containsPattern("<svg [^>]*id=\"status-chart\"")
                .as("the open cycle's quarter is called open in the chart: its returns are under way, not unjudged")
                .containsPattern("Q[1-4]: 1 plan, 0 Red, 1 Amber, 0 Green, 0 Blue, 0 not judged, 0 no return\\. "
                        + "[^<]*Q[1-4] \\(open\\): 1 plan, 0 Red, 0 Amber, 1 Green, 0 Blue, 0 not judged yet, 0 no "
                        + "return\\.");
        script.close(second);
        Cycle third = script.openQuarterAfter(own, second);
        script.update(third, measured, "Third.", "More.", ni1(periods.get(2), "75.5", null), """
                [{"reference": "CS.1", "status": "on track"}]""", null);

        JsonNode values = http.get("lead", "/api/plans/{reference}", measured.getReference()).json()
                .at("/indicators/0/values");
        assertThat(values).extracting(value -> value.get("period").asText() + ": " + value.get("value").asText())
                .containsExactly(periods.get(0) + ": 71.2", periods.get(1) + ": 73", periods.get(2) + ": 75.5");
        assertThat(values.at("/0/note").asText()).isEqualTo(SURVEY_NOTE);

        JsonNode returned = http.get("lead", "/api/plans/{reference}/returns", measured.getReference()).json();
        JsonNode firstIndicator = returned.at("/2/evidence/indicators/0");
        assertThat(firstIndicator.get("value").asText()).isEqualTo("71.2");
        assertThat(firstIndicator.get("target").asText()).isEqualTo("75");
        assertThat(firstIndicator.get("offTarget").asBoolean()).isTrue();
        assertThat(returned.at("/2/evidence/actions")).extracting(action -> action.get("reference").asText() + " "
                + action.get("status").asText()).containsExactly("CS.1 on track", "CS.2 behind");
        JsonNode followUp = returned.at("/1/evidence/followUps/0");
        assertThat(followUp.get("action").asText()).isEqualTo("Hire a trainer");
        assertThat(followUp.get("state").asText()).isEqualTo("done");
        assertThat(followUp.get("note").asText()).isEqualTo("Trainer <i>started</i> in May");
        assertThat(returned.at("/0/evidence/actions")).as("the completed action has left the list")
                .extracting(action -> action.get("reference").asText()).containsExactly("CS.1");
        assertThat(returned.at("/0/evidence/indicators/0/offTarget").asBoolean()).isFalse();

        JsonNode history = http.get("lead", "/api/plans/{reference}/history", measured.getReference()).json();
        assertThat(history.at("/indicators/0/values")).hasSize(3);
        assertThat(history.at("/quarters/2/evidence/indicators/0/note").asText()).isEqualTo(SURVEY_NOTE);

        WebSession lead = signedInToPages(port, "lead");
        String historyPage = lead.get("/plans/" + measured.getReference() + "/history").body();
        assertThat(historyPage).contains("The values of NI 1, period by period", "71.2 %", "73 %", "75.5 %",
                "Baseline survey &lt;b&gt;wave 1&lt;/b&gt;", "The evidence with the update",
                "5.07% short of target: Red",
                "Better than 71.2 % (" + periods.get(0) + ")", "Suggested by the evidence",
                "▲ Amber: the judge gave a kinder status, and says why below", "Training done; the survey is on",
                "No trainer &lt;em&gt;yet&lt;/em&gt;", "Trainer &lt;i&gt;started&lt;/i&gt; in May", "Done")
                .doesNotContain(SURVEY_NOTE, "<i>started</i>");
        assertThat(historyPage.indexOf(periods.get(0))).as("the series, earliest first")
                .isLessThan(historyPage.indexOf(periods.get(1)));
        String planPage = lead.get("/plans/" + measured.getReference()).body();
        String chartAlternative = "NI 1: People who get on well together. Values: " + periods.get(0) + " 71.2 %, "
                + periods.get(1) + " 73 %, " + periods.get(2) + " 75.5 %.";
        assertThat(planPage).as("NI 1's chart, drawn on the server, with its values in words beneath")
                .containsPattern("<figure class=\"chart\">\\s*<svg [^>]*role=\"img\"")
                .contains("<figcaption class=\"muted\">" + chartAlternative);
        assertThat(historyPage).contains("<figcaption class=\"muted\">" + chartAlternative);
        assertThat(planPage).contains("75.5 % (" + periods.get(2) + ")", "The values of NI 1, period by period",
                "Baseline survey &lt;b&gt;wave 1&lt;/b&gt;", "Evidence in the latest update (" + third.getReference(),
                "<td>completed</td>").doesNotContain(SURVEY_NOTE);
        assertThat(lead.get("/plans/" + measured.getReference() + "/returns/" + second.getReference()).body())
                .as("a return as submitted, values as written").contains("The evidence",
                        "73.0 % (" + periods.get(1) + ")",
                        "Hire a trainer", "Done", "Trainer &lt;i&gt;started&lt;/i&gt; in May");

        String judgement = script.task(third, measured, TASK_JUDGE_STATUS).getId();
        JsonNode judgeForm = Http.jsonValue(http.formVariables("judge", judgement), "evidence");
        JsonNode row = judgeForm.at("/indicators/0");
        assertThat(row.get("indicator").asText() + " | " + row.get("value").asText() + " | "
                + row.get("baseline").asText() + " | " + row.get("target").asText())
                .as("the judge's form").isEqualTo("NI 1: People who get on well together | 75.5 % (" + periods.get(2)
                        + ") | 74.6 % | 75 % (" + ReportingPeriod.parse(periods.get(2)).orElseThrow().year() + ")");
    }

    /**
     * A value for the quarter the update's form suggests was imported before the cycle: the form says so, the update's
     * value replaces it, and the history keeps the imported one. The same return's value corrected after a send-back
     * is its own, and is not kept again.
     */
    @Test
    void aValueAnUpdateReplacesIsToldInTheFormAndKeptInTheHistory() {
        TestNetwork own = testNetworks.create(1);
        DeliveryPlan measured = own.plan();
        String quarter = ReportingPeriod.quarterOf(own.meeting().getMeetingDate()).previous().toString();
        transaction.executeWithoutResult(status -> plans.findById(measured.getId()).orElseThrow()
                .addIndicator("NI 1", "People who get on well together", "74.6", "%", true));
        Reply imported = http.postBytes("manager", "/api/networks/{code}/import/indicator_values",
                MediaType.parseMediaType("text/csv"), ("plan_reference,code,period,value,note\n"
                        + measured.getReference() + ",NI 1," + quarter + ",74.2,From the spring survey\n")
                        .getBytes(StandardCharsets.UTF_8), own.network().getCode());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Cycle cycle = script.open(own);

        Task update = script.task(cycle, measured, TASK_SUBMIT_UPDATE);
        JsonNode form = http.formVariables("lead", update.getId());
        assertThat(Http.jsonValue(form, INDICATOR_VALUES).at("/0/about").asText())
                .contains(quarter + " has a value already: 74.2 %, imported by " + MANAGER + " on ",
                        "A value given here for " + quarter + " replaces it; the plan's history keeps both.")
                .as("told once, not as the last value too").doesNotContain("last value");
        script.update(cycle, measured, "First.", "More.", ni1(quarter, "74.9", null), "[]", null);
        script.sendBack(cycle, measured, "Which survey?");
        script.update(cycle, measured, "First.", "More.", ni1(quarter, "75.0", "The autumn survey"), "[]", null);

        JsonNode history = http.get("lead", "/api/plans/{reference}/history", measured.getReference()).json();
        assertThat(history.at("/indicators/0/values")).extracting(value -> value.get("value").asText())
                .containsExactly("75");
        assertThat(history.get("replacedValues")).as("the imported value, once: the send-back's is the return's own")
                .singleElement().satisfies(replaced -> {
                    assertThat(replaced.get("period").asText()).isEqualTo(quarter);
                    assertThat(replaced.get("value").asText()).isEqualTo("74.2");
                    assertThat(replaced.get("note").asText()).isEqualTo("From the spring survey");
                    assertThat(replaced.get("recorded").asText()).startsWith("Imported by " + MANAGER + ", ");
                    assertThat(replaced.get("replaced").asText()).startsWith("Gareth Penhallow, ");
                });
        WebSession lead = signedInToPages(port, "lead");
        assertThat(lead.get("/plans/" + measured.getReference() + "/history").body())
                .contains("Values of NI 1 replaced by an import or a later update", "74.2 %", "From the spring survey");
    }

    /** The Json of an update's answer for NI 1. */
    @Test
    @DisplayName("lists an action behind without the full stop its plan's wording ends with before why it is behind")
    void anActionBehindWordedAsASentence() {
        transaction.executeWithoutResult(status -> plans.findById(plan.get(4).getId()).orElseThrow()
                .addAction("CS.2", "Train the staff.", "on track"));
        script.update(cycle, plan.get(4), "Training.", "More.", null, """
                [{"reference": "CS.2", "status": "behind", "note": "No trainer yet"}]""", null);

        assertThat(signedInToPages(port, "manager").get("/networks/" + network.network().getCode() + "/dashboard")
                .body()).contains("CS.2: Train the staff: reported behind").doesNotContain("staff.:");
        assertThat(signedInToPages(port, "manager").get("/plans/" + plan.get(4).getReference() + "/history").body())
                .as("its status in bold, said once").contains("<td><strong>behind</strong></td>")
                .doesNotContain("reported behind");
    }

    private static String ni1(String period, String value, String note) {
        return """
                [{"code": "NI 1", "period": "%s", "value": "%s"%s}]""".formatted(period, value,
                note == null ? "" : ", \"note\": \"" + note + "\"");
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
