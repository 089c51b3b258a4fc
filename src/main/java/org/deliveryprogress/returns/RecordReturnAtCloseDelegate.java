package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** When the cycle closes on an unfinished return: records what it became (no return, not judged...). */
@Component
class RecordReturnAtCloseDelegate implements JavaDelegate {

    private final Returns returns;

    RecordReturnAtCloseDelegate(Returns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        returns.recordClose((Long) execution.getVariable(ReturnVariables.RETURN_ID));
    }
}
