package org.deliveryprogress.returns;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.TaskQuery;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.identity.ManagerRights;
import org.deliveryprogress.identity.TasklistFilters;
import org.deliveryprogress.networks.NetworkRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rights and Tasklist filters, made sure of at every start in every profile. Officers are the people named on
 * plans, whatever their groups: every user may open Tasklist, and sees only the tasks the engine authorizes them for
 * (assigned to them or naming them as candidates). Each network's manager group gets managers' rights
 * ({@link ManagerRights}); administrators ({@code camunda-admin}) get everything through the Camunda starter, or
 * {@code identity.LdapDirectory} when they come from a directory.
 */
@Component
@Order(1)
class AccessSetup implements ApplicationRunner {

    static final List<String> GROUPS_BEFORE_NETWORKS = List.of("network-managers", "lead-officers",
            "judging-officers", "data-entry-officers");

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

    private final FilterService filterService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final AuthorizationService authorizationService;
    private final ManagerRights managerRights;
    private final NetworkRepository networks;
    private final CycleRepository cycles;
    private final TransactionTemplate transaction;

    AccessSetup(FilterService filterService, TaskService taskService, RuntimeService runtimeService,
            AuthorizationService authorizationService, ManagerRights managerRights, NetworkRepository networks,
            CycleRepository cycles, TransactionTemplate transaction) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.authorizationService = authorizationService;
        this.managerRights = managerRights;
        this.networks = networks;
        this.cycles = cycles;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        // First, so that the grants below are the ones that stand.
        removeGrantsOnEverything();
        managerRights.grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // Tasklist shows the process a task belongs to and loads its form from the deployment.
        managerRights.grantEveryone(Resources.PROCESS_DEFINITION, ReturnVariables.PROCESS_KEY, Permissions.READ);

        createFilter(TasklistFilters.RETURNS_TO_SUBMIT, 10, "Updates on your plans, to write or to complete",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_SUBMIT_UPDATE)
                        .or().taskAssigneeExpression("${currentUser()}")
                        .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks().endOr()
                        .orderByDueDate().asc());
        createFilter(TasklistFilters.AWAITING_JUDGEMENT, 20, "Updates whose status you judge",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_JUDGE_STATUS)
                        .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        createFilter(TasklistFilters.REMEDIAL_TO_PROPOSE, 30, "Red and Amber plans that need your remedial actions",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_PROPOSE_REMEDIAL_ACTIONS)
                        .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        createFilter(TasklistFilters.REMEDIAL_TO_AGREE, 40,
                "Remedial actions waiting for a network manager's agreement",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS)
                        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc());
        createFilter(TasklistFilters.NETWORK_WORK, 50, "Every open task of your network's returns",
                taskService.createTaskQuery().processDefinitionKey(ReturnVariables.PROCESS_KEY)
                        .orderByDueDate().asc());
        for (String officersFilter : TasklistFilters.FOR_OFFICERS) {
            managerRights.grantEveryone(Resources.FILTER, filterId(officersFilter), Permissions.READ);
        }
        networks.findAll().forEach(managerRights::grantManagerRights);
    }

    /**
     * Before networks had their own manager groups, the managers' and officers' groups were granted every process
     * instance and task. A database from then keeps those grants until they are removed here; the running returns and
     * cycles are then shared with their own network's managers, as new ones are when they start.
     */
    private void removeGrantsOnEverything() {
        List<Authorization> onEverything = authorizationService.createAuthorizationQuery()
                .groupIdIn(GROUPS_BEFORE_NETWORKS.toArray(String[]::new)).list().stream()
                .filter(authorization -> ANY.equals(authorization.getResourceId())
                        && List.of(Resources.PROCESS_INSTANCE.resourceType(), Resources.TASK.resourceType(),
                                Resources.PROCESS_DEFINITION.resourceType())
                                .contains(authorization.getResourceType()))
                .toList();
        if (onEverything.isEmpty()) {
            return;
        }
        onEverything.forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ReturnVariables.PROCESS_KEY).list()) {
            String group = (String) runtimeService.getVariable(instance.getId(),
                    ReturnVariables.NETWORK_MANAGER_GROUP);
            managerRights.shareWithManagers(instance.getId(), group);
            taskService.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                    .filter(task -> !ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS.equals(task.getTaskDefinitionKey()))
                    .forEach(task -> managerRights.shareTaskWithManagers(task.getId(), group));
        }
        transaction.executeWithoutResult(status -> {
            for (Cycle cycle : cycles.findAll()) {
                if (cycle.getProcessInstanceId() != null && runtimeService.createProcessInstanceQuery()
                        .processInstanceId(cycle.getProcessInstanceId()).count() > 0) {
                    managerRights.shareWithManagers(cycle.getProcessInstanceId(),
                            cycle.getMeeting().getNetwork().getManagerGroup());
                }
            }
        });
        log.info("Removed {} grants on every process instance or task; running returns shared per network instead",
                onEverything.size());
    }

    private void createFilter(String name, int priority, String description, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() == 0) {
            Filter filter = filterService.newTaskFilter(name)
                    .setQuery(query)
                    .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                            "variables", List.of(Map.of("name", ReturnVariables.PLAN_LABEL, "label", "Plan"))));
            filterService.saveFilter(filter);
        }
    }

    private String filterId(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult().getId();
    }
}
