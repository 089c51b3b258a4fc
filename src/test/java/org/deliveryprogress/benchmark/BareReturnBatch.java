package org.deliveryprogress.benchmark;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.deliveryprogress.cycles.CycleDeadlines;
import org.deliveryprogress.cycles.CycleVariables;
import org.deliveryprogress.plans.DeliveryPlan;

/**
 * bareCycle's step, and its transaction: starts the bareReturn instances of the cycle's next batch, and nothing
 * else. The bare engine's {@value #BEAN} bean.
 */
final class BareReturnBatch implements JavaDelegate {

    static final String BEAN = "bareReturnBatch";
    static final String RETURNS_OPENED = "returnsOpened";

    /** A bare return to start: its business key and its variables, the same as the application's return's. */
    record BareReturn(String businessKey, VariableMap variables) {

        /** The {@code i}th plan's bare return, due as the cycle's {@code deadlines} say. */
        static BareReturn of(int i, DeliveryPlan plan, CycleDeadlines deadlines) {
            return new BareReturn("bare/" + plan.getReference(), BareEngine.returnVariables(i, plan, deadlines));
        }
    }

    /** Each cycle's returns, by the cycle's business key. */
    private final Map<String, List<BareReturn>> returnsOfCycle;
    private final int batchSize;

    BareReturnBatch(Map<String, List<BareReturn>> returnsOfCycle, int batchSize) {
        this.returnsOfCycle = returnsOfCycle;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<BareReturn> returns = returnsOfCycle.get(execution.getProcessBusinessKey());
        int opened = (Integer) execution.getVariable(RETURNS_OPENED);
        List<BareReturn> batch = returns.subList(opened, Math.min(opened + batchSize, returns.size()));
        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        batch.forEach(bareReturn -> runtimeService.startProcessInstanceByKey(BareEngine.PROCESS_KEY,
                bareReturn.businessKey(), bareReturn.variables()));
        execution.setVariable(RETURNS_OPENED, opened + batch.size());
        // As the application's batch answers: a full batch leaves plans to open, so a network of exactly a multiple of
        // the batch size runs one empty batch more, on both sides.
        execution.setVariable(CycleVariables.RETURNS_LEFT_TO_OPEN, batch.size() == batchSize);
    }
}
