package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.RETURN_ID;
import static org.deliveryprogress.returns.ReturnVariables.TASK_SUBMIT_UPDATE;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitUtil;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@ApplicationTest
@DisplayName("A return is read whole, once a transaction")
class WholeReturnsTest {

    private static final List<String> WHOLE = List.of("plan", "cycle", "indicatorAnswers", "actionProgress",
            "remedialFollowUps", "sendBacks");

    @Autowired
    TestNetworks networks;
    @Autowired
    ScriptedCycle scripted;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    private Long returnId;
    private String processInstanceId;

    @BeforeEach
    void anUpdateWithItsEvidence() {
        TestNetwork network = networks.create(1);
        networks.withEvidence(network.plan());
        DeliveryPlan plan = network.plan();
        Cycle cycle = scripted.open(network);
        Task update = scripted.task(cycle, plan, TASK_SUBMIT_UPDATE);
        processInstanceId = update.getProcessInstanceId();
        returnId = (Long) runtimeService.getVariable(processInstanceId, RETURN_ID);
        scripted.update(cycle, plan, "Done.", "More.",
                "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q1\", \"value\": \"75.1\"}, "
                        + "{\"code\": \"LI 9\", \"noData\": true, \"note\": \"Counted in the spring\"}]",
                "[{\"reference\": \"CS.1\", \"status\": \"on track\"}, "
                        + "{\"reference\": \"CS.2\", \"status\": \"behind\", \"note\": \"No trainer\"}]", null);
    }

    @Test
    @DisplayName("in one statement the first time, and from the transaction's session after that")
    void inOneStatementThenFromTheSession() {
        transaction.executeWithoutResult(status -> {
            long start = selectsSoFar();
            PlanReturn first = returns.findById(returnId).orElseThrow();
            long afterFirst = selectsSoFar();
            PlanReturn again = returns.findById(returnId).orElseThrow();
            long afterAgain = selectsSoFar();

            assertWhole(first);
            assertThat(first.getEvidence().indicators()).extracting(Evidence.IndicatorAnswer::getCode)
                    .containsExactly("NI 1", "LI 9");
            // Each count includes the count's own statement.
            assertThat(afterFirst - start).as("statements to read the return").isEqualTo(2);
            assertThat(afterAgain - afterFirst).as("statements to read it again").isEqualTo(1);
            assertThat(again).isSameAs(first);
        });
    }

    @Test
    @DisplayName("whole, even when the transaction has read it in part before")
    void wholeAfterAPartialRead() {
        transaction.executeWithoutResult(status -> {
            PlanReturn partly = returns.findByProcessInstanceId(processInstanceId).orElseThrow();
            assertThat(util().isLoaded(partly, "indicatorAnswers")).as("read in part").isFalse();

            PlanReturn whole = returns.findById(returnId).orElseThrow();

            assertThat(whole).isSameAs(partly);
            assertWhole(whole);
        });
    }

    @Test
    @DisplayName("and a return that does not exist is none")
    void noneThatDoesNotExist() {
        Boolean found = transaction.execute(status -> returns.findById(-1L).isPresent());
        assertThat(found).isFalse();
        assertThat(returns.findById(-1L)).as("outside a transaction").isEmpty();
    }

    private void assertWhole(PlanReturn planReturn) {
        PersistenceUnitUtil util = util();
        assertThat(WHOLE).allSatisfy(attribute -> assertThat(util.isLoaded(planReturn, attribute))
                .as(attribute + " loaded").isTrue());
        assertThat(util.isLoaded(planReturn.getPlan(), "network")).as("plan's network loaded").isTrue();
        assertThat(util.isLoaded(planReturn.getCycle(), "meeting")).as("cycle's meeting loaded").isTrue();
    }

    private PersistenceUnitUtil util() {
        return entityManagerFactory.getPersistenceUnitUtil();
    }

    /** MariaDB's count of the SELECT statements of this connection, which is the transaction's. */
    private long selectsSoFar() {
        return jdbc.queryForObject("SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                + " WHERE VARIABLE_NAME = 'COM_SELECT'", Long.class);
    }
}
