package org.deliveryprogress.identity;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.deliveryprogress.engine.ConfigurationLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A password the engine's policy refuses (where it is on: every profile but the demo's) is refused as the caller's
 * mistake, saying what a password needs. The engine throws a plain exception saying only "Password does not match
 * policy", which Camunda's REST API answers with a 500; Camunda Admin and the profile page check the policy as the
 * password is typed, but a script creating users through the REST API learnt nothing, and an installation given a
 * weak first administrator's password failed to start saying only that ({@link WeakFirstAdministrator} says which
 * setting). The engine's own ERROR for it is left out of the log ({@link WeakPasswordsOutOfTheErrorLog}).
 */
@Component
class PasswordPolicyRefusal extends AbstractProcessEnginePlugin {

    /** Camunda's default policy, in words. */
    static final String THE_POLICY_IN_WORDS = "at least 10 characters, with a lower-case and an upper-case "
            + "letter, a digit and a character other than a letter or digit, and without the user's id, name or email "
            + "address";

    /** What the engine says, its only sign (SaveUserCmd): {@code PasswordPolicyTest} fails if it changes. */
    static final String ENGINE_REFUSAL = "Password does not match policy";

    private static final String REFUSAL = "The password does not meet the password policy: ";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordPolicyRefusal.class);

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
                                LOG.info("A password was refused: it does not meet the password policy (400)");
                                throw new BadUserRequestException(REFUSAL + THE_POLICY_IN_WORDS + ".", e);
                            }
                            throw e;
                        }
                    }
                }));
    }

    /** Whether the failure is this refusal. */
    static boolean isRefusal(Throwable failure) {
        return failure instanceof BadUserRequestException && failure.getMessage() != null
                && failure.getMessage().startsWith(REFUSAL);
    }
}
