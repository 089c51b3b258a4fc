package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.deliveryprogress.identity.TaskHolders;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.plans.DeliveryPlan;
import org.springframework.stereotype.Component;

/**
 * Who is completing a task, once it is checked that the task is theirs to complete. Whatever the route, the engine
 * runs a completion as the user the REST API or the webapps signed in, and the Java API as whoever the calling code
 * set; with no one signed in the engine would check no authorizations at all, so such a completion is refused.
 */
@Component
class CompletingOfficer {

    private final IdentityService identityService;
    private final PlanReturnRepository returns;
    private final UserDirectory users;

    CompletingOfficer(IdentityService identityService, PlanReturnRepository returns, UserDirectory users) {
        this.identityService = identityService;
        this.returns = returns;
        this.users = users;
    }

    String of(DelegateTask task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            throw new NotYourTaskException("'" + task.getName() + "' can only be completed by its officer, signed "
                    + "in; no one is signed in.");
        }
        List<String> userGroups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        check(authentication.getUserId(), userGroups, TaskHolders.of(task.getAssignee(), task.getCandidates()));
        if (TASK_SUBMIT_UPDATE.equals(task.getTaskDefinitionKey())) {
            checkDataEntryOfficerMaySubmit(authentication.getUserId(), task);
            checkJudgeDoesNotWrite(authentication.getUserId(), task);
        } else if (TASK_JUDGE_STATUS.equals(task.getTaskDefinitionKey())) {
            checkOfficerMayJudge(authentication.getUserId(), task);
        } else if (TASK_AGREE_REMEDIAL_ACTIONS.equals(task.getTaskDefinitionKey())) {
            checkManagerAgrees(authentication.getUserId(), userGroups, task);
        }
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

    /**
     * Where the network does not let data-entry officers submit, the update's data-entry officer prepares it and
     * hands it to the lead officer, who always may submit. The officers are the return's (an open return keeps those
     * it opened with); the setting is the network's as it is now, so a change applies to open updates too.
     */
    private void checkDataEntryOfficerMaySubmit(String userId, DelegateTask task) {
        String leadOfficer = (String) task.getVariable(LEAD_OFFICER);
        if (!isDataEntryOfficerOnly(userId, leadOfficer, (String) task.getVariable(DATA_ENTRY_OFFICER))) {
            return;
        }
        DeliveryPlan plan = planOf(task);
        if (!plan.getNetwork().isEntryOfficersMaySubmit()) {
            throw new NotYourTaskException("In " + plan.getNetwork().getName() + " the lead officer submits the "
                    + "update, not the data-entry officer: hand the draft to the lead officer, "
                    + users.nameOf(leadOfficer) + ", on the update's page (/plans/" + plan.getReference()
                    + "/update), and they will submit it.");
        }
    }

    /**
     * Where the network keeps judging officers independent, an update's lead and data-entry officers do not judge
     * it, even when the judgement has been handed to them. The officers are the return's, as it opened; the network's
     * setting cannot change while one of its updates still to be judged has them judge it.
     */
    private void checkOfficerMayJudge(String userId, DelegateTask task) {
        String leadOfficer = (String) task.getVariable(LEAD_OFFICER);
        if (!DeliveryPlan.judgesOwnUpdate(userId, leadOfficer, (String) task.getVariable(DATA_ENTRY_OFFICER))) {
            return;
        }
        DeliveryPlan plan = planOf(task);
        if (!plan.getNetwork().isOfficersMayJudgeOwnPlans()) {
            throw NotYourTaskException.judgesKeptIndependent(plan, users.nameOf(userId) + " is "
                    + plan.getReference() + "'s " + (userId.equals(leadOfficer) ? "lead" : "data-entry")
                    + " officer: its judging officer, " + users.nameOf((String) task.getVariable(JUDGING_OFFICER))
                    + ", judges it.");
        }
    }

    /**
     * Where the network keeps judging officers independent, an update's judging officer does not write it either, even
     * when the update has been handed to them: they would then be refused its judgement, which is theirs.
     */
    private void checkJudgeDoesNotWrite(String userId, DelegateTask task) {
        if (userId == null || !userId.equals(task.getVariable(JUDGING_OFFICER))) {
            return;
        }
        DeliveryPlan plan = planOf(task);
        if (!plan.getNetwork().isOfficersMayJudgeOwnPlans()) {
            throw NotYourTaskException.judgesKeptIndependent(plan, users.nameOf(userId) + " is "
                    + plan.getReference() + "'s judging officer: hand the update back to its lead officer, "
                    + users.nameOf((String) task.getVariable(LEAD_OFFICER)) + ".");
        }
    }

    /**
     * The lead officer proposes remedial actions and a network manager agrees them: given the agreement (only an
     * administrator can give it to someone else), one of the plan's officers would agree their own proposal.
     */
    private void checkManagerAgrees(String userId, Collection<String> userGroups, DelegateTask task) {
        String managers = (String) task.getVariable(NETWORK_MANAGER_GROUP);
        if (!userGroups.contains(managers)) {
            throw new NotYourTaskException("Remedial actions are agreed by a manager of the plan's network, and "
                    + users.nameOf(userId) + " is not one: hand '" + task.getName() + "' back to its managers.");
        }
    }

    /** The return's plan, read only where a network's setting decides. */
    private DeliveryPlan planOf(DelegateTask task) {
        return returns.findById((Long) task.getVariable(RETURN_ID)).orElseThrow().getPlan();
    }

    /** The update's data-entry officer, not also its lead officer: the one the network's setting is about. */
    static boolean isDataEntryOfficerOnly(String userId, String leadOfficer, String dataEntryOfficer) {
        return userId != null && userId.equals(dataEntryOfficer) && !userId.equals(leadOfficer);
    }
}
