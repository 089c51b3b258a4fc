package org.deliveryprogress.identity;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.deliveryprogress.engine.ConfigurationLists;

/**
 * Engine commands that a signed-in user runs only as an administrator (403 to anyone else, on every route); the job
 * executor and the application's own calls, with no one signed in, run them as before. The commands are named by
 * their classes' simple names, which each subclass's test checks against the engine's classes: a renamed command
 * would otherwise be let through.
 */
abstract class AdministratorsCommands extends AbstractProcessEnginePlugin {

    private final Set<String> commands;
    private ProcessEngineConfigurationImpl configuration;

    AdministratorsCommands(Set<String> commands) {
        this.commands = commands;
    }

    /** What the refusal tells a user who is not an administrator. */
    abstract String refusal(String userId);

    /** One of the commands, from a user who is not an administrator: refused, 403. */
    <T> T refuse(Command<T> command, String userId) {
        throw new AuthorizationException(refusal(userId));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setCustomPreCommandInterceptorsTxRequired(ConfigurationLists.with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new RefuseOthers()));
    }

    private final class RefuseOthers extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!commands.contains(command.getClass().getSimpleName())) {
                return next.execute(command);
            }
            Authentication user = configuration.getIdentityService().getCurrentAuthentication();
            if (user == null || user.getUserId() == null || Viewer.of(user).isAdmin()) {
                return next.execute(command);
            }
            return refuse(command, user.getUserId());
        }
    }
}
