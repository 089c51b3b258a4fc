package org.deliveryprogress.identity;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who holds an open task: its assignee, and the users and groups it is offered to. The one reading of a task's
 * identity links, for who may complete it, whom reminders chase and whom the dashboard shows.
 */
public record TaskHolders(String assignee, List<String> candidateUsers, List<String> candidateGroups) {

    public static TaskHolders of(String assignee, Collection<? extends IdentityLink> links) {
        return new TaskHolders(assignee,
                links.stream().filter(link -> isCandidate(link) && link.getUserId() != null)
                        .map(IdentityLink::getUserId).toList(),
                links.stream().filter(link -> isCandidate(link) && link.getGroupId() != null)
                        .map(IdentityLink::getGroupId).toList());
    }

    /**
     * Whether the user may work on the task: its assignee or a named candidate; a member of a group it is offered to
     * only while no one has taken it.
     */
    public boolean include(String userId, Collection<String> userGroups) {
        return userId != null && (userId.equals(assignee) || candidateUsers.contains(userId)
                || (assignee == null && candidateGroups.stream().anyMatch(userGroups::contains)));
    }

    /** Whom the task waits for, in words: the assignee, or else a member of its groups. */
    public String describe() {
        return assignee != null ? assignee : "a member of " + String.join(", ", candidateGroups);
    }

    private static boolean isCandidate(IdentityLink link) {
        return IdentityLinkType.CANDIDATE.equals(link.getType());
    }
}
