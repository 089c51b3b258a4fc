package org.deliveryprogress.identity;

import org.deliveryprogress.engine.EngineFailuresLeftOut;
import org.springframework.stereotype.Component;

/**
 * A password the policy refuses is the caller's mistake, answered with a 400 that says what a password needs
 * ({@link PasswordPolicyRefusal}, which logs one line at INFO); the engine logged it at ERROR with its whole stack
 * (ENGINE-16004, some 130 lines) for every weak password an administrator or officer typed.
 */
@Component
class WeakPasswordsOutOfTheErrorLog extends EngineFailuresLeftOut {

    @Override
    protected boolean toldByTheApplication(Throwable failure) {
        return PasswordPolicyRefusal.ENGINE_REFUSAL.equals(failure.getMessage());
    }
}
