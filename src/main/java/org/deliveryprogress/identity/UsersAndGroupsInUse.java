package org.deliveryprogress.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.TaskService;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Users and groups the application's work names are not deleted: Camunda deleted them without a word, and the work
 * was stuck. An officer deleted left their plans naming someone who no longer exists (an export of the register no
 * longer imported) and their open tasks with no one; a network's manager group deleted left its managers without
 * their network (404 everywhere), which only the group made again by hand brought back. The engine's identity store
 * ({@link IdentityStore}) refuses such a deletion with a 400 that says what to change first.
 */
@Component
class UsersAndGroupsInUse {

    private final Supplier<DeliveryPlanRepository> plans;
    private final Supplier<NetworkRepository> networks;
    private final Supplier<TaskService> tasks;

    /** Looked up at the first deletion: they need the engine that the identity store helps to build. */
    UsersAndGroupsInUse(ObjectProvider<DeliveryPlanRepository> plans, ObjectProvider<NetworkRepository> networks,
            ObjectProvider<TaskService> tasks) {
        this.plans = plans::getObject;
        this.networks = networks::getObject;
        this.tasks = tasks::getObject;
    }

    /** Why the user cannot be deleted now, and what to change first, if the work names them. */
    Optional<String> refusalToDeleteUser(String userId) {
        List<String> work = new ArrayList<>();
        List<String> first = new ArrayList<>();
        List<String> references = plans.get().findActiveReferencesNaming(userId);
        if (!references.isEmpty()) {
            work.add("the register names them as an officer of " + String.join(", ", references));
            first.add("name another officer in those plans (import them with the new officer's user id)");
        }
        // An update is offered to its officers, taken by neither until one opens it: offered to no one else (a
        // return keeps the officers it opened with, whom the register may no longer name), it would wait for ever.
        long held = tasks.get().createTaskQuery().taskAssignee(userId).count()
                + tasks.get().createTaskQuery().taskInvolvedUser(userId).taskUnassigned().count();
        if (held > 0) {
            work.add(held + (held == 1 ? " open task is" : " open tasks are") + " theirs (assigned to them, or "
                    + "offered to them and taken by no one)");
            first.add("hand " + (held == 1 ? "the task" : "the tasks") + " to someone else");
        }
        return work.isEmpty() ? Optional.empty() : Optional.of("The user " + userId + " cannot be deleted: "
                + String.join(", and ", work) + ". First " + String.join(", and ", first) + ".");
    }

    /** Why the group cannot be deleted, if the administrators or a network need it. */
    Optional<String> refusalToDeleteGroup(String groupId) {
        if (Groups.ADMINS.equals(groupId)) {
            return Optional.of("The group " + groupId + " cannot be deleted: it is the administrators' group, and "
                    + "without it no one could manage users, groups or networks.");
        }
        return networks.get().findFirstByManagerGroup(groupId).map(Network::getName).map(network -> "The group "
                + groupId + " cannot be deleted: it is the manager group of " + network + ", and its members would "
                + "lose the network. To change who manages it, add and remove the group's members.");
    }
}
