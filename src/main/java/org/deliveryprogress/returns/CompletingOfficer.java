package org.deliveryprogress.returns;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
        Set<IdentityLink> links = task.getCandidates();
        List<String> candidateUsers = links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).toList();
        List<String> candidateGroups = links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        List<String> userGroups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        rules.checkActor(authentication.getUserId(), userGroups, task.getAssignee(), candidateUsers, candidateGroups);
        return authentication.getUserId();
    }

    static Long returnId(DelegateTask task) {
        return (Long) task.getVariable(ReturnVariables.RETURN_ID);
    }
}
