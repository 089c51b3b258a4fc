package org.deliveryprogress.identity;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.deliveryprogress.engine.ConfigurationLists;
import org.springframework.stereotype.Component;

/**
 * A process started by a user starts at its start event; only administrators may start one part way. Camunda's REST
 * API lets whoever may start a process name the activities it starts at ({@code startInstructions}), skipping the
 * start event and what checks the start. A network's manager, who may start their network's quarterlyCycle, started
 * one at its batches, its close or its pack: the cycle's own steps refused to act on a cycle they did not open, but
 * the instance stayed, its job failing until it stopped with an incident in Cockpit.
 */
@Component
class ProcessesStartAtTheirStart extends AbstractProcessEnginePlugin {

    /** The engine's command for a start at named activities (checked by name by a test: a renamed one would pass). */
    static final String START_PART_WAY = "StartProcessInstanceAtActivitiesCmd";

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setCustomPreCommandInterceptorsTxRequired(ConfigurationLists.with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new RefuseOthers()));
    }

    private final class RefuseOthers extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!START_PART_WAY.equals(command.getClass().getSimpleName())) {
                return next.execute(command);
            }
            Authentication user = configuration.getIdentityService().getCurrentAuthentication();
            if (user == null || user.getUserId() == null || Viewer.of(user).isAdmin()) {
                return next.execute(command);
            }
            throw new AuthorizationException(user.getUserId() + " may not start a process part way: a process starts "
                    + "at its start event; leave out startInstructions.");
        }
    }
}
