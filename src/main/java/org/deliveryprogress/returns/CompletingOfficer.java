package org.deliveryprogress.returns;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is completing a task, once it is checked that the task is theirs to complete. */
@Component
class CompletingOfficer {

    private final IdentityService identityService;
    private final SubmissionRules rules;

    CompletingOfficer(IdentityService identityService, SubmissionRules rules) {
        this.identityService = identityService;
        this.rules = rules;
    }

    String of(DelegateTask task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            return task.getAssignee();
        }
        List<String> userGroups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        rules.checkActor(authentication.getUserId(), userGroups, task.getAssignee(), task.getCandidates());
        return authentication.getUserId();
    }

    static Long returnId(DelegateTask task) {
        return (Long) task.getVariable(ReturnVariables.RETURN_ID);
    }
}
