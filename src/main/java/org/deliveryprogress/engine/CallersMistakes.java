package org.deliveryprogress.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's refusals of a request that would change nothing, which it throws as plain ProcessEngineExceptions:
 * Camunda's REST APIs (its own and its webapps') answered them with a 500, and the engine logged each at ERROR with its
 * stack. They leave the engine as BadUserRequestExceptions with the engine's words, which both APIs answer with a 400,
 * as a BPMN error that a return's process does not catch is ({@code returns.RefusalsUnwrapped}); Java callers still
 * catch a ProcessEngineException. Each is known by the engine's code at the start of its message.
 */
@Component
class CallersMistakes extends AbstractProcessEnginePlugin {

    /**
     * A condition that no process waits for (13043) or that the process named does not start on (13042); a task moved
     * to another tenant than the one it was created in (03072); a job that does not exist given new retries (13053,
     * which the REST API's job resource answers with a 500 whatever the failure: {@link WrappedMistakes}).
     */
    private static final String[] CODES = {"ENGINE-13043", "ENGINE-13042", "ENGINE-03072",
            WrappedMistakes.NO_JOB_FOUND};

    private static final Logger LOG = LoggerFactory.getLogger(CallersMistakes.class);

    /** Whether the failure is one of the engine's refusals above. */
    static boolean isOne(Throwable failure) {
        return EngineCodes.isOneOf(failure, CODES);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(ConfigurationLists.with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new AsBadRequests()));
    }

    private static final class AsBadRequests extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                if (e instanceof BadUserRequestException || !isOne(e)) {
                    throw e;
                }
                // One line instead of the engine's ERROR and its stack (CallersMistakesOutOfTheErrorLog)
                LOG.info("Refused as the caller's mistake (400): {}", e.getMessage());
                throw new BadUserRequestException(e.getMessage(), e);
            }
        }
    }
}
