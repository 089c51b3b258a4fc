package org.deliveryprogress.reminders;

import java.util.Optional;
import java.util.stream.Stream;

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
     * The return's open task, as the engine read it to start this event subprocess beside it (moving it, for as long
     * as the subprocess runs, to an execution of its own): taken from there, where a task query would read it again.
     */
    private static Optional<TaskEntity> openTask(ExecutionEntity processInstance) {
        return Stream.concat(Stream.of(processInstance), processInstance.getExecutions().stream())
                .flatMap(execution -> execution.getTasks().stream()).findFirst();
    }
}
