package org.deliveryprogress.reminders;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.deliveryprogress.identity.TaskHolders;
import org.deliveryprogress.returns.ReturnVariables;
import org.springframework.stereotype.Component;

/**
 * Emails the officer a return's task is assigned to, when it is created or reassigned; a task offered to a group (the
 * network managers) is announced to its members. Nobody is told of a task they just took themselves.
 */
@Component
class NotifyAssignmentListener implements TaskListener {

    private final Reminders reminders;
    private final IdentityService identityService;

    NotifyAssignmentListener(Reminders reminders, IdentityService identityService) {
        this.reminders = reminders;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> officers;
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            Authentication signedIn = identityService.getCurrentAuthentication();
            boolean tookItThemselves = signedIn != null && signedIn.getUserId().equals(task.getAssignee());
            officers = task.getAssignee() == null || tookItThemselves ? List.of() : List.of(task.getAssignee());
        } else if (task.getAssignee() == null) {
            officers = List.copyOf(reminders.officersOf(TaskHolders.of(null, task.getCandidates())));
        } else {
            officers = List.of();
        }
        reminders.notifyAssigned(task.getId(), task.getName(),
                (String) task.getVariable(ReturnVariables.PLAN_LABEL), task.getDueDate(), officers,
                (String) task.getVariable(ReturnVariables.NETWORK_MANAGER_GROUP));
    }
}
