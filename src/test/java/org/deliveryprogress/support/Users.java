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

    /** A person with a name, the demo's password and an email address, in the given groups; made once. */
    public void person(String userId, String firstName, String lastName, String... groups) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(userId + "@example.org");
            user.setPassword(Http.DEMO_PASSWORD);
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService.createGroupQuery().groupId(group).count() == 0) {
                identityService.saveGroup(identityService.newGroup(group));
            }
            if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
                identityService.createMembership(userId, group);
            }
        }
    }

    public void withForgottenPassword() {
        if (identityService.createUserQuery().userId(WITH_FORGOTTEN_PASSWORD).count() == 0) {
            User user = identityService.newUser(WITH_FORGOTTEN_PASSWORD);
            user.setPassword(Http.DEMO_PASSWORD);
            identityService.saveUser(user);
        }
    }
}
