package org.deliveryprogress.returns;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.deliveryprogress.identity.TaskHolders;
import org.deliveryprogress.identity.Viewer;
import org.springframework.stereotype.Component;

/**
 * A return's task keeps what it opened with; only who holds it changes, and only among its officers. The engine
 * fires this listener after any command changes a task (Camunda's task API, Tasklist), and a refusal rolls the
 * command back:
 * <ul>
 * <li>delegating or resolving it: resolving a task (delegated or not: the engine allows both) applies the submitted
 * variables and hands the task back without completing it, so nothing would check or record them;</li>
 * <li>its name, follow-up date, priority or description; its due date, which is the return's deadline and which its
 * reminders follow, except to a day a network manager chose ({@link ReturnDeadlines}, recorded before the change);</li>
 * <li>assigning it to someone who is not one of its officers (a named candidate, or a member of the group it is
 * offered to): the update's officers may hand it to each other (their task permission TASK_ASSIGN), not to an
 * officer of another plan;</li>
 * <li>offering it to anyone but its plan's officers, and the agreement to anyone but its network's managers: offered
 * to the lead officer, the agreement would let them agree their own remedial actions;</li>
 * <li>taking it away from anyone it is offered to: the update's lead officer could take it from the data-entry
 * officer, or a manager the agreement from the other managers.</li>
 * </ul>
 * An administrator may do all but the first two.
 */
@Component
class ReturnTaskChangeListener implements TaskListener {

    private static final List<String> KEPT = List.of(TaskEntity.NAME, TaskEntity.DUE_DATE, TaskEntity.FOLLOW_UP_DATE,
            TaskEntity.PRIORITY, TaskEntity.DESCRIPTION, TaskEntity.OWNER, TaskEntity.PARENT_TASK,
            TaskEntity.CASE_INSTANCE_ID);

    private final IdentityService identityService;
    private final DeadlineChangeRepository deadlineChanges;

    ReturnTaskChangeListener(IdentityService identityService, DeadlineChangeRepository deadlineChanges) {
        this.identityService = identityService;
        this.deadlineChanges = deadlineChanges;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskEntity entity = (TaskEntity) task;
        if (entity.getDelegationState() != null) {
            throw new NotYourTaskException("'" + task.getName() + "' cannot be delegated or resolved: a return's task "
                    + "changes hands by assigning it to another of its officers.");
        }
        List<String> changed = entity.getPropertyChanges().values().stream()
                .filter(change -> KEPT.contains(change.getPropertyName()) && reallyChanged(change))
                .filter(change -> !isRecordedDeadlineChange(task, change))
                .map(PropertyChange::getPropertyName).sorted().toList();
        if (!changed.isEmpty()) {
            throw new NotYourTaskException("'" + task.getName() + "' keeps its " + String.join(", ", changed)
                    + ": a return's deadlines and names are the network's.");
        }
        if (byAnAdministrator()) {
            return;
        }
        List<String> dropped = noLongerOfferedIt(entity);
        if (!dropped.isEmpty()) {
            throw new NotYourTaskException("'" + task.getName() + "' stays offered to " + String.join(", ", dropped)
                    + ": a return's task is offered to its officers as it opened; hand it over by assigning it.");
        }
        List<String> strangers = strangersOfferedIt(task, ReturnTaskChangeListener::isNew);
        if (!strangers.isEmpty()) {
            throw new NotYourTaskException("'" + task.getName() + "' is offered only to its "
                    + (isAgreement(task) ? "network's managers" : "plan's officers") + ", not to "
                    + String.join(", ", strangers) + ".");
        }
        PropertyChange assignment = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
        if (assignment != null && assignment.getNewValue() instanceof String assignee) {
            List<String> offeredBefore = strangersOfferedIt(task, link -> true);
            if (offeredBefore.contains(assignee)
                    || !assignee.equals(currentUser()) && !isOneOfItsOfficers(task, assignee, offeredBefore)) {
                throw new NotYourTaskException("'" + task.getName() + "' can be given only to one of its officers, "
                        + "not to " + assignee + ".");
            }
        }
    }

    /**
     * The candidates the return does not know, of those the links chosen: whoever holds TASK_ASSIGN on a task may also
     * offer it to anyone, who could then take it. The network's managers are offered the agreement alone: on another
     * task they could take it and do nothing with it; and the agreement is theirs alone.
     */
    private static List<String> strangersOfferedIt(DelegateTask task, Predicate<IdentityLink> chosen) {
        TaskHolders holders = TaskHolders.of(null, task.getCandidates().stream().filter(chosen).toList());
        List<Object> officers = isAgreement(task) ? List.of() : Arrays.asList(
                task.getVariable(ReturnVariables.LEAD_OFFICER), task.getVariable(ReturnVariables.DATA_ENTRY_OFFICER));
        Object managers = isAgreement(task) ? task.getVariable(ReturnVariables.NETWORK_MANAGER_GROUP) : null;
        return Stream.concat(holders.candidateUsers().stream().filter(user -> !officers.contains(user)),
                holders.candidateGroups().stream().filter(group -> !group.equals(managers))).sorted().toList();
    }

    /**
     * Whether the command being run added the link. Only that is refused: one made before (by an administrator, or by
     * a manager before 6 December 2026, when the agreement could be offered to the lead officer) is no one's doing
     * now, and refusing every later change over it left the task for no one to claim or hand over but an
     * administrator.
     */
    private static boolean isNew(IdentityLink link) {
        return link instanceof IdentityLinkEntity entity
                && Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(entity);
    }

    /**
     * The users and groups a command has taken off the task's candidates. The engine deletes their links when the
     * command ends, and until then reads them back as the task's: it knows them as deleted.
     */
    private static List<String> noLongerOfferedIt(TaskEntity task) {
        TaskHolders removed = TaskHolders.of(null, task.getIdentityLinks().stream()
                .filter(ReturnTaskChangeListener::isDeleted).toList());
        return Stream.concat(removed.candidateUsers().stream(), removed.candidateGroups().stream()).sorted().toList();
    }

    private static boolean isDeleted(IdentityLinkEntity link) {
        return Context.getCommandContext().getDbEntityManager().isDeleted(link);
    }

    private static boolean isAgreement(DelegateTask task) {
        return ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS.equals(task.getTaskDefinitionKey());
    }

    /** A move of the deadline that a network manager made through the application, which recorded it first. */
    private boolean isRecordedDeadlineChange(DelegateTask task, PropertyChange change) {
        return TaskEntity.DUE_DATE.equals(change.getPropertyName()) && change.getNewValue() instanceof Date due
                && deadlineChanges.existsByTaskIdAndNewDueAt(task.getId(),
                        due.toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A date read from the database and the same date sent back are equal by instant, not by class. */
    private static boolean reallyChanged(PropertyChange change) {
        if (change.getOrgValue() instanceof Date before && change.getNewValue() instanceof Date after) {
            return before.getTime() != after.getTime();
        }
        return !Objects.equals(change.getOrgValue(), change.getNewValue());
    }

    /**
     * A named candidate, or a member of a group it is offered to (a network's managers), other than the strangers it
     * was offered to before: they keep no claim to it.
     */
    private boolean isOneOfItsOfficers(DelegateTask task, String userId, List<String> strangers) {
        TaskHolders holders = TaskHolders.of(null, task.getCandidates());
        List<String> groups = holders.candidateGroups().stream().filter(group -> !strangers.contains(group)).toList();
        return holders.candidateUsers().contains(userId) && !strangers.contains(userId) || (!groups.isEmpty()
                && identityService.createGroupQuery().groupMember(userId)
                        .groupIdIn(groups.toArray(String[]::new)).count() > 0);
    }

    private String currentUser() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private boolean byAnAdministrator() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && Viewer.of(authentication).isAdmin();
    }
}
