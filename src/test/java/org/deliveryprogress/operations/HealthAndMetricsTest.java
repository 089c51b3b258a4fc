package org.deliveryprogress.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.identity.Groups;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Users;
import org.deliveryprogress.support.Http.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@ApplicationTest
@DisplayName("Health and metrics for running two or more nodes")
class HealthAndMetricsTest {

    private static final String PROBE = "operationsProbe";

    @LocalServerPort
    int port;
    @Autowired
    HealthEndpointGroups healthGroups;
    @Autowired
    DatabaseCounts databaseCounts;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Users users;

    private Http http;
    private final List<String> probeDeployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void removeProbes() {
        probeDeployments.forEach(deployment -> repositoryService.deleteDeployment(deployment, true));
    }

    @Test
    @DisplayName("health, liveness and readiness answer anyone, with the status alone")
    void healthIsPublicWithoutDetails() {
        Reply liveness = http.get(null, "/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
        assertThat(liveness.json().has("components")).isFalse();

        for (String path : new String[] { "/actuator/health", "/actuator/health/readiness" }) {
            Reply health = http.get(null, path);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.json().get("status").asText()).as(path).isEqualTo("UP");
            assertThat(health.json().has("components")).as(path).isFalse();
        }
    }

    @Test
    @DisplayName("readiness is the database's and the job executor's (where the node runs one); mail is not health")
    void readinessIsTheDatabaseAndTheJobExecutor() {
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("readiness").isMember("jobExecutor")).isTrue();

        // The tests run no job executor, as a node configured without one: its readiness is its database's.
        JsonNode readiness = http.get("demo", "/actuator/health/readiness").json();
        assertThat(readiness.get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "db");
        assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");

        JsonNode health = http.get("demo", "/actuator/health").json();
        assertThat(health.get("components").fieldNames()).toIterable().contains("db", "processEngine")
                .doesNotContain("mail");
    }

    @Test
    @DisplayName("metrics and every other endpoint are for administrators only: 401 signed out, 403 for a manager")
    void metricsAreForAdministrators() {
        for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/info",
                "/actuator" }) {
            assertThat(http.get(null, path).status()).as(path).isEqualTo(401);
            assertThat(http.get("manager", path).status()).as(path).isEqualTo(403);
            assertThat(http.get("demo", path).status()).as(path).isEqualTo(200);
        }
        assertThat(http.get("demo", "/actuator/env").status()).as("an endpoint not exposed").isNotEqualTo(200);
    }

    @Test
    @DisplayName("the metrics' readers (Prometheus's user) read the metrics and nothing else")
    void metricsReadersReadTheMetricsAlone() {
        users.person("prometheus", "Prometheus", "Scraper", Groups.METRICS_READERS);

        assertThat(http.get("prometheus", "/actuator/prometheus").body()).contains("camunda_incidents_open{");
        assertThat(http.get("prometheus", "/actuator/metrics").status()).isEqualTo(200);
        for (String path : new String[] { "/actuator/info", "/actuator", "/api/networks/SCN" }) {
            assertThat(http.get("prometheus", path).status()).as(path).isIn(403, 404);
        }
        assertThat(http.get("prometheus", "/engine-rest/user").json()).as("no other user's name").hasSize(1);
    }

    @Test
    @DisplayName("Prometheus reads the requests, the connection pool, the engine's jobs, incidents and the outbox")
    void prometheusReadsWhatOperatorsWatch() {
        http.get("manager", "/api/networks");

        String metrics = http.get("demo", "/actuator/prometheus").body();

        assertThat(metrics).contains("http_server_requests_seconds_count{", "uri=\"/api/networks\"",
                "hikaricp_connections_active{", "camunda_job_acquisition_attempt_total{",
                "camunda_job_successful_total{", "camunda_job_failed_total{", "camunda_job_execution_rejected_total{",
                "camunda_incidents_open{", "delivery_progress_mail_outbox{");
    }

    @Test
    @DisplayName("a job done counts as successful, a job failing as failed, and one whose retries are spent as an"
            + " open incident")
    void jobsAndIncidentsAreCounted() {
        double successful = metric("camunda_job_successful_total", "");
        double failed = metric("camunda_job_failed_total", "");
        long incidents = runtimeService.createIncidentQuery().count();

        managementService.executeJob(probeJob("${true}").getId());
        assertThat(metric("camunda_job_successful_total", "")).isEqualTo(successful + 1);

        Job failing = probeJob("${noSuchBean.call()}");
        assertThatThrownBy(() -> managementService.executeJob(failing.getId()));
        managementService.setJobRetries(failing.getId(), 1);
        assertThatThrownBy(() -> managementService.executeJob(failing.getId()));
        assertThat(metric("camunda_job_failed_total", "")).isEqualTo(failed + 2);

        databaseCounts.read();
        assertThat(metric("camunda_incidents_open", "")).isEqualTo(incidents + 1);
    }

    @Test
    @DisplayName("the outbox's gauges count the emails not delivered yet, by state")
    void outboxIsCounted() {
        databaseCounts.read();
        String metrics = http.get("demo", "/actuator/prometheus").body();
        for (String state : new String[] { "QUEUED", "SENDING", "RETRYING" }) {
            Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE state = ?", Integer.class,
                    state);
            assertThat(metric(metrics, "delivery_progress_mail_outbox", "state=\"" + state.toLowerCase() + "\""))
                    .as(state).isEqualTo(stored.doubleValue());
        }
    }

    @Test
    @DisplayName("a job without a retry cycle of its own is tried again 5 times, after 30 s, then 1, 2, 5 and 10"
            + " minutes, so that an outage of minutes does not spend its retries; a pack's production is one of them")
    void jobsAreRetriedSlowly() {
        Job failing = probeJob("${noSuchBean.call()}");
        Date failedAt = ClockUtil.getCurrentTime();

        assertThatThrownBy(() -> managementService.executeJob(failing.getId()));

        Job retried = managementService.createJobQuery().jobId(failing.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(5);
        assertThat(Duration.between(failedAt.toInstant(), retried.getDuedate().toInstant()).toSeconds())
                .isCloseTo(30, within(2L));

        String cycle = repositoryService.createProcessDefinitionQuery().processDefinitionKey("quarterlyCycle")
                .latestVersion().singleResult().getId();
        ActivityImpl producePack = ((ProcessDefinitionEntity) ((RepositoryServiceImpl) repositoryService)
                .getDeployedProcessDefinition(cycle)).findActivity("ServiceTask_ProduceMeetingPack");
        assertThat(producePack.getProperties().get(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION)
                .getRetryIntervals()).containsExactly("PT30S", "PT1M", "PT2M", "PT5M", "PT10M");
    }

    /** The probe process's one job: an asynchronous step evaluating {@code expression}. */
    private Job probeJob(String expression) {
        BpmnModelInstance probe = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .camundaStartableInTasklist(false).startEvent().serviceTask().camundaAsyncBefore()
                .camundaExpression(expression).endEvent().done();
        probeDeployments.add(repositoryService.createDeployment().addModelInstance(PROBE + ".bpmn", probe).deploy()
                .getId());
        String instance = runtimeService.startProcessInstanceByKey(PROBE).getId();
        return managementService.createJobQuery().processInstanceId(instance).singleResult();
    }

    private double metric(String name, String label) {
        return metric(http.get("demo", "/actuator/prometheus").body(), name, label);
    }

    private static double metric(String metrics, String name, String label) {
        Matcher line = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains(label)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("No " + name + " {" + label + "} in:\n" + metrics);
    }
}
