package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.Users;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agreement of remedial actions comes to its manager with nothing to claim where it is plain who that is: the
 * network's only manager, or the manager who sent the actions back last time. Otherwise it waits for one of the
 * network's managers to claim it. Either way it stays offered to them all, and they may hand it to each other.
 */
@ApplicationTest
@DisplayName("Who agrees remedial actions")
class AgreementComesToItsManagerTest {

    private static final String LEAD = "agree-lead";
    private static final String JUDGE = "agree-judge";

    @Autowired
    Users users;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void theNetworksOnlyManagerGetsItWithoutClaimingIt() {
        users.person("solo-manager", "Morwenna", "Solo", "solo-managers");
        ProcessInstance planReturn = redReturnProposed("solo-managers");

        Task agreement = agreement(planReturn);
        assertThat(agreement.getAssignee()).isEqualTo("solo-manager");
        assertThat(candidateGroups(agreement)).as("still offered to the managers").containsExactly("solo-managers");

        officers.submit("solo-manager", agreement, Map.of(REMEDIAL_OUTCOME, OUTCOME_AGREED));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(planReturn.getId()).count()).isZero();
    }

    @Test
    void amongSeveralManagersItComesBackToTheOneWhoSentItBackAndAnotherMayTakeItOver() {
        users.person("pair-manager1", "Tamsin", "First", "pair-managers");
        users.person("pair-manager2", "Jenna", "Second", "pair-managers");
        ProcessInstance planReturn = redReturnProposed("pair-managers");

        Task first = agreement(planReturn);
        assertThat(first.getAssignee()).as("whose it is, is not plain: one of them claims it").isNull();
        officers.as("pair-manager2", () -> {
            taskService.claim(first.getId(), "pair-manager2");
            return null;
        });
        officers.submit("pair-manager2", agreement(planReturn), Map.of(REMEDIAL_OUTCOME, OUTCOME_SENT_BACK,
                REMEDIAL_COMMENT, "Name an owner for each action."));
        propose(planReturn);

        Task again = agreement(planReturn);
        assertThat(again.getAssignee()).as("the manager who sent it back").isEqualTo("pair-manager2");
        assertThat(candidateGroups(again)).containsExactly("pair-managers");

        assertThatThrownBy(() -> officers.as("pair-manager1", () -> {
            taskService.setAssignee(again.getId(), LEAD);
            return null;
        })).as("only to another manager").isInstanceOf(NotYourTaskException.class);
        officers.as("pair-manager1", () -> {
            taskService.setAssignee(again.getId(), null);
            taskService.claim(again.getId(), "pair-manager1");
            return null;
        });
        officers.submit("pair-manager1", agreement(planReturn), Map.of(REMEDIAL_OUTCOME, OUTCOME_AGREED));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(planReturn.getId()).count()).isZero();
    }

    @Test
    @DisplayName("a manager can neither offer the agreement to the plan's lead officer, who would then agree their own "
            + "remedial actions, nor take it away from the network's managers; given it, the lead officer cannot agree")
    void theAgreementStaysTheManagers() {
        users.person("keep-manager", "Kerensa", "Keep", "keep-managers");
        users.person("keep-manager2", "Demelza", "Keep", "keep-managers");
        ProcessInstance planReturn = redReturnProposed("keep-managers");
        Task agreement = agreement(planReturn);

        assertThatThrownBy(() -> officers.as("keep-manager", () -> {
            taskService.addCandidateUser(agreement.getId(), LEAD);
            return null;
        })).as("offered to its lead officer").isInstanceOf(NotYourTaskException.class)
                .hasMessageContaining("not to " + LEAD);
        assertThatThrownBy(() -> officers.as("keep-manager", () -> {
            taskService.deleteCandidateGroup(agreement.getId(), "keep-managers");
            return null;
        })).as("taken from the managers").isInstanceOf(NotYourTaskException.class)
                .hasMessageContaining("keep-managers");

        assertThat(taskService.getIdentityLinksForTask(agreement.getId())).noneMatch(link -> LEAD.equals(
                link.getUserId()));
        assertThat(candidateGroups(agreement)).containsExactly("keep-managers");
        officers.as("demo", () -> {
            taskService.addCandidateUser(agreement.getId(), LEAD);
            taskService.setAssignee(agreement.getId(), LEAD);
            return null;
        });
        assertThatThrownBy(() -> officers.submit(LEAD, agreement(planReturn), Map.of(REMEDIAL_OUTCOME,
                OUTCOME_AGREED))).as("the lead officer, given it by an administrator, agreeing their own actions")
                .isInstanceOf(NotYourTaskException.class).hasMessageContaining("agreed by a manager");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(planReturn.getId()).count())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("offered to the lead officer before (by an administrator, or by a manager before 6 December 2026), "
            + "the agreement is still claimed and handed over by the managers, and not by the lead officer")
    void anAgreementOfferedToTheLeadOfficerBeforeStaysTheManagers() {
        users.person("before-manager", "Jowan", "Before", "before-managers");
        users.person("before-manager2", "Elowen", "Before", "before-managers");
        ProcessInstance planReturn = redReturnProposed("before-managers");
        Task agreement = agreement(planReturn);
        officers.as("demo", () -> {
            taskService.addCandidateUser(agreement.getId(), LEAD);
            return null;
        });

        assertThatThrownBy(() -> officers.as(LEAD, () -> {
            taskService.claim(agreement.getId(), LEAD);
            return null;
        })).as("the lead officer it was offered to").isInstanceOf(NotYourTaskException.class)
                .hasMessageContaining("not to " + LEAD);
        officers.as("before-manager", () -> {
            taskService.claim(agreement.getId(), "before-manager");
            taskService.setAssignee(agreement.getId(), "before-manager2");
            return null;
        });
        assertThat(agreement(planReturn).getAssignee()).isEqualTo("before-manager2");
        officers.submit("before-manager2", agreement(planReturn), Map.of(REMEDIAL_OUTCOME, OUTCOME_AGREED));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(planReturn.getId()).count()).isZero();
    }

    /** A Red return of a network of the given managers, waiting for its remedial actions to be agreed. */
    private ProcessInstance redReturnProposed(String managerGroup) {
        users.person(LEAD, "Lowen", "Hosken");
        users.person(JUDGE, "Piran", "Carne");
        TestNetwork network = networks.create(1, managerGroup, LEAD, JUDGE, null);
        ProcessInstance planReturn = openReturns.of(network);
        openReturns.judgeRed(planReturn, "Milestones missed.");
        propose(planReturn);
        return planReturn;
    }

    private void propose(ProcessInstance planReturn) {
        officers.submit(LEAD, officers.task(planReturn.getId(), TASK_PROPOSE_REMEDIAL_ACTIONS),
                Map.of(REMEDIAL_ACTIONS, List.of(Map.of("action", "Restore the statistics", "owner",
                        "Police Hate Crime Unit", "dueDate", LocalDate.now().plusWeeks(6).toString()))));
    }

    private Task agreement(ProcessInstance planReturn) {
        return officers.task(planReturn.getId(), TASK_AGREE_REMEDIAL_ACTIONS);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
