package org.deliveryprogress.identity;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.deliveryprogress.engine.ConfigurationLists;
import org.springframework.stereotype.Component;

/**
 * A password the engine's policy refuses (where it is on: every profile but the demo's) is refused as the caller's
 * mistake, saying what a password needs. The engine throws a plain exception saying only "Password does not match
 * policy", which Camunda's REST API answers with a 500; Camunda Admin and the profile page check the policy as the
 * password is typed, but a script creating users through the REST API learnt nothing, and an installation given a
 * weak first administrator's password failed to start saying only that.
 */
@Component
class PasswordPolicyRefusal extends AbstractProcessEnginePlugin {

    /** Camunda's default policy, in words. */
    static final String THE_POLICY_IN_WORDS = "at least 10 characters, with a lower-case and an upper-case "
            + "letter, a digit and a character other than a letter or digit, and without the user's id, name or email "
            + "address";

    /** What the engine says, its only sign (SaveUserCmd): {@code PasswordPolicyTest} fails if it changes. */
    static final String ENGINE_REFUSAL = "Password does not match policy";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(ConfigurationLists.with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new CommandInterceptor() {
                    @Override
                    public <T> T execute(Command<T> command) {
                        try {
                            return next.execute(command);
                        } catch (ProcessEngineException e) {
                            if (ENGINE_REFUSAL.equals(e.getMessage())) {
                                throw new BadUserRequestException("The password does not meet the password policy: "
                                        + THE_POLICY_IN_WORDS + ".", e);
                            }
                            throw e;
                        }
                    }
                }));
    }
}
