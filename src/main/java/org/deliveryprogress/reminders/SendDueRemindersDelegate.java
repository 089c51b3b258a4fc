package org.deliveryprogress.reminders;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
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
        openTask((ExecutionEntity) execution.getProcessInstance()).ifPresent(task -> reminders.remindIfDue(task,
                (Long) execution.getVariable(ReturnVariables.RETURN_ID),
                (String) execution.getVariable(ReturnVariables.PLAN_LABEL)));
    }

    /**
     * The return's open task, as the engine read it with the instance's executions to start this event subprocess
     * beside it (moving it, for as long as the subprocess runs, to a child execution of its own): taken from there,
     * where a task query would read it again. Searched at any depth, so that a task inside a scope of its own (a
     * boundary event, a subprocess) would still be found.
     */
    private static Optional<TaskEntity> openTask(ExecutionEntity execution) {
        return execution.getTasks().stream().findFirst().or(() -> execution.getExecutions().stream()
                .map(SendDueRemindersDelegate::openTask).flatMap(Optional::stream).findFirst());
    }
}
