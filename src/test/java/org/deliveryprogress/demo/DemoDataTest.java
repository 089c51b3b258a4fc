package org.deliveryprogress.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.support.Http.jsonValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Officers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a new user meets in the default run: the demo network's open cycle, as each demo officer sees it, and the
 * indicators' past values beside this year's targets.
 */
@ApplicationTest
class DemoDataTest {

    @LocalServerPort
    int port;
    @Autowired
    CycleRepository cycles;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;
    @Autowired
    Officers officers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    NetworkRepository networks;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    IndicatorValueRepository values;

    private String cycleReference;
    /** The financial year of the quarter the open cycle reports on, whose targets its forms show. */
    private String reportingYear;

    @BeforeEach
    void openDemoCycle() {
        Cycle open = transaction.execute(status -> cycles.findAll().stream()
                .filter(cycle -> cycle.getReference().startsWith("SCN-") && cycle.getState() == Cycle.State.OPEN)
                .findFirst().orElseThrow());
        cycleReference = open.getReference();
        reportingYear = transaction.execute(status -> ReportingPeriod.quarterOf(cycles.findById(open.getId())
                .orElseThrow().getMeeting().getMeetingDate()).previous().year());
        officers.runJobs(open.getProcessInstanceId());
    }

    @Test
    void leadHasAnUpdateToSubmitForEachOfTheirFourPlansNamedAfterThePlan() {
        List<Map<String, Object>> tasks = get("lead",
                "/engine-rest/task?assignee=lead&processInstanceBusinessKeyLike={key}", cycleReference + "%");

        assertThat(tasks).extracting(task -> (String) task.get("name")).hasSize(4)
                .anyMatch(name -> name.startsWith("Submit update: CC-NI1 Community Cohesion NI 1"))
                .anyMatch(name -> name.startsWith("Submit update: CC-LEAD"))
                .anyMatch(name -> name.startsWith("Submit update: CC-SCHOOLS"))
                .anyMatch(name -> name.startsWith("Submit update: CC-EVENTS"));
        assertThat(tasks).allSatisfy(task -> assertThat(task.get("due")).isNotNull());
    }

    @Test
    @DisplayName("lead's CC-EVENTS, without indicators or open actions, takes an update of its two texts alone, as the "
            + "README's first submit-form example sends it (in a transaction rolled back: the demo unchanged)")
    void aPlanWithoutOpenActionsTakesAnUpdateOfItsTextsAlone() {
        Task events = taskService.createTaskQuery().processInstanceBusinessKey(cycleReference + "/CC-EVENTS")
                .singleResult();

        transaction.executeWithoutResult(status -> {
            officers.submit("lead", events, Map.of("achievements", "Seven events held.", "plannedActivities", "None."));
            assertThat(taskService.createTaskQuery().taskId(events.getId()).count()).as("submitted").isZero();
            status.setRollbackOnly();
        });

        assertThat(taskService.createTaskQuery().taskId(events.getId()).count()).as("rolled back").isOne();
    }

    @Test
    void theNi1UpdateFormShowsThePlanAndLastQuartersReturn() {
        Task ni1 = taskService.createTaskQuery().processInstanceBusinessKey(cycleReference + "/CC-NI1")
                .singleResult();

        JsonNode variables = new Http(port).formVariables("lead", ni1.getId());

        JsonNode plan = jsonValue(variables, "plan");
        assertThat(plan.get("title").asText())
                .isEqualTo("Community Cohesion NI 1 – People from different backgrounds getting on well with each "
                        + "other");
        JsonNode lastReturn = jsonValue(variables, "lastReturn");
        assertThat(lastReturn.get("ragStatus").asText()).isEqualTo("Amber");
        assertThat(lastReturn.get("achievements").asText()).contains("tension monitoring");
        assertThat(jsonValue(variables, "agreedRemedialActions")).isNotEmpty();
        assertThat(jsonValue(variables, "openActions")).isNotEmpty();
    }

    @Test
    @DisplayName("NI 1 has ten quarters of survey values around its 74.6 % baseline, up to 2026/27 Q2, rising and then "
            + "falling back, imported by the network's manager")
    void ni1HasTenQuartersOfValuesAroundItsBaseline() {
        List<IndicatorValue> ni1 = transaction.execute(status -> values.seriesOf(plans.findByReference("CC-NI1")
                .orElseThrow()));

        assertThat(ni1).extracting(value -> value.getPeriod().toString()).containsExactly("2024/25 Q1",
                "2024/25 Q2", "2024/25 Q3", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4",
                "2026/27 Q1", "2026/27 Q2");
        List<BigDecimal> numbers = ni1.stream().filter(value -> value.getReturnId() == null)
                .map(IndicatorValue::getNumber).toList();
        assertThat(numbers).allSatisfy(number -> assertThat(number).isBetween(new BigDecimal("73"),
                new BigDecimal("78")));
        assertThat(numbers.stream().max(BigDecimal::compareTo).orElseThrow()).as("the highest")
                .isGreaterThan(numbers.get(0)).isGreaterThan(numbers.get(numbers.size() - 1));
        assertThat(ni1).filteredOn(value -> value.getReturnId() == null)
                .as("imported by the network's manager").allSatisfy(value -> assertThat(value.getRecordedBy())
                        .isEqualTo("manager"));
    }

    @Test
    @DisplayName("HWB keeps its judging officers independent of the updates they judge; SCN, saying nothing, does not")
    void whoMayJudge() {
        assertThat(networks.findByCode("HWB").orElseThrow().isOfficersMayJudgeOwnPlans()).isFalse();
        assertThat(networks.findByCode("SCN").orElseThrow().isOfficersMayJudgeOwnPlans()).isTrue();
    }

    @Test
    @DisplayName("Every demo indicator has a series of numbers and targets for 2025/26 to 2027/28 beside its old ones")
    void everyDemoIndicatorHasASeriesOfNumbersAndThisYearsTargets() {
        List<DeliveryPlan> demoPlans = transaction.execute(status -> {
            List<DeliveryPlan> found = Stream.of("SCN", "HWB")
                    .flatMap(code -> plans.findByNetworkOrderByReference(networks.findByCode(code).orElseThrow())
                            .stream())
                    .filter(plan -> plan.getReference().startsWith("CC-") || plan.getReference().startsWith("HW-"))
                    .toList();
            found.forEach(plan -> plan.getIndicators().forEach(indicator -> indicator.getTargetsByYear().size()));
            return found;
        });
        List<PlanIndicator> indicators = demoPlans.stream().flatMap(plan -> plan.getIndicators().stream()).toList();
        assertThat(indicators).extracting(PlanIndicator::getCode).contains("NI 1", "NI 110", "LI HC1", "LI HC2",
                "NI 4", "NI 2", "NI 35", "NI 123");

        for (DeliveryPlan plan : demoPlans) {
            List<IndicatorValue> series = transaction.execute(status -> values.seriesOf(plan));
            for (PlanIndicator indicator : plan.getIndicators()) {
                assertThat(indicator.getTargetsByYear().keySet()).as(indicator.getCode())
                        .contains("2025/26", "2026/27", "2027/28").containsAnyOf("2008/09", "2009/10");
                assertThat(series).as(indicator.getCode())
                        .filteredOn(value -> value.getIndicatorCode().equals(indicator.getCode()))
                        .hasSizeGreaterThanOrEqualTo(6)
                        .allSatisfy(value -> assertThat(value.getNumber()).isNotNull());
            }
        }
    }

    @Test
    @DisplayName("The NI 1 update form shows the baseline, this year's target and the last value, for the officer "
            + "to compare")
    void theNi1UpdateFormShowsTheLastValueBesideThisYearsTarget() {
        Task ni1 = taskService.createTaskQuery().processInstanceBusinessKey(cycleReference + "/CC-NI1")
                .singleResult();

        JsonNode variables = new Http(port).formVariables("lead", ni1.getId());

        JsonNode indicator = jsonValue(variables, "indicatorValues").get(0);
        // The demo's last value is for 2026/27 Q2: given as the last value, or as the value an update for the quarter
        // the form suggests would replace, when that quarter is 2026/27 Q2.
        assertThat(indicator.get("about").asText()).contains("Baseline 74.6 %", "target " + reportingYear + ": ",
                "75.4 %", "2026/27 Q2");
    }

    @Test
    void officersSeeOnlyTheirOwnWorkAndManagersSeeAllOfTheNetwork() {
        Task ni1 = taskService.createTaskQuery().processInstanceBusinessKey(cycleReference + "/CC-NI1")
                .singleResult();
        String ofThisCycle = "/engine-rest/task?processInstanceBusinessKeyLike={key}";
        String key = cycleReference + "%";

        assertThat(get("lead", ofThisCycle, key)).hasSize(4);
        assertThat(get("clerk", ofThisCycle, key)).as("the data-entry officer is a candidate on lead's updates")
                .hasSize(4);
        assertThat(get("lead2", ofThisCycle, key)).isNotEmpty().extracting(task -> (String) task.get("name"))
                .noneMatch(name -> name.contains("CC-NI1"));
        assertThat(get("judge", ofThisCycle, key)).as("nothing to judge yet").isEmpty();
        assertThat(get("manager", ofThisCycle, key)).hasSize(11);
        assertThat(rest("lead2").get().uri("/engine-rest/task/{id}", ni1.getId()).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                }).toBodilessEntity().getStatusCode().value()).isIn(403, 404);
    }

    @Test
    void tasklistFiltersExistForEachRole() {
        assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName).contains(
                "My returns to submit", "Awaiting my judgement", "Remedial actions to propose",
                "Remedial actions to agree", "All open work of my network", "My work");
        assertThat(get("lead", "/engine-rest/filter?resourceType=Task")).extracting(filter -> filter.get("name"))
                .contains("My returns to submit").doesNotContain("All open work of my network");
        assertThat(get("manager", "/engine-rest/filter?resourceType=Task")).extracting(filter -> filter.get("name"))
                .contains("Remedial actions to agree", "All open work of my network");
    }

    private List<Map<String, Object>> get(String user, String uri, Object... uriVariables) {
        return rest(user).get().uri(uri, uriVariables).retrieve().body(new ParameterizedTypeReference<>() {
        });
    }

    private RestClient rest(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, DemoData.DEMO_PASSWORD)).build();
    }
}
