package org.deliveryprogress.identity;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start stopped by the password policy is stopped by the first administrator's password: Camunda creates that user
 * from {@code CAMUNDA_BPM_ADMINUSER_*} as the engine starts, and nothing else sets a password then (the demo, which
 * creates users too, has the policy off). Said in Spring Boot's "APPLICATION FAILED TO START" form, naming the
 * variable: otherwise the policy's words came third in a chain of causes under two stacks of some 150 lines each,
 * naming no setting.
 */
class WeakFirstAdministrator extends AbstractFailureAnalyzer<BadUserRequestException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BadUserRequestException cause) {
        if (!PasswordPolicyRefusal.isRefusal(cause)) {
            return null;
        }
        return new FailureAnalysis("The first administrator's password, CAMUNDA_BPM_ADMINUSER_PASSWORD (Camunda's "
                + "camunda.bpm.admin-user.password), does not meet the password policy: "
                + PasswordPolicyRefusal.THE_POLICY_IN_WORDS + ". The administrator was not created.",
                "Give CAMUNDA_BPM_ADMINUSER_PASSWORD a password that does and start again (it is read only while "
                        + "that administrator does not exist yet).", cause);
    }
}
