package org.deliveryprogress.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls without the signed-in user's authorizations, restoring them afterwards: for the application's
 * own bookkeeping inside an officer's transaction (reading a colleague's email address, granting a network's
 * managers the right to see a return the officer's work just started).
 */
public final class AsApplication {

    private AsApplication() {
    }

    public static <T> T run(IdentityService identityService, Supplier<T> work) {
        Authentication signedIn = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (signedIn != null) {
                identityService.setAuthentication(signedIn);
            }
        }
    }

    public static void run(IdentityService identityService, Runnable work) {
        run(identityService, () -> {
            work.run();
            return null;
        });
    }
}
