package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A database from before networks had manager groups of their own: its grants on every instance and task go at the
 * next start, and the running returns are shared with their own network's managers instead.
 */
@ApplicationTest
class GrantsBeforeNetworksTest {

    @Autowired
    AccessSetup accessSetup;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    OpenReturns openReturns;

    @Test
    void grantsOnEverythingAreRemovedAndRunningReturnsSharedWithTheirNetworksManagers() {
        TestNetwork network = testNetworks.create(1);
        ProcessInstance planReturn = openReturns.of(network);
        authorizationService.createAuthorizationQuery().resourceId(planReturn.getId()).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
        Authorization everyInstance = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        everyInstance.setGroupId("network-managers");
        everyInstance.setResource(Resources.PROCESS_INSTANCE);
        everyInstance.setResourceId(ANY);
        everyInstance.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(everyInstance);

        accessSetup.run(null);

        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("network-managers")
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(ANY).list()).extracting(Authorization::getId)
                .doesNotContain(everyInstance.getId());
        assertThat(authorizationService.isUserAuthorized("manager", List.of(TestNetworks.MANAGER_GROUP),
                Permissions.READ, Resources.PROCESS_INSTANCE, planReturn.getId())).isTrue();
        assertThat(authorizationService.isUserAuthorized("manager2", List.of("hwb-managers"),
                Permissions.READ, Resources.PROCESS_INSTANCE, planReturn.getId())).isFalse();
    }
}
