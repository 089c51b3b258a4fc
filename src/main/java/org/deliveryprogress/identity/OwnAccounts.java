package org.deliveryprogress.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What a user may do with their own account: read it and change it (their password, in Camunda's profile), not
 * delete it. Camunda grants each new user everything on their own user, DELETE included: any officer or manager could
 * delete their account through the REST API, and with it their grants, leaving their plans' tasks with an officer who
 * no longer exists (an import then refuses the plan) and, for a network's only manager, its agreements with no one.
 * An account is deleted by an administrator, in Camunda Admin. New users get this grant
 * ({@code returns.TaskAuthorizations}); the grants of users made before are narrowed to it at every start.
 */
@Component
public class OwnAccounts implements ApplicationRunner {

    private static final Permission[] OWN_ACCOUNT = { Permissions.READ, Permissions.UPDATE };

    private final AuthorizationService authorizationService;

    OwnAccounts(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    /** Narrows the engine's grant to a new user on their own user. */
    public static void narrow(Authorization ownUser) {
        ownUser.setPermissions(OWN_ACCOUNT);
    }

    @Override
    public void run(ApplicationArguments args) {
        authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.USER).hasPermission(Permissions.DELETE).list().stream()
                .filter(grant -> grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId()))
                .forEach(grant -> {
                    narrow(grant);
                    authorizationService.saveAuthorization(grant);
                });
    }
}
