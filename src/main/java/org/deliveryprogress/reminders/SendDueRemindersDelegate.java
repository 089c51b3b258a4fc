package org.deliveryprogress.reminders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.deliveryprogress.returns.ReturnVariables;
import org.springframework.stereotype.Component;

/** Every working morning, for each open return: the reminders of its open task that fall today. */
@Component
class SendDueRemindersDelegate implements JavaDelegate {

    private final Reminders reminders;

    SendDueRemindersDelegate(Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remindIfDue(execution.getProcessInstanceId(),
                (Long) execution.getVariable(ReturnVariables.RETURN_ID),
                (String) execution.getVariable(ReturnVariables.PLAN_LABEL));
    }
}
