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
import org.deliveryprogress.identity.OfficerRights;
import org.deliveryprogress.identity.TasklistFilters;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
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
 * (assigned to them or naming them as candidates), with the filters of the roles they hold and the names of the
 * people they work with ({@link OfficerRights}). Each network's manager group gets managers' rights
 * ({@link ManagerRights}); administrators ({@code camunda-admin}) get everything through the Camunda starter, or
 * {@code identity.LdapDirectory} when they come from a directory.
 */
@Component
@Order(1)
class AccessSetup implements ApplicationRunner {

    static final List<String> GROUPS_BEFORE_NETWORKS = List.of("network-managers", "lead-officers",
            "judging-officers", "data-entry-officers");

    /** The filters Tasklist opens on stand out from the filters of a role. */
    private static final String LANDING_COLOUR = "#1d70b8";
    private static final String ROLE_COLOUR = "#505a5f";

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

    private final FilterService filterService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final AuthorizationService authorizationService;
    private final ManagerRights managerRights;
    private final OfficerRights officerRights;
    private final NetworkRepository networks;
    private final DeliveryPlanRepository plans;
    private final CycleRepository cycles;
    private final TransactionTemplate transaction;

    AccessSetup(FilterService filterService, TaskService taskService, RuntimeService runtimeService,
            AuthorizationService authorizationService, ManagerRights managerRights, OfficerRights officerRights,
            NetworkRepository networks, DeliveryPlanRepository plans, CycleRepository cycles,
            TransactionTemplate transaction) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.authorizationService = authorizationService;
        this.managerRights = managerRights;
        this.officerRights = officerRights;
        this.networks = networks;
        this.plans = plans;
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

        // Tasklist opens on the filter of least priority among those the user may read: managers on the
        // agreements waiting for them, everyone else on all their work; the filters of a role follow.
        saveFilter(TasklistFilters.REMEDIAL_TO_AGREE, 5, LANDING_COLOUR,
                "Remedial actions waiting for your agreement, or for any manager of your network",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS)
                        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc());
        saveFilter(TasklistFilters.MY_WORK, 10, LANDING_COLOUR,
                "Every task waiting for you: updates to write, judgements, remedial actions",
                taskService.createTaskQuery()
                        .or().taskAssigneeExpression("${currentUser()}")
                        .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks().endOr()
                        .orderByDueDate().asc());
        saveFilter(TasklistFilters.RETURNS_TO_SUBMIT, 20, ROLE_COLOUR, "Updates on your plans, to write or to complete",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_SUBMIT_UPDATE)
                        .or().taskAssigneeExpression("${currentUser()}")
                        .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks().endOr()
                        .orderByDueDate().asc());
        saveFilter(TasklistFilters.AWAITING_JUDGEMENT, 30, ROLE_COLOUR, "Updates whose status you judge",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_JUDGE_STATUS)
                        .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        saveFilter(TasklistFilters.REMEDIAL_TO_PROPOSE, 40, ROLE_COLOUR,
                "Red and Amber plans that need your remedial actions",
                taskService.createTaskQuery().taskDefinitionKey(ReturnVariables.TASK_PROPOSE_REMEDIAL_ACTIONS)
                        .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        saveFilter(TasklistFilters.NETWORK_WORK, 50, ROLE_COLOUR, "Every open task of your network's returns",
                taskService.createTaskQuery().processDefinitionKey(ReturnVariables.PROCESS_KEY)
                        .orderByDueDate().asc());
        managerRights.grantEveryone(Resources.FILTER, filterId(TasklistFilters.MY_WORK), Permissions.READ);
        removeEveryonesRoleFilters();
        networks.findAll().forEach(managerRights::grantManagerRights);
        grantOfficerRights();
    }

    /** Until each role's filters were granted to the officers holding it, everyone read them. */
    private void removeEveryonesRoleFilters() {
        for (String roleFilter : TasklistFilters.BY_ROLE) {
            authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                    .resourceType(Resources.FILTER).resourceId(filterId(roleFilter)).list()
                    .forEach(everyone -> authorizationService.deleteAuthorization(everyone.getId()));
        }
    }

    /**
     * The officers' rights are granted as returns open; this grants them for the returns opened before they were, and
     * is a few queries per network once they have been.
     */
    private void grantOfficerRights() {
        for (Network network : networks.findAll()) {
            transaction.executeWithoutResult(status -> officerRights.grantFor(
                    plans.findByNetworkOrderByReference(network).stream().filter(DeliveryPlan::isActive).toList()));
        }
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

    /** Creates the filter, or puts back its query and properties: the application's filters are the application's. */
    private void saveFilter(String name, int priority, String colour, String description, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        // "refresh": Tasklist reloads the open filter's list and count as tasks come and go.
        // No variable columns: a return's task is named after its plan, which is what a column would show.
        filter.setQuery(query).setProperties(Map.of("description", description, "priority", priority,
                "color", colour, "refresh", true));
        filterService.saveFilter(filter);
    }

    private String filterId(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult().getId();
    }
}
