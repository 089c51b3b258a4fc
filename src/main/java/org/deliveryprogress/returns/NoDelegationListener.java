package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Refuses to delegate or resolve a return's task. Resolving a delegated task applies the delegate's variables and
 * hands the task back without completing it, so nothing would check or record what they submitted. A return's task
 * changes hands by assignment instead (Tasklist's "Claim", or the × beside the assignee).
 */
@Component
class NoDelegationListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (task instanceof Task handedOver && handedOver.getDelegationState() != null) {
            throw new NotYourTaskException("'" + task.getName() + "' is not delegated: a return's task changes hands "
                    + "by assigning it to another of its officers.");
        }
    }
}
