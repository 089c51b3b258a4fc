package org.deliveryprogress.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.function.Consumer;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.deliveryprogress.engine.AsApplication;
import org.deliveryprogress.engine.EngineText;
import org.deliveryprogress.networks.Network;
import org.springframework.stereotype.Component;

/**
 * A network's managers are the members of its manager group, and see that network only. The group gets the rights
 * every manager needs (Cockpit, the process diagrams, starting a cycle, the managers' Tasklist filters); each
 * process instance and task of the network is then shared with that group alone as it starts. Nothing is granted
 * on all instances or all tasks, so a manager of one network sees nothing of another, in Cockpit, Tasklist or the
 * REST API.
 */
@Component
public class ManagerRights {

    /** quarterlyCycle's key, written again: {@code cycles.CycleVariables} is in a package that uses this one. */
    static final String CYCLE_PROCESS = "quarterlyCycle";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;

    ManagerRights(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
    }

    /**
     * Makes sure the network's manager group exists (unless users come from LDAP) and has managers' rights. Runs as
     * whoever is signed in to the engine, which then refuses anyone but an administrator; at start-up, with no one
     * signed in, the application sets up the networks it has.
     */
    public void grantManagerRights(Network network) {
        String group = network.getManagerGroup();
        if (!identityService.isReadOnly() && identityService.createGroupQuery().groupId(group).count() == 0) {
            Group created = identityService.newGroup(group);
            created.setName(EngineText.fitted("Managers of " + network.getName()));
            created.setType("WORKFLOW");
            identityService.saveGroup(created);
        }
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // The diagrams, not the instances: those are shared one by one.
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        grant(group, Resources.PROCESS_DEFINITION, CYCLE_PROCESS, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        for (String filterName : TasklistFilters.FOR_MANAGERS) {
            Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
            if (filter != null) {
                grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
    }

    /** Lets the network's managers see a process instance of the network (in Cockpit and the REST API). */
    public void shareWithManagers(String processInstanceId, String managerGroup) {
        AsApplication.run(identityService,
                () -> grant(managerGroup, Resources.PROCESS_INSTANCE, processInstanceId,
                        ProcessInstancePermissions.READ));
    }

    /**
     * As {@link #shareWithManagers}, for a process instance started in this transaction. Nothing can be granted on
     * an instance before it starts, so no grant is looked for first: a statement less for every return a cycle opens.
     * A second grant to the group on the instance would break the engine's unique key on grants and roll the start
     * back.
     */
    public void shareStartedInstanceWithManagers(String processInstanceId, String managerGroup) {
        AsApplication.run(identityService, () -> {
            Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(managerGroup);
            save(authorization, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
        });
    }

    /** Lets the network's managers read a task of one of its returns (their "All open work" filter). */
    public void shareTaskWithManagers(String taskId, String managerGroup) {
        AsApplication.run(identityService,
                () -> grant(managerGroup, Resources.TASK, taskId, TaskPermissions.READ));
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        save(authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId),
                AUTH_TYPE_GRANT, authorization -> authorization.setGroupId(groupId), resource, resourceId, permissions);
    }

    /** Grants every signed-in user: a global authorization, Camunda's {@code *} user. */
    public void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
        save(authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).userIdIn(ANY),
                AUTH_TYPE_GLOBAL, authorization -> authorization.setUserId(ANY), resource, resourceId, permissions);
    }

    private void save(AuthorizationQuery holder, int type, Consumer<Authorization> toHolder, Resource resource,
            String resourceId, Permission... permissions) {
        Authorization existing = holder.resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(type);
        toHolder.accept(authorization);
        save(authorization, resource, resourceId, permissions);
    }

    private void save(Authorization authorization, Resource resource, String resourceId, Permission... permissions) {
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
