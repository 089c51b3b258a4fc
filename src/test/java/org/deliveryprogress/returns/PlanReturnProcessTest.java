package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every path of planReturn, one plan's return, driven as its officers would drive it. */
@ApplicationTest
class PlanReturnProcessTest {

    private static final Map<String, Object> UPDATE = Map.of(ACHIEVEMENTS, "Tension monitoring meetings held.",
            PLANNED_ACTIVITIES, "Review hate crime reporting.", BLOCKAGES, "Partners unaware of reporting centres.");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper objectMapper;

    private ProcessInstance cycle;
    private ProcessInstance planReturn;

    @BeforeEach
    void openReturn() {
        BpmnAwareTests.init(engine);
        planReturn = openReturns.of(networks.create(1));
        cycle = openReturns.cycleOf(planReturn);
    }

    @Test
    void greenReturnIsSubmittedJudgedAndEnds() {
        assertThat(planReturn).isWaitingAt(TASK_SUBMIT_UPDATE).task().isAssignedTo("lead");

        submit("lead", TASK_SUBMIT_UPDATE, UPDATE);
        assertThat(planReturn).isWaitingAt(TASK_JUDGE_STATUS).task().isAssignedTo("judge");

        submit("judge", TASK_JUDGE_STATUS, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED, RAG_STATUS, "Green",
                JUDGEMENT_COMMENT, "Strong partnership working."));

        assertThat(planReturn).isEnded().hasPassed("EndEvent_ReturnJudged")
                .hasNotPassed(TASK_PROPOSE_REMEDIAL_ACTIONS);
        PlanReturn recorded = recorded();
        assertThat(recorded.getState()).isEqualTo(ReturnState.COMPLETE);
        assertThat(recorded.getRagStatus()).isEqualTo(RagStatus.Green);
        assertThat(recorded.getAchievements()).isEqualTo(UPDATE.get(ACHIEVEMENTS));
        assertThat(recorded.getSubmittedBy()).isEqualTo("lead");
        assertThat(recorded.getJudgedBy()).isEqualTo("judge");
        assertThat(recorded.getJudgementComment()).isEqualTo("Strong partnership working.");
    }

    @Test
    void judgeSendsTheUpdateBackForMoreInformationAndTheLeadResubmits() {
        submit("lead", TASK_SUBMIT_UPDATE, UPDATE);
        submit("judge", TASK_JUDGE_STATUS, Map.of(JUDGEMENT_OUTCOME, OUTCOME_SENT_BACK,
                JUDGEMENT_COMMENT, "Which localities does this cover?"));

        assertThat(planReturn).isWaitingAt(TASK_SUBMIT_UPDATE).task().isAssignedTo("lead");
        assertThat(recorded().getState()).isEqualTo(ReturnState.SENT_BACK);
        assertThat(recorded().getJudgementComment()).isEqualTo("Which localities does this cover?");

        submit("lead", TASK_SUBMIT_UPDATE, Map.of(ACHIEVEMENTS, "Meetings held in Ashfield and Mansfield.",
                PLANNED_ACTIVITIES, "Review hate crime reporting."));
        assertThat(planReturn).isWaitingAt(TASK_JUDGE_STATUS);
        Task judgement = taskService.createTaskQuery().processInstanceId(planReturn.getId()).singleResult();
        assertThat(officers.as("judge", () -> formService.getTaskFormVariables(judgement.getId())
                .getValue("earlierRequest", Object.class)).toString())
                .as("the judge's form recalls the question").contains("Which localities does this cover?",
                        "Eleanor Brackwater");
        submit("judge", TASK_JUDGE_STATUS, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED, RAG_STATUS, "Blue"));

        assertThat(planReturn).isEnded();
        assertThat(recorded().getAchievements()).isEqualTo("Meetings held in Ashfield and Mansfield.");
        assertThat(recorded().getBlockages()).isNull();
        assertThat(recorded().getRagStatus()).isEqualTo(RagStatus.Blue);
    }

    @Test
    void theJudgeSeesWhatTheAnswerToTheirSendBackChanged() {
        submit("lead", TASK_SUBMIT_UPDATE, UPDATE);
        submit("judge", TASK_JUDGE_STATUS, Map.of(JUDGEMENT_OUTCOME, OUTCOME_SENT_BACK,
                JUDGEMENT_COMMENT, "Which localities does this cover?"));
        assertThat(sinceSendBack()).as("nothing to compare until the update comes back").isNull();

        submit("lead", TASK_SUBMIT_UPDATE, Map.of(ACHIEVEMENTS, "Tension monitoring meetings held in Ashfield.",
                PLANNED_ACTIVITIES, UPDATE.get(PLANNED_ACTIVITIES)));

        assertThat(sinceSendBack()).as("each text that changed, as the judge read it and as it is; no other")
                .isEqualTo(Map.of("changes", List.of(
                        Map.of("what", "Key achievements since last quarter", "before",
                                "Tension monitoring meetings held.", "now",
                                "Tension monitoring meetings held in Ashfield."),
                        Map.of("what", "Blockages or issues to be addressed by the network", "before",
                                "Partners unaware of reporting centres.", "now", "Not given."))));
        assertThat(runtimeService.getVariables(planReturn.getId())).as("kept in the application's tables")
                .doesNotContainKeys("sinceSendBack");
    }

    /** What the judge's form says the answer changed, read as Tasklist reads the form's variables. */
    private Object sinceSendBack() {
        Task judgement = taskService.createTaskQuery().processInstanceId(planReturn.getId())
                .taskDefinitionKey(TASK_JUDGE_STATUS).singleResult();
        if (judgement == null) {
            return null;
        }
        Object shown = officers.as("judge", () -> formService.getTaskFormVariables(judgement.getId())
                .getValue("sinceSendBack", Object.class));
        try {
            return shown == null ? null : objectMapper.readValue(shown.toString(), Map.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void redReturnIsEscalatedAndItsRemedialActionsAgreed() {
        submit("lead", TASK_SUBMIT_UPDATE, UPDATE);
        submit("judge", TASK_JUDGE_STATUS, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED, RAG_STATUS, "Red",
                JUDGEMENT_COMMENT, "Milestones missed: no hate crime data since March."));

        assertThat(planReturn).isWaitingAt(TASK_PROPOSE_REMEDIAL_ACTIONS).task().isAssignedTo("lead");
        assertThat(recorded().getState()).isEqualTo(ReturnState.AWAITING_REMEDIAL_ACTIONS);

        submit("lead", TASK_PROPOSE_REMEDIAL_ACTIONS, Map.of(REMEDIAL_ACTIONS, List.of(
                remedialAction("Restore the interim hate crime statistics", "Police Hate Crime Unit"),
                remedialAction("Publicise the reporting centres", "Safer Communities team"))));

        assertThat(planReturn).isWaitingAt(TASK_AGREE_REMEDIAL_ACTIONS).task()
                .hasCandidateGroupAssociated(TestNetworks.MANAGER_GROUP).isAssignedTo("manager");
        submit("manager", TASK_AGREE_REMEDIAL_ACTIONS, Map.of(REMEDIAL_OUTCOME, OUTCOME_AGREED));

        assertThat(planReturn).isEnded().hasPassed("EndEvent_RemedialActionsAgreed");
        transaction.executeWithoutResult(status -> {
            PlanReturn recorded = returns.findById(returnId()).orElseThrow();
            assertThat(recorded.getState()).isEqualTo(ReturnState.COMPLETE);
            assertThat(recorded.getRemedialDecidedBy()).isEqualTo("manager");
            assertThat(recorded.getRemedialActions())
                    .extracting(RemedialAction::getAction, RemedialAction::getState)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Restore the interim hate crime statistics",
                                    RemedialAction.State.AGREED),
                            org.assertj.core.groups.Tuple.tuple("Publicise the reporting centres",
                                    RemedialAction.State.AGREED));
            assertThat(recorded.getRemedialActions().get(0).getDueDate()).isEqualTo(LocalDate.now().plusWeeks(6));
        });
    }

    /**
     * The rule is written twice: planReturn.bpmn's gateway routes by it, and the return's record (its state, and
     * whether its judgement needs a comment) follows {@link RagStatus#needsRemedialAction}. Neither may change alone.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RagStatus.class)
    @DisplayName("the process escalates a status for remedial actions exactly when the return's record expects it")
    void processAndRecordAgreeOnEscalation(RagStatus status) {
        submit("lead", TASK_SUBMIT_UPDATE, UPDATE);
        submit("judge", TASK_JUDGE_STATUS, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED, RAG_STATUS, status.name(),
                JUDGEMENT_COMMENT, "Judged on the evidence."));

        boolean escalated = runtimeService.createProcessInstanceQuery().processInstanceId(planReturn.getId())
                .activityIdIn(TASK_PROPOSE_REMEDIAL_ACTIONS).count() == 1;
        assertThat(escalated).as("planReturn.bpmn escalates " + status).isEqualTo(status.needsRemedialAction());
        assertThat(recorded().getState())
                .isEqualTo(escalated ? ReturnState.AWAITING_REMEDIAL_ACTIONS : ReturnState.COMPLETE);
    }

    @Test
    void managerSendsRemedialActionsBackAndAgreesTheRevisedOnes() {
        submit("lead", TASK_SUBMIT_UPDATE, UPDATE);
        submit("judge", TASK_JUDGE_STATUS, Map.of(JUDGEMENT_OUTCOME, OUTCOME_JUDGED, RAG_STATUS, "Amber",
                JUDGEMENT_COMMENT, "Slightly behind on the schools work."));
        submit("lead", TASK_PROPOSE_REMEDIAL_ACTIONS,
                Map.of(REMEDIAL_ACTIONS, List.of(remedialAction("Write to schools", "Lead officer"))));
        submit("manager", TASK_AGREE_REMEDIAL_ACTIONS, Map.of(REMEDIAL_OUTCOME, OUTCOME_SENT_BACK,
                REMEDIAL_COMMENT, "Name who in the Children and Young People department will do it."));

        assertThat(planReturn).isWaitingAt(TASK_PROPOSE_REMEDIAL_ACTIONS).task().isAssignedTo("lead");
        assertThat(recorded().getState()).isEqualTo(ReturnState.REMEDIAL_ACTIONS_SENT_BACK);

        submit("lead", TASK_PROPOSE_REMEDIAL_ACTIONS, Map.of(REMEDIAL_ACTIONS,
                List.of(remedialAction("Run a workshop for school heads", "CYP school improvement adviser"))));
        submit("manager", TASK_AGREE_REMEDIAL_ACTIONS, Map.of(REMEDIAL_OUTCOME, OUTCOME_AGREED));

        assertThat(planReturn).isEnded().hasPassed("EndEvent_RemedialActionsAgreed");
        transaction.executeWithoutResult(status -> assertThat(returns.findById(returnId()).orElseThrow()
                .getRemedialActions()).extracting(RemedialAction::getOwner)
                .containsExactly("CYP school improvement adviser"));
    }

    @Test
    void returnWithNoUpdateIsRecordedAsNoReturnWhenTheCycleCloses() {
        closeCycle();

        assertThat(planReturn).isEnded().hasPassed("ServiceTask_RecordReturnAtClose")
                .hasNotPassed(TASK_JUDGE_STATUS);
        assertThat(recorded().getState()).isEqualTo(ReturnState.NO_RETURN);
        assertThat(recorded().getClosedAt()).isNotNull();
    }

    @Test
    void returnBeingJudgedIsRecordedAsNotJudgedWhenTheCycleCloses() {
        submit("lead", TASK_SUBMIT_UPDATE, UPDATE);
        assertThat(planReturn).isWaitingAt(TASK_JUDGE_STATUS);

        closeCycle();

        assertThat(planReturn).isEnded().hasPassed("EndEvent_ReturnClosedByCycle");
        assertThat(taskService.createTaskQuery().processInstanceId(planReturn.getId()).count()).isZero();
        assertThat(recorded().getState()).isEqualTo(ReturnState.NOT_JUDGED);
        assertThat(recorded().getAchievements()).isEqualTo(UPDATE.get(ACHIEVEMENTS));
    }

    private void submit(String userId, String taskDefinitionKey, Map<String, Object> values) {
        officers.submit(userId, officers.task(planReturn.getId(), taskDefinitionKey), values);
    }

    private void closeCycle() {
        officers.fireTimer(cycle.getId());
        officers.runJobs(cycle.getId());
        assertThat(cycle).isEnded();
    }

    private static Map<String, String> remedialAction(String action, String owner) {
        return Map.of("action", action, "owner", owner, "dueDate", LocalDate.now().plusWeeks(6).toString());
    }

    private Long returnId() {
        return (Long) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(planReturn.getId()).variableName(RETURN_ID).singleResult().getValue();
    }

    private PlanReturn recorded() {
        return returns.findById(returnId()).orElseThrow();
    }
}
