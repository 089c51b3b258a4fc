package org.deliveryprogress.cycles;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class OpenReturnBatchDelegate implements JavaDelegate {

    private final CycleService cycles;

    OpenReturnBatchDelegate(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long cycleId = (Long) execution.getVariable(CycleVariables.CYCLE_ID);
        execution.setVariable(CycleVariables.RETURNS_LEFT_TO_OPEN, cycles.openNextReturnBatch(cycleId,
                execution.getProcessInstanceId()));
    }
}
