package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Refuses to delegate or resolve a return's task. Resolving a task (delegated or not: the engine allows both) applies
 * the submitted variables and hands the task back without completing it, so nothing would check or record them; the
 * engine fires this listener after either, and the refusal rolls it back. A return's task
 * changes hands by assignment instead (Tasklist's "Claim", or the × beside the assignee).
 */
@Component
class NoDelegationListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (task instanceof Task handedOver && handedOver.getDelegationState() != null) {
            throw new NotYourTaskException("'" + task.getName() + "' cannot be delegated or resolved: a return's task "
                    + "changes hands by assigning it to another of its officers.");
        }
    }
}
