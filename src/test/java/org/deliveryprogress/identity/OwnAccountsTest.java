package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Users;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user reads and changes their own account (their password, in Camunda's profile) and does not delete it: by
 * Camunda's default any officer or manager could delete their own account, and with it their grants, through the REST
 * API. An administrator deletes accounts.
 */
@ApplicationTest
@DisplayName("A user's own account")
class OwnAccountsTest {

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    OwnAccounts ownAccounts;

    @Test
    @DisplayName("an officer cannot delete their own account (403); they may change their password; an administrator "
            + "may delete it")
    void anOfficerKeepsTheirAccount() {
        users.person("self-deleter", "Tegen", "Self");
        Http http = new Http(port);

        Http.Reply deleted = http.delete("self-deleter", "/engine-rest/user/{id}", "self-deleter");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("self-deleter").count()).isEqualTo(1);
        assertThat(http.put("self-deleter", "/engine-rest/user/{id}/credentials", Map.of("password", "a-new-password",
                "authenticatedUserPassword", Http.DEMO_PASSWORD), "self-deleter").status()).isEqualTo(204);
        assertThat(http.delete("demo", "/engine-rest/user/{id}", "self-deleter").status()).isEqualTo(204);
    }

    @Test
    @DisplayName("a user's grant on their own account from before is narrowed to reading and changing it at start")
    void grantsFromBeforeAreNarrowed() {
        users.person("old-account", "Jory", "Old");
        Authorization own = authorizationService.createAuthorizationQuery().userIdIn("old-account")
                .resourceType(Resources.USER).resourceId("old-account").singleResult();
        own.setPermissions(new Permissions[] { Permissions.ALL });
        authorizationService.saveAuthorization(own);

        ownAccounts.run(null);

        Authorization after = authorizationService.createAuthorizationQuery().userIdIn("old-account")
                .resourceType(Resources.USER).resourceId("old-account").singleResult();
        assertThat(after.isPermissionGranted(Permissions.DELETE)).isFalse();
        assertThat(after.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(after.isPermissionGranted(Permissions.UPDATE)).isTrue();
    }
}
