package org.deliveryprogress.reminders;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.deliveryprogress.returns.ReturnVariables;
import org.springframework.stereotype.Component;

/**
 * Emails the officers of a return's task what it asks of them: when it is created, everyone who may do it (its
 * assignee and named candidates, so the data-entry officer beside the lead officer; the members of the group it is
 * offered to); when it is reassigned, its new assignee. Nobody is told of a task they just took themselves, and nobody
 * twice of one task.
 */
@Component
class NotifyAssignmentListener implements TaskListener {

    /**
     * Whom a task's creation told of it, for the rest of that command only: a transient variable of its execution,
     * named after the task.
     */
    private static final String TOLD_AT_CREATION = "toldAtCreation:";

    private final Reminders reminders;
    private final IdentityService identityService;

    NotifyAssignmentListener(Reminders reminders, IdentityService identityService) {
        this.reminders = reminders;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        // The return's variables are read through the execution: a new task's own scope would cost a query.
        DelegateExecution execution = task.getExecution();
        String toldAtCreation = TOLD_AT_CREATION + task.getId();
        Collection<String> officers;
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            Authentication signedIn = identityService.getCurrentAuthentication();
            boolean tookItThemselves = signedIn != null && signedIn.getUserId().equals(task.getAssignee());
            officers = task.getAssignee() == null || tookItThemselves
                    || told(execution.getVariableLocal(toldAtCreation), task.getAssignee())
                    ? List.of() : List.of(task.getAssignee());
        } else {
            officers = reminders.officersOf(task);
            // The engine fires the assignment of a task created with an assignee right after its creation.
            execution.setVariableLocal(toldAtCreation, Variables.stringValue(String.join("\n", officers), true));
        }
        reminders.notifyAssigned(task.getId(), task.getTaskDefinitionKey(),
                (Long) execution.getVariable(ReturnVariables.RETURN_ID),
                (String) execution.getVariable(ReturnVariables.PLAN_LABEL), task.getDueDate(), officers,
                (String) execution.getVariable(ReturnVariables.NETWORK_MANAGER_GROUP));
    }

    private static boolean told(Object toldAtCreation, String officer) {
        return toldAtCreation instanceof String told && List.of(told.split("\n")).contains(officer);
    }
}
