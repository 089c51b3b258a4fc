package org.deliveryprogress.returns;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets a return's refusal leave the engine as itself. The engine wraps whatever a task listener throws in a plain
 * ProcessEngineException, which Camunda's REST API answers with a 500; unwrapped, a {@link SubmissionRejectedException}
 * (a form validation failure) is a 400 and a {@link NotYourTaskException} (an authorization failure) a 403, on every
 * route, and Java callers catch the exception that says what is wrong. It runs outside the command's transaction,
 * which has been rolled back by then.
 *
 * <p>The engine's own refusal to set a transient variable over a stored one of the same name (a client's mistake,
 * such as re-sending {@code leadOfficer} marked transient) is answered the same way, as a 400 with the engine's words:
 * it is thrown before the return's rules run, and Camunda's REST API would answer it with a 500.
 */
final class RefusalsUnwrapped extends CommandInterceptor {

    /** The engine's log code for "Cannot set transient variable with name ... to non-transient variable". */
    private static final String TRANSIENT_OVER_STORED = "ENGINE-17006";

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
            if (String.valueOf(e.getMessage()).startsWith(TRANSIENT_OVER_STORED)) {
                throw new SubmissionRejectedException(List.of(e.getMessage().substring(TRANSIENT_OVER_STORED.length())
                        .strip() + " Send it as an ordinary variable, or not at all."));
            }
            throw e;
        }
    }
}
