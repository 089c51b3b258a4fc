package org.deliveryprogress.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.deliveryprogress.returns.ReturnVariables;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups, their rights and the Tasklist filters, made sure of at every start in every profile. Officers get
 * Tasklist and see only the tasks the engine authorizes them for (the ones assigned to them or naming them as
 * candidates); network managers also get Cockpit, read all returns and may start cycles; administrators
 * ({@code camunda-admin}) get everything through the Camunda starter.
 */
@Component
@Order(1)
class AccessSetup implements ApplicationRunner {

    static final String FILTER_RETURNS_TO_SUBMIT = "My returns to submit";
    static final String FILTER_AWAITING_JUDGEMENT = "Awaiting my judgement";
    static final String FILTER_REMEDIAL_TO_PROPOSE = "Remedial actions to propose";
    static final String FILTER_REMEDIAL_TO_AGREE = "Remedial actions to agree";
    static final String FILTER_NETWORK_WORK = "All open work of my network";

    private static final String CYCLE_PROCESS = "quarterlyCycle";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        createGroup(Groups.NETWORK_MANAGERS, "Network managers");
        createGroup(Groups.LEAD_OFFICERS, "Lead officers");
        createGroup(Groups.JUDGING_OFFICERS, "Judging officers");
        createGroup(Groups.DATA_ENTRY_OFFICERS, "Data-entry officers");

        for (String group : List.of(Groups.NETWORK_MANAGERS, Groups.LEAD_OFFICERS, Groups.JUDGING_OFFICERS,
                Groups.DATA_ENTRY_OFFICERS)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist shows the process a task belongs to and loads its form from the deployment.
            grant(group, Resources.PROCESS_DEFINITION, ReturnVariables.PROCESS_KEY, Permissions.READ);
        }
        grant(Groups.NETWORK_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.NETWORK_MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(Groups.NETWORK_MANAGERS, Resources.PROCESS_DEFINITION, CYCLE_PROCESS,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(Groups.NETWORK_MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
                ProcessInstancePermissions.CREATE);
        grant(Groups.NETWORK_MANAGERS, Resources.TASK, ANY, TaskPermissions.READ);
        grant(Groups.NETWORK_MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);

        createFilter(FILTER_RETURNS_TO_SUBMIT, 10, "Updates on your plans, to write or to complete",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_SUBMIT_UPDATE)
                        .or().taskAssigneeExpression("${currentUser()}")
                        .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks().endOr()
                        .orderByDueDate().asc(),
                Groups.LEAD_OFFICERS, Groups.DATA_ENTRY_OFFICERS);
        createFilter(FILTER_AWAITING_JUDGEMENT, 20, "Updates whose status you judge",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_JUDGE_STATUS)
                        .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
                Groups.JUDGING_OFFICERS);
        createFilter(FILTER_REMEDIAL_TO_PROPOSE, 30, "Red and Amber plans that need your remedial actions",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_PROPOSE_REMEDIAL_ACTIONS)
                        .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
                Groups.LEAD_OFFICERS);
        createFilter(FILTER_REMEDIAL_TO_AGREE, 40, "Remedial actions waiting for a network manager's agreement",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS)
                        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc(),
                Groups.NETWORK_MANAGERS);
        createFilter(FILTER_NETWORK_WORK, 50, "Every open task of the network's returns",
                taskService.createTaskQuery().processDefinitionKey(ReturnVariables.PROCESS_KEY)
                        .orderByDueDate().asc(),
                Groups.NETWORK_MANAGERS);
    }

    private void createGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void createFilter(String name, int priority, String description, TaskQuery query, String... groups) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name)
                    .setQuery(query)
                    .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                            "variables", List.of(Map.of("name", ReturnVariables.PLAN_LABEL, "label", "Plan"))));
            filterService.saveFilter(filter);
        }
        for (String group : groups) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
