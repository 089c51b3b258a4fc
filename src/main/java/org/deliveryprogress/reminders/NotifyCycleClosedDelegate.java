package org.deliveryprogress.reminders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.deliveryprogress.cycles.CycleVariables;
import org.springframework.stereotype.Component;

@Component
class NotifyCycleClosedDelegate implements JavaDelegate {

    private final Reminders reminders;

    NotifyCycleClosedDelegate(Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.noticeCycleClosed((Long) execution.getVariable(CycleVariables.CYCLE_ID));
    }
}
