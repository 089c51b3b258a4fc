package org.deliveryprogress.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.support.Officers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a new user meets in the default run: the demo network's open cycle, as each demo officer sees it. */
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
    ObjectMapper objectMapper;

    private String cycleReference;

    @BeforeEach
    void openDemoCycle() {
        Cycle open = transaction.execute(status -> cycles.findAll().stream()
                .filter(cycle -> cycle.getReference().startsWith("SCN-") && cycle.getState() == Cycle.State.OPEN)
                .findFirst().orElseThrow());
        cycleReference = open.getReference();
        officers.runJobs(open.getProcessInstanceId());
    }

    @Test
    void leadHasAnUpdateToSubmitForEachOfTheirThreePlansNamedAfterThePlan() {
        List<Map<String, Object>> tasks = get("lead",
                "/engine-rest/task?assignee=lead&processInstanceBusinessKeyLike={key}", cycleReference + "%");

        assertThat(tasks).extracting(task -> (String) task.get("name")).hasSize(3)
                .anyMatch(name -> name.startsWith("Submit update: CC-NI1 Community Cohesion NI 1"))
                .anyMatch(name -> name.startsWith("Submit update: CC-LEAD"))
                .anyMatch(name -> name.startsWith("Submit update: CC-SCHOOLS"));
        assertThat(tasks).allSatisfy(task -> assertThat(task.get("due")).isNotNull());
    }

    @Test
    void theNi1UpdateFormShowsThePlanAndLastQuartersReturn() throws Exception {
        Task ni1 = taskService.createTaskQuery().processInstanceBusinessKey(cycleReference + "/CC-NI1")
                .singleResult();

        JsonNode variables = objectMapper.readTree(rest("lead").get()
                .uri("/engine-rest/task/{id}/form-variables?deserializeValues=false", ni1.getId()).retrieve()
                .body(String.class));

        JsonNode plan = objectMapper.readTree(variables.at("/plan/value").asText());
        assertThat(plan.get("title").asText())
                .isEqualTo("Community Cohesion NI 1 – People from different backgrounds getting on well with each other");
        JsonNode lastReturn = objectMapper.readTree(variables.at("/lastReturn/value").asText());
        assertThat(lastReturn.get("ragStatus").asText()).isEqualTo("Amber");
        assertThat(lastReturn.get("achievements").asText()).contains("tension monitoring");
        assertThat(objectMapper.readTree(variables.at("/agreedRemedialActions/value").asText())).isNotEmpty();
        assertThat(objectMapper.readTree(variables.at("/openActions/value").asText())).isNotEmpty();
    }

    @Test
    void officersSeeOnlyTheirOwnWorkAndManagersSeeAllOfTheNetwork() {
        Task ni1 = taskService.createTaskQuery().processInstanceBusinessKey(cycleReference + "/CC-NI1")
                .singleResult();
        String ofThisCycle = "/engine-rest/task?processInstanceBusinessKeyLike={key}";
        String key = cycleReference + "%";

        assertThat(get("lead", ofThisCycle, key)).hasSize(3);
        assertThat(get("clerk", ofThisCycle, key)).as("the data-entry officer is a candidate on lead's updates")
                .hasSize(3);
        assertThat(get("lead2", ofThisCycle, key)).isNotEmpty().extracting(task -> (String) task.get("name"))
                .noneMatch(name -> name.contains("CC-NI1"));
        assertThat(get("judge", ofThisCycle, key)).as("nothing to judge yet").isEmpty();
        assertThat(get("manager", ofThisCycle, key)).hasSize(10);
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
