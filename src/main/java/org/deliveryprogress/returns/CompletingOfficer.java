package org.deliveryprogress.returns;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.deliveryprogress.identity.TaskHolders;
import org.springframework.stereotype.Component;

/**
 * Who is completing a task, once it is checked that the task is theirs to complete. Whatever the route, the engine
 * runs a completion as the user the REST API or the webapps signed in, and the Java API as whoever the calling code
 * set; with no one signed in the engine would check no authorizations at all, so such a completion is refused.
 */
@Component
class CompletingOfficer {

    private final IdentityService identityService;

    CompletingOfficer(IdentityService identityService) {
        this.identityService = identityService;
    }

    String of(DelegateTask task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            throw new NotYourTaskException("'" + task.getName() + "' can only be completed by its officer, signed "
                    + "in; no one is signed in.");
        }
        List<String> userGroups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        check(authentication.getUserId(), userGroups, TaskHolders.of(task.getAssignee(), task.getCandidates()));
        return authentication.getUserId();
    }

    /** Only the officer the task is assigned to, or one of its candidates, may complete it. */
    static void check(String userId, Collection<String> userGroups, TaskHolders holders) {
        if (!holders.include(userId, userGroups)) {
            throw new NotYourTaskException("This task is for " + holders.describe() + ", not for " + (userId == null
                    ? "someone not signed in" : userId) + ": only the officer it is assigned to (or a named "
                    + "candidate) may complete it.");
        }
    }
}
