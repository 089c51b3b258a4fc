package org.deliveryprogress.returns;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets a return's refusal leave the engine as itself. The engine wraps whatever a task listener throws in a plain
 * ProcessEngineException, which Camunda's REST API answers with a 500; unwrapped, a {@link SubmissionRejectedException}
 * (a form validation failure) is a 400 and a {@link NotYourTaskException} (an authorization failure) a 403, on every
 * route, and Java callers catch the exception that says what is wrong. It runs outside the command's transaction,
 * which has been rolled back by then.
 */
final class RefusalsUnwrapped extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SubmissionRejectedException || cause instanceof NotYourTaskException) {
                    throw (ProcessEngineException) cause;
                }
            }
            throw e;
        }
    }
}
