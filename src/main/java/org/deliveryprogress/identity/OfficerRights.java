package org.deliveryprogress.identity;

import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.deliveryprogress.engine.AsApplication;
import org.deliveryprogress.plans.DeliveryPlan;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the people of a plan may see of each other in Tasklist, granted as its returns open:
 * <ul>
 * <li>the Tasklist filters of the roles they hold: the lead and data-entry officers "My returns to submit", the
 * judging officer "Awaiting my judgement", the lead officer "Remedial actions to propose". Nobody sees a filter for a
 * role they do not have, and so nobody lands on one;</li>
 * <li>each other's names. The engine lets a user read only their own profile, so Tasklist could show the name of a
 * task's assignee only to the assignee: the data-entry officer saw the lead officer's id on the update, a manager the
 * ids of every officer. So the plan's officers may read each other's users, and the network's managers the users of
 * its officers and of each other. A user's profile holds their name and email address, which the plan's template
 * shows its people anyway; nobody may list users they do not work with.</li>
 * </ul>
 * Grants are made once and kept (the engine keeps no grant twice): someone who leaves a plan keeps seeing the names
 * of the people they worked with, and an empty filter.
 */
@Component
public class OfficerRights {

    /** An officer may serve plans of ten networks or more, whose batches all save grants between the same people. */
    private static final int SAVE_ATTEMPTS = 10;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final UserDirectory directory;
    private final CommandExecutor commands;
    private final TransactionTemplate ownTransaction;

    OfficerRights(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, UserDirectory directory, ProcessEngineConfigurationImpl engineConfiguration,
            PlatformTransactionManager transactions) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.directory = directory;
        this.commands = engineConfiguration.getCommandExecutorTxRequired();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The grants the plans' people need, those they do not have yet; a few queries for the lot. They are saved in a
     * transaction of their own, tried again if another transaction saved one of them first: networks open side by
     * side (the job executor runs their batches at once, on one node or several) and share officers, and the engine
     * keeps one grant per holder and resource, so the second insert of a grant fails on its unique key and would
     * take the whole batch of returns down with it. Saved apart, a grant outlives a batch that fails later, which
     * does no harm: grants are kept anyway.
     */
    public void grantFor(Collection<DeliveryPlan> plans) {
        if (plans.isEmpty()) {
            return;
        }
        Set<Grant> wanted = new TreeSet<>(Grant.ORDER);
        AsApplication.run(identityService, () -> {
            Map<String, String> filterIds = filterIds();
            for (DeliveryPlan plan : plans) {
                wanted.addAll(grantsOf(plan, filterIds));
            }
            plans.stream().map(plan -> plan.getNetwork().getManagerGroup()).distinct()
                    .forEach(group -> directory.membersOf(group)
                            .forEach(member -> wanted.add(Grant.toGroup(group, Resources.USER, member))));
        });
        for (int attempt = 1;; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> saveInCommandOfTheirOwn(wanted));
                return;
            } catch (RuntimeException e) {
                if (attempt == SAVE_ATTEMPTS || !savedByAnother(e)) {
                    throw e;
                }
                waitBeforeAttempt(attempt);
            }
        }
    }

    /**
     * Saves the grants in one engine command of their own, inside the transaction of their own. Called from a batch's
     * job, the engine would otherwise run them in the job's command and write them when the job ends, in the job's
     * transaction, where the unique key of a grant another batch saved first fails the whole batch. One command, so
     * that the engine writes the new grants together when it ends, in one batch of inserts that MariaDB's driver sends
     * as a few bulk statements, where a command for each grant wrote each on its own: an officer's first cycle saved a
     * hundred a network.
     */
    private void saveInCommandOfTheirOwn(Set<Grant> wanted) {
        try {
            ProcessEngineContext.withNewProcessEngineContext(() -> commands.execute(commandContext -> {
                AsApplication.run(identityService, () -> saveMissing(wanted));
                return null;
            }));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A while, longer after each attempt and different for each batch: an officer serves plans of several networks,
     * so several batches may be saving the same grants, and ones that tried together would collide again.
     */
    private static void waitBeforeAttempt(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 100L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while saving officers' grants", e);
        }
    }

    /** A unique key broken, or a deadlock: another transaction was saving the same grants. */
    private static boolean savedByAnother(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream()
                .anyMatch(cause -> cause instanceof SQLIntegrityConstraintViolationException
                        || cause instanceof SQLTransactionRollbackException);
    }

    private static List<Grant> grantsOf(DeliveryPlan plan, Map<String, String> filterIds) {
        List<String> officers = Stream.of(plan.getLeadOfficer(), plan.getJudgingOfficer(), plan.getDataEntryOfficer())
                .filter(Objects::nonNull).distinct().toList();
        String managers = plan.getNetwork().getManagerGroup();
        List<Grant> grants = new ArrayList<>();
        for (String officer : officers) {
            officers.stream().filter(other -> !other.equals(officer))
                    .forEach(other -> grants.add(Grant.toUser(officer, Resources.USER, other)));
            grants.add(Grant.toGroup(managers, Resources.USER, officer));
        }
        grants.addAll(filterGrants(plan.getLeadOfficer(), filterIds, TasklistFilters.RETURNS_TO_SUBMIT,
                TasklistFilters.REMEDIAL_TO_PROPOSE));
        grants.addAll(filterGrants(plan.getJudgingOfficer(), filterIds, TasklistFilters.AWAITING_JUDGEMENT));
        if (plan.getDataEntryOfficer() != null) {
            grants.addAll(filterGrants(plan.getDataEntryOfficer(), filterIds, TasklistFilters.RETURNS_TO_SUBMIT));
        }
        return grants;
    }

    private static List<Grant> filterGrants(String officer, Map<String, String> filterIds, String... filterNames) {
        return Stream.of(filterNames).map(filterIds::get).filter(Objects::nonNull)
                .map(filterId -> Grant.toUser(officer, Resources.FILTER, filterId)).toList();
    }

    private Map<String, String> filterIds() {
        Map<String, String> ids = new HashMap<>();
        for (String name : TasklistFilters.BY_ROLE) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            if (filter != null) {
                ids.put(name, filter.getId());
            }
        }
        return ids;
    }

    /**
     * Reads the grants the holders already have on users and filters, then adds READ where it is missing: to their
     * grant on that user or filter when they have one (the engine holds one grant per holder and resource), else in a
     * new grant.
     */
    private void saveMissing(Set<Grant> wanted) {
        String[] users = wanted.stream().map(Grant::userId).filter(Objects::nonNull).distinct().toArray(String[]::new);
        String[] groups = wanted.stream().map(Grant::groupId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        Map<Grant, Authorization> existing = new HashMap<>();
        for (Resource resource : List.of(Resources.USER, Resources.FILTER)) {
            if (users.length > 0) {
                authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).userIdIn(users)
                        .resourceType(resource).list().forEach(grant -> existing.put(Grant.of(grant), grant));
            }
            if (groups.length > 0) {
                authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groups)
                        .resourceType(resource).list().forEach(grant -> existing.put(Grant.of(grant), grant));
            }
        }
        for (Grant grant : wanted) {
            Authorization authorization = existing.get(grant);
            if (authorization != null && authorization.isPermissionGranted(Permissions.READ)) {
                continue;
            }
            if (authorization == null) {
                authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                authorization.setUserId(grant.userId());
                authorization.setGroupId(grant.groupId());
                authorization.setResourceType(grant.resourceType());
                authorization.setResourceId(grant.resourceId());
            }
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }

    /** A user's or a group's grant on one user or filter. */
    private record Grant(String userId, String groupId, int resourceType, String resourceId) {

        /**
         * Every transaction saves grants in this order, so that two saving the same ones never deadlock. Groups' grants
         * before users': MariaDB's driver starts a new bulk statement at a row with a value where the bulk's first row
         * has none, and a group's grant names no user, a user's no group.
         */
        static final Comparator<Grant> ORDER = Comparator.comparing((Grant grant) -> grant.groupId() == null)
                .thenComparing(Grant::resourceType)
                .thenComparing(Grant::resourceId).thenComparing(Grant::userId, nullsFirst(naturalOrder()))
                .thenComparing(Grant::groupId, nullsFirst(naturalOrder()));

        static Grant toUser(String userId, Resource resource, String resourceId) {
            return new Grant(userId, null, resource.resourceType(), resourceId);
        }

        static Grant toGroup(String groupId, Resource resource, String resourceId) {
            return new Grant(null, groupId, resource.resourceType(), resourceId);
        }

        static Grant of(Authorization authorization) {
            return new Grant(authorization.getUserId(), authorization.getGroupId(), authorization.getResourceType(),
                    authorization.getResourceId());
        }
    }
}
