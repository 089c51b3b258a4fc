package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A return opened on planReturn's first version, whose listeners had other names, goes on after the upgrade: the
 * first version is deployed again here, as it is on an installation that ran it, and a cycle opened on it.
 */
@ApplicationTest
@DisplayName("Returns opened on planReturn's first version")
class FirstVersionReturnsTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    RecordedReturns recordedReturns;

    private Deployment firstVersion;

    @BeforeEach
    void deployTheFirstVersion() {
        firstVersion = repositoryService.createDeployment().name("planReturn version 1")
                .addClasspathResource("earlier-versions/planReturn-v1.bpmn")
                .addClasspathResource("forms/submitUpdate.form").addClasspathResource("forms/judgeStatus.form")
                .addClasspathResource("forms/proposeRemedialActions.form")
                .addClasspathResource("forms/agreeRemedialActions.form").deploy();
    }

    /** The first version is the latest while the test runs; afterwards it goes, with what ran on it. */
    @AfterEach
    void removeIt() {
        repositoryService.deleteDeployment(firstVersion.getId(), true);
    }

    @Test
    @DisplayName("its update, a send-back and the update again are checked and recorded as on today's version")
    void goesOn() {
        TestNetworks.TestNetwork network = networks.create(1);
        ProcessInstance instance = openReturns.of(network);
        assertThat(repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId())
                .isEqualTo(firstVersion.getId());
        Long returnId = openReturns.returnId(instance);

        officers.submit("lead", officers.task(instance.getId(), TASK_SUBMIT_UPDATE), Map.of(ACHIEVEMENTS, "Done.",
                PLANNED_ACTIVITIES, "More."));
        officers.submit("judge", officers.task(instance.getId(), TASK_JUDGE_STATUS), Map.of(JUDGEMENT_OUTCOME,
                OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, "Which wards?"));
        officers.submit("lead", officers.task(instance.getId(), TASK_SUBMIT_UPDATE), Map.of(ACHIEVEMENTS,
                "Done, in three wards.", PLANNED_ACTIVITIES, "More."));

        PlanReturn recorded = recordedReturns.load(returnId);
        assertThat(recorded.getAchievements()).isEqualTo("Done, in three wards.");
        assertThat(recorded.getJudgementComment()).isEqualTo("Which wards?");
        assertThat(officers.task(instance.getId(), TASK_JUDGE_STATUS).getName()).as("named after its plan")
                .endsWith(network.plan().getReference() + " " + network.plan().getTitle());
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(ACHIEVEMENTS,
                PLANNED_ACTIVITIES, JUDGEMENT_COMMENT, JUDGEMENT_OUTCOME);
    }
}
