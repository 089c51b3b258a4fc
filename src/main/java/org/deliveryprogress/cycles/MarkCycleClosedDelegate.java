package org.deliveryprogress.cycles;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class MarkCycleClosedDelegate implements JavaDelegate {

    private final CycleService cycles;

    MarkCycleClosedDelegate(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.markClosed((Long) execution.getVariable(CycleVariables.CYCLE_ID), execution.getProcessInstanceId());
    }
}
