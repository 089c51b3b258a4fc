package org.deliveryprogress.returns;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names a return's task after its plan ("Submit update: CC-NI1 Community Cohesion..."), so that an officer with
 * several plans can tell their tasks apart, while the diagram keeps the plain business name. The plan's label is also
 * put on the task itself: officers may read their own tasks' variables but not the process instance's, and Tasklist's
 * filters show it as a column.
 */
@Component
class NameTaskAfterPlanListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String planLabel = (String) task.getVariable(ReturnVariables.PLAN_LABEL);
        task.setName(task.getName() + ": " + planLabel);
        task.setVariableLocal(ReturnVariables.PLAN_LABEL, planLabel);
    }
}
