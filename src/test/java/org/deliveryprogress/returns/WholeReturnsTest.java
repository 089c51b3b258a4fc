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
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
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
    DeliveryPlanRepository plans;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    private Long returnId;
    private Long planId;
    private String processInstanceId;

    @BeforeEach
    void anUpdateWithItsEvidence() {
        TestNetwork network = networks.create(1);
        networks.withEvidence(network.plan());
        DeliveryPlan plan = network.plan();
        planId = plan.getId();
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
    @DisplayName("with its plan's indicators, their targets and its actions in one statement more, each once, in order")
    void withThePlansEvidenceInOneStatementMore() {
        transaction.executeWithoutResult(status -> {
            // A second target and a first action by reference: rows the query multiplies, an order it must keep.
            DeliveryPlan plan = plans.findById(planId).orElseThrow();
            plan.indicator("NI 1").orElseThrow().setTarget("2099/00", "80.0");
            plan.addAction("AA.1", "Agree the partners' data sharing", "on track");
        });
        transaction.executeWithoutResult(status -> {
            long start = selectsSoFar();
            PlanReturn read = returns.findWithPlanEvidence(returnId).orElseThrow();
            long afterFirst = selectsSoFar();
            returns.findWithPlanEvidence(returnId).orElseThrow();
            long afterAgain = selectsSoFar();

            assertWhole(read);
            DeliveryPlan plan = read.getPlan();
            assertThat(List.of("indicators", "actions")).allSatisfy(attribute -> assertThat(util().isLoaded(plan,
                    attribute)).as(attribute + " loaded").isTrue());
            assertThat(plan.getIndicators()).extracting(PlanIndicator::getCode).containsExactly("LI 9", "NI 1");
            assertThat(plan.getIndicators()).allSatisfy(indicator -> assertThat(util().isLoaded(indicator,
                    "targetsByYear")).as(indicator.getCode() + "'s targets loaded").isTrue());
            assertThat(plan.indicator("NI 1").orElseThrow().getTargetsByYear()).hasSize(2);
            assertThat(plan.getActions()).extracting(PlanAction::getReference).containsExactly("AA.1", "CS.1", "CS.2");
            // Each count includes the count's own statement.
            assertThat(afterFirst - start).as("statements to read the return and its plan's evidence").isEqualTo(3);
            assertThat(afterAgain - afterFirst).as("statements to read them again").isEqualTo(1);
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
