package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deliveryprogress.returns.ReturnVariables.PROCESS_KEY;
import static org.deliveryprogress.returns.ReturnVariables.TASK_SUBMIT_UPDATE;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.ScriptedCycle;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's authorization settings that leave checks out (application.yaml), and what that means in practice. */
@ApplicationTest
@DisplayName("The engine's authorization settings")
class AuthorizationSettingsTest {

    @Autowired
    TestNetworks networks;
    @Autowired
    ScriptedCycle scripted;
    @Autowired
    Officers officers;
    @Autowired
    AuthorizationService authorizationService;

    private Authorization grant;

    @AfterEach
    void withdrawTheGrant() {
        if (grant != null) {
            authorizationService.deleteAuthorization(grant.getId());
        }
    }

    @Test
    @DisplayName("UPDATE_TASK is not checked: granted on the return's process, it lets nobody complete a task the "
            + "engine does not give them")
    void updateTaskGrantsNothing() {
        TestNetwork network = networks.create(1, "settings-managers", "settings-lead", "settings-judge", null);
        Cycle cycle = scripted.open(network);
        Task update = scripted.task(cycle, network.plan(), TASK_SUBMIT_UPDATE);
        grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("settings-judge");
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(PROCESS_KEY);
        grant.addPermission(Permissions.UPDATE_TASK);
        grant = authorizationService.saveAuthorization(grant);

        // Checked, the grant would pass the engine, and the application's own rule would refuse the judge instead.
        assertThatThrownBy(() -> officers.submit("settings-judge", update, Map.of("achievements", "Not mine")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("TASK_WORK");
    }
}
