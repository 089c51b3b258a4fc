package org.deliveryprogress.returns;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.deliveryprogress.engine.EngineCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a return's refusal leave the engine as itself. The engine wraps whatever a task listener throws in a plain
 * ProcessEngineException, which Camunda's REST API answers with a 500; unwrapped, a {@link SubmissionRejectedException}
 * (a form validation failure) is a 400, a {@link NotYourTaskException} (an authorization failure) a 403 and a
 * {@link CompletedMeanwhileException} (a completion that lost a race) a 409, on every route, and Java callers catch the
 * exception that says what is wrong. It runs outside the command's transaction, which has been rolled back by then.
 *
 * <p>The engine's refusal of a BPMN error or escalation thrown from a task, which the process does not catch, is a 400
 * that says so. The engine's own refusal to set a transient variable over a stored one of the same name (a client's
 * mistake, such as re-sending {@code leadOfficer} marked transient) is answered as a 400 with the engine's words: it
 * is thrown before the return's rules run, and Camunda's REST API would answer it with a 500.
 */
final class RefusalsUnwrapped extends CommandInterceptor {

    /** The engine's log code for "Cannot set transient variable with name ... to non-transient variable". */
    private static final String TRANSIENT_OVER_STORED = "ENGINE-17006";

    private static final Logger LOG = LoggerFactory.getLogger(RefusalsUnwrapped.class);

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            Optional<ProcessEngineException> refusal = Refusals.in(e);
            if (refusal.isPresent()) {
                // One line for the operators (the engine's own ERROR with its stack is left out of the log,
                // RefusalsOutOfTheErrorLog); the officer's words stay out of it.
                LOG.info("A return's task was not completed: {}", why(refusal.get()));
                throw refusal.get();
            }
            if (Refusals.isUncaughtThrow(e)) {
                LOG.info("A return's task was not completed: a BPMN error or escalation its process does not catch "
                        + "(400)");
                throw new BadUserRequestException("A return's task throws no BPMN error or escalation: its process "
                        + "catches none. Complete the task with its form's fields.", e);
            }
            if (EngineCodes.isOneOf(e, TRANSIENT_OVER_STORED)) {
                throw new SubmissionRejectedException(List.of(e.getMessage().substring(TRANSIENT_OVER_STORED.length())
                        .strip() + " Send it as an ordinary variable, or not at all."));
            }
            throw e;
        }
    }

    /** The refusal for the operators, without the officer's words. */
    private static String why(ProcessEngineException refusal) {
        if (refusal instanceof SubmissionRejectedException rejected) {
            return rejected.getProblems().size() + " problem(s) for the officer to fix (400)";
        }
        return refusal instanceof CompletedMeanwhileException ? "completed a moment before by another request (409)"
                : "not the signed-in user's to complete (403)";
    }
}
