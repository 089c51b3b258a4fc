package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.Users;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator deleted, in Camunda Admin, an officer the register named or a network's manager group, and the
 * work was stuck: plans naming someone who no longer exists, their tasks with no one, a network its managers no longer
 * reached. Such a deletion is refused, saying what to change first, on every route; once nothing names them, it is not.
 */
@ApplicationTest
@DisplayName("Users and groups the work names")
class UsersAndGroupsInUseTest {

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    TestNetworks networks;
    @Autowired
    Officers officers;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;

    @Test
    @DisplayName("an officer the register names is not deleted (400 saying which plans, on the REST API, in Camunda "
            + "Admin and through Java); once their plans are retired, they are")
    void anOfficerTheRegisterNames() {
        users.person("leaving-judge", "Morwenna", "Leaving");
        TestNetwork network = networks.create(2, TestNetworks.MANAGER_GROUP, "lead", "leaving-judge", "clerk");
        String refusal = "The user leaving-judge cannot be deleted: the register names them as an officer of "
                + network.plans().get(0).getReference() + ", " + network.plans().get(1).getReference() + ". First "
                + "name another officer in those plans (import them with the new officer's user id).";

        Http.Reply rest = new Http(port).delete("demo", "/engine-rest/user/{id}", "leaving-judge");
        assertThat(rest.status()).as(rest.body()).isEqualTo(400);
        assertThat(rest.json().get("message").asText()).isEqualTo(refusal);

        WebSession admin = new WebSession(port);
        assertThat(admin.signInToCamunda("demo", "admin")).isEqualTo(200);
        // As Admin's user page does before its Delete user: a first read gives the session its CSRF token.
        assertThat(admin.camundaApi("GET", "/user/leaving-judge/profile", null).status()).isEqualTo(200);
        WebSession.Page inAdmin = admin.camundaApi("DELETE", "/user/leaving-judge", null);
        assertThat(inAdmin.status()).as(inAdmin.body()).isEqualTo(400);
        assertThat(inAdmin.body()).contains(refusal);

        assertThatThrownBy(() -> officers.as("demo", () -> {
            identityService.deleteUser("leaving-judge");
            return null;
        })).isInstanceOf(BadUserRequestException.class).hasMessage(refusal);
        assertThat(identityService.createUserQuery().userId("leaving-judge").count()).as("kept").isOne();

        network.plans().forEach(networks::retire);
        assertThat(new Http(port).delete("demo", "/engine-rest/user/{id}", "leaving-judge").status()).isEqualTo(204);
        assertThat(identityService.createUserQuery().userId("leaving-judge").count()).isZero();
    }

    @Test
    @DisplayName("a user holding an open task is not deleted (400 saying so); once it is handed on, they are")
    void aUserHoldingATask() {
        users.person("task-holder", "Kitto", "Holder");
        Task task = taskService.newTask();
        task.setName("Check the figures");
        task.setAssignee("task-holder");
        taskService.saveTask(task);

        Http.Reply refused = new Http(port).delete("demo", "/engine-rest/user/{id}", "task-holder");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).isEqualTo("The user task-holder cannot be deleted: 1 "
                + "open task is theirs (assigned to them, or offered to them and taken by no one). First hand the "
                + "task to someone else.");

        taskService.setAssignee(task.getId(), "demo");
        assertThat(new Http(port).delete("demo", "/engine-rest/user/{id}", "task-holder").status()).isEqualTo(204);
        taskService.deleteTask(task.getId(), true);
    }

    @Test
    @DisplayName("a user an open task is offered to, taken by no one, is not deleted (as a return's update waits for "
            + "the officers it opened with); once someone takes it, they are")
    void aUserATaskWaitsFor() {
        users.person("former-lead", "Tamsin", "Former");
        Task task = taskService.newTask();
        task.setName("Submit the update");
        taskService.saveTask(task);
        taskService.addCandidateUser(task.getId(), "former-lead");

        Http.Reply refused = new Http(port).delete("demo", "/engine-rest/user/{id}", "former-lead");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("1 open task is theirs");

        taskService.setAssignee(task.getId(), "demo");
        assertThat(new Http(port).delete("demo", "/engine-rest/user/{id}", "former-lead").status()).isEqualTo(204);
        taskService.deleteTask(task.getId(), true);
    }

    @Test
    @DisplayName("a membership of a user or a group that does not exist is a 400 saying which, not a server error")
    void membershipsOfNoOne() {
        Http http = new Http(port);
        Http.Reply noUser = http.put("demo", "/engine-rest/group/{group}/members/{user}", Map.of(),
                TestNetworks.MANAGER_GROUP, "no-such-officer");
        assertThat(noUser.status()).as(noUser.body()).isEqualTo(400);
        assertThat(noUser.json().get("message").asText()).isEqualTo("There is no user no-such-officer: create the "
                + "user first, then add them to the group.");
        Http.Reply noGroup = http.put("demo", "/engine-rest/group/{group}/members/{user}", Map.of(), "no-such-group",
                "lead");
        assertThat(noGroup.status()).as(noGroup.body()).isEqualTo(400);
        assertThat(noGroup.json().get("message").asText()).isEqualTo("There is no group no-such-group.");
        assertThat(identityService.createUserQuery().memberOfGroup("no-such-group").count()).isZero();
    }

    @Test
    @DisplayName("only an administrator learns why: anyone else is refused the deletion itself (403)")
    void othersAreRefusedTheDeletion() {
        Http.Reply refused = new Http(port).delete("manager", "/engine-rest/user/{id}", "lead");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("register");
    }

    @Test
    @DisplayName("a network's manager group and the administrators' group are not deleted (400 saying why); "
            + "another group is")
    void groupsTheWorkNeeds() {
        users.person("temporary-manager", "Jenna", "Temporary", "in-use-managers", "unused-group");
        TestNetwork network = networks.create(1, "in-use-managers", "lead", "judge", "clerk");
        Http http = new Http(port);

        Http.Reply managers = http.delete("demo", "/engine-rest/group/{id}", "in-use-managers");
        assertThat(managers.status()).as(managers.body()).isEqualTo(400);
        assertThat(managers.json().get("message").asText()).isEqualTo("The group in-use-managers cannot be deleted: "
                + "it is the manager group of " + network.network().getName() + ", and its members would lose the "
                + "network. To change who manages it, add and remove the group's members.");
        Http.Reply admins = http.delete("demo", "/engine-rest/group/{id}", Groups.ADMINS);
        assertThat(admins.status()).as(admins.body()).isEqualTo(400);
        assertThat(admins.json().get("message").asText()).startsWith("The group camunda-admin cannot be deleted: it "
                + "is the administrators' group");
        assertThat(identityService.createGroupQuery().groupIdIn("in-use-managers", Groups.ADMINS).count())
                .isEqualTo(2);

        assertThat(http.delete("demo", "/engine-rest/group/{id}", "unused-group").status()).isEqualTo(204);
    }
}
