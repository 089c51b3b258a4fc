package org.deliveryprogress.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Users that tests need besides the demo's. */
@Component
public class Users {

    /**
     * Signs in with wrong passwords: Camunda then delays that user's next sign-in, which would fail the next test
     * signing in as a demo user.
     */
    public static final String WITH_FORGOTTEN_PASSWORD = "forgetful";

    private final IdentityService identityService;

    Users(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void withForgottenPassword() {
        if (identityService.createUserQuery().userId(WITH_FORGOTTEN_PASSWORD).count() == 0) {
            User user = identityService.newUser(WITH_FORGOTTEN_PASSWORD);
            user.setPassword(Http.DEMO_PASSWORD);
            identityService.saveUser(user);
        }
    }
}
