package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Returns as the application's tables hold them now: what a completion recorded, or that a refusal changed nothing. */
@Component
class RecordedReturns {

    private final PlanReturnRepository returns;
    private final TaskService taskService;
    private final TransactionTemplate transaction;

    RecordedReturns(PlanReturnRepository returns, TaskService taskService, TransactionTemplate transaction) {
        this.returns = returns;
        this.taskService = taskService;
        this.transaction = transaction;
    }

    /** The return as recorded now, with its remedial actions, send-backs and evidence loaded. */
    PlanReturn load(Long returnId) {
        return transaction.execute(status -> {
            PlanReturn planReturn = returns.findById(returnId).orElseThrow();
            Hibernate.initialize(planReturn.getRemedialActions());
            Hibernate.initialize(planReturn.getSendBacks());
            planReturn.getEvidence();
            return planReturn;
        });
    }

    void assertUnchangedSince(PlanReturn before) {
        assertThat(load(before.getId())).usingRecursiveComparison()
                .ignoringFields("cycle", "plan", "remedialActions.planReturn", "sendBacks.planReturn")
                .isEqualTo(before);
    }

    void assertStillOpen(String taskId) {
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open").isEqualTo(1);
    }
}
