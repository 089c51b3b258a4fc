package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a return's task opens:
 * <ul>
 * <li>names it after its plan ("Submit update: CC-NI1 Community Cohesion..."), so that an officer with several plans
 * can tell their tasks apart, while the diagram keeps the plain business name;</li>
 * <li>clears the decisions of an earlier round (a judgement after an update sent back, an agreement after actions
 * sent back): what routes the process is then always what this round's officer submitted;</li>
 * <li>gives the agreement of remedial actions to its manager where that is plain ({@link AgreeingManager}). The
 * other tasks go to the officers the diagram names; the agreement is offered to the network's managers there, and
 * here, the one place it is given to one of them, so that they need not claim it.</li>
 * </ul>
 * It reads and changes the return's variables through the task's execution, whose variables the command has read
 * already: the task's own scope would cost a query for variables a new task cannot have.
 */
@Component
class ReturnTaskOpenedListener implements TaskListener {

    private final AgreeingManager agreeingManager;

    ReturnTaskOpenedListener(AgreeingManager agreeingManager) {
        this.agreeingManager = agreeingManager;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        task.setName(task.getName() + ": " + execution.getVariable(ReturnVariables.PLAN_LABEL));
        ReturnTask returnTask = ReturnTask.withKey(task.getTaskDefinitionKey()).orElseThrow();
        returnTask.decisions().forEach(execution::removeVariable);
        if (returnTask == ReturnTask.AGREE_REMEDIAL_ACTIONS) {
            agreeingManager.of((Long) execution.getVariable(ReturnVariables.RETURN_ID),
                    (String) execution.getVariable(ReturnVariables.NETWORK_MANAGER_GROUP)).ifPresent(task::setAssignee);
        }
    }
}
