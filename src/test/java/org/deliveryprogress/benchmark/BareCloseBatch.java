package org.deliveryprogress.benchmark;

import static org.deliveryprogress.returns.ReturnVariables.CYCLE_CLOSED_MESSAGE;
import static org.deliveryprogress.returns.ReturnVariables.CYCLE_ID;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.cycles.CycleVariables;

/**
 * bareCycle's closing step, and its transaction: ends the open bareReturn instances of the cycle's next batch by
 * their close message, as the application's closing batch ends its returns, and nothing else. The bare engine's
 * {@value #BEAN} bean.
 */
final class BareCloseBatch implements JavaDelegate {

    static final String BEAN = "bareCloseBatch";

    private final int batchSize;

    BareCloseBatch(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        List<ProcessInstance> open = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(BareEngine.PROCESS_KEY)
                .variableValueEquals(CYCLE_ID, execution.getVariable(CYCLE_ID))
                .listPage(0, batchSize);
        open.forEach(instance -> runtimeService.createMessageCorrelation(CYCLE_CLOSED_MESSAGE)
                .processInstanceId(instance.getId())
                .correlateWithResult());
        execution.setVariable(CycleVariables.RETURNS_LEFT_TO_CLOSE, open.size() == batchSize);
    }
}
