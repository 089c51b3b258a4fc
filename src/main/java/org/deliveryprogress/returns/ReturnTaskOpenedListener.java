package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a return's task opens:
 * <ul>
 * <li>names it after its plan ("Submit update: CC-NI1 Community Cohesion..."), so that an officer with several plans
 * can tell their tasks apart, while the diagram keeps the plain business name. The plan's label is also put on the
 * task itself: officers may read their own tasks' variables but not the process instance's, and Tasklist's filters
 * show it as a column;</li>
 * <li>clears the decisions of an earlier round (a judgement after an update sent back, an agreement after actions
 * sent back): what routes the process is then always what this round's officer submitted;</li>
 * <li>gives the agreement of remedial actions to its manager where that is plain ({@link AgreeingManager}). The
 * other tasks go to the officers the diagram names; the agreement is offered to the network's managers there, and
 * here, the one place it is given to one of them, so that they need not claim it.</li>
 * </ul>
 */
@Component
class ReturnTaskOpenedListener implements TaskListener {

    private final AgreeingManager agreeingManager;

    ReturnTaskOpenedListener(AgreeingManager agreeingManager) {
        this.agreeingManager = agreeingManager;
    }

    @Override
    public void notify(DelegateTask task) {
        String planLabel = (String) task.getVariable(ReturnVariables.PLAN_LABEL);
        task.setName(task.getName() + ": " + planLabel);
        task.setVariableLocal(ReturnVariables.PLAN_LABEL, planLabel);
        ReturnTask returnTask = ReturnTask.withKey(task.getTaskDefinitionKey()).orElseThrow();
        returnTask.decisions().forEach(task::removeVariable);
        if (returnTask == ReturnTask.AGREE_REMEDIAL_ACTIONS) {
            agreeingManager.of((Long) task.getVariable(ReturnVariables.RETURN_ID),
                    (String) task.getVariable(ReturnVariables.NETWORK_MANAGER_GROUP)).ifPresent(task::setAssignee);
        }
    }
}
