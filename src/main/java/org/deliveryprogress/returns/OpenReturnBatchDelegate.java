package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.deliveryprogress.cycles.CycleVariables;
import org.springframework.stereotype.Component;

/** A step of quarterlyCycle, and its transaction: a batch of the cycle's returns. */
@Component
class OpenReturnBatchDelegate implements JavaDelegate {

    private final ReturnProcess returnProcess;

    OpenReturnBatchDelegate(ReturnProcess returnProcess) {
        this.returnProcess = returnProcess;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long cycleId = (Long) execution.getVariable(CycleVariables.CYCLE_ID);
        execution.setVariable(CycleVariables.RETURNS_LEFT_TO_OPEN, returnProcess.openNextBatch(cycleId,
                execution.getProcessInstanceId()));
    }
}
