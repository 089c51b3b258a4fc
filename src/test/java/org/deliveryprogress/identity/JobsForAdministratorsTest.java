package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's jobs are run and changed by the job executor and administrators only: a manager who may read a
 * cycle's close timer cannot bring the close forward by asking to run it, and no one else can delete or suspend a
 * job that belongs to no process.
 */
@ApplicationTest
@DisplayName("The engine's jobs, in administrators' hands")
class JobsForAdministratorsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    CycleRepository cycles;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;

    private Http http;

    @BeforeEach
    void http() {
        http = new Http(port);
    }

    @Test
    @DisplayName("a manager's run of the cycle's close timer is refused, and the timer keeps its retries and its day")
    void aManagerCannotCloseTheCycleEarly() {
        TestNetwork network = networks.create(1);
        openReturns.of(network);
        Cycle cycle = cycles.findByMeetingId(network.meeting().getId()).orElseThrow();
        Job closeTimer = managementService.createJobQuery().processInstanceId(cycle.getProcessInstanceId()).timers()
                .singleResult();
        assertThat(http.get("manager", "/engine-rest/job/{id}", closeTimer.getId()).status())
                .as("the manager may see it").isEqualTo(200);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(http.post("manager", "/engine-rest/job/{id}/execute", Map.of(), closeTimer.getId()).status())
                    .isEqualTo(403);
        }

        Job after = managementService.createJobQuery().jobId(closeTimer.getId()).singleResult();
        assertThat(after.getRetries()).isEqualTo(closeTimer.getRetries());
        assertThat(after.getDuedate()).isEqualTo(closeTimer.getDuedate());
        assertThat(after.getExceptionMessage()).isNull();
    }

    @Test
    @DisplayName("an officer may not delete, resume or retry a job of no process; an administrator may")
    void onlyAnAdministratorChangesAJobOfNoProcess() {
        Job cleanup = historyService.cleanUpHistoryAsync(false);
        // Suspended, so that the job executor leaves it alone while the test runs.
        managementService.suspendJobById(cleanup.getId());
        try {
            assertThat(http.delete("lead", "/engine-rest/job/{id}", cleanup.getId()).status()).isEqualTo(403);
            assertThat(http.put("lead", "/engine-rest/job/{id}/suspended", Map.of("suspended", false),
                    cleanup.getId()).status()).isEqualTo(403);
            assertThat(http.put("lead", "/engine-rest/job/{id}/retries", Map.of("retries", 0), cleanup.getId())
                    .status()).isEqualTo(403);
            Job kept = managementService.createJobQuery().jobId(cleanup.getId()).singleResult();
            assertThat(kept).isNotNull();
            assertThat(kept.isSuspended()).isTrue();
            assertThat(kept.getRetries()).isEqualTo(cleanup.getRetries());

            assertThat(http.put("demo", "/engine-rest/job/{id}/retries", Map.of("retries", 2), cleanup.getId())
                    .status()).as("the administrator").isEqualTo(204);
            assertThat(managementService.createJobQuery().jobId(cleanup.getId()).singleResult().getRetries())
                    .isEqualTo(2);
        } finally {
            managementService.deleteJob(cleanup.getId());
        }
    }

    @Test
    @DisplayName("names the engine's job commands as the engine has them")
    void theCommandsExist() throws Exception {
        for (String command : JobsForAdministrators.JOB_COMMANDS) {
            assertThat(engineClass(command)).as(command).isNotNull();
        }
        assertThat(Class.forName("org.camunda.bpm.engine.impl.jobexecutor."
                + JobsForAdministrators.FAILED_JOB_LISTENER)).isNotNull();
    }

    private static Class<?> engineClass(String simpleName) {
        for (String pkg : new String[] {"org.camunda.bpm.engine.impl.cmd.", "org.camunda.bpm.engine.impl."}) {
            try {
                return Class.forName(pkg + simpleName);
            } catch (ClassNotFoundException notHere) {
                // in the other package
            }
        }
        return null;
    }
}
