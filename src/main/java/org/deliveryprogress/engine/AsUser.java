package org.deliveryprogress.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine commands as a user whom Spring Security signed in (the application's own pages and API), so that the
 * engine checks that user's authorizations as it does for Camunda's REST API and webapps. The engine does not know
 * Spring Security's users: without this it would run the commands with no user, checking nothing.
 */
public final class AsUser {

    private AsUser() {
    }

    public static void run(IdentityService identityService, String userId, Set<String> groups, Runnable work) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.setAuthentication(userId, List.copyOf(groups));
        try {
            work.run();
        } finally {
            if (before == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(before);
            }
        }
    }
}
