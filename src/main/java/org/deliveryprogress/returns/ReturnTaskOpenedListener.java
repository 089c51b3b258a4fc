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
 * sent back): what routes the process is then always what this round's officer submitted.</li>
 * </ul>
 */
@Component
class ReturnTaskOpenedListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String planLabel = (String) task.getVariable(ReturnVariables.PLAN_LABEL);
        task.setName(task.getName() + ": " + planLabel);
        task.setVariableLocal(ReturnVariables.PLAN_LABEL, planLabel);
        ReturnTask.withKey(task.getTaskDefinitionKey()).orElseThrow().decisions().forEach(task::removeVariable);
    }
}
