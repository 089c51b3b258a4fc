package org.deliveryprogress.returns;

import org.deliveryprogress.engine.EngineFailuresLeftOut;
import org.springframework.stereotype.Component;

/**
 * An officer's refused completion (a rule broken, or not their task) is a failure to the engine, which logs it at
 * ERROR with its whole stack (ENGINE-16004, with the officer's words in its message). It is an answer, not a fault:
 * the officer is told what to fix. So the engine's line is left out of the log, and {@link RefusalsUnwrapped} logs one
 * at INFO instead; so is its refusal of a BPMN error or escalation thrown from a task, which the process does not
 * catch. Every other failure the engine logs stays as it is.
 */
@Component
class RefusalsOutOfTheErrorLog extends EngineFailuresLeftOut {

    @Override
    protected boolean toldByTheApplication(Throwable failure) {
        return Refusals.in(failure).isPresent() || Refusals.isUncaughtThrow(failure);
    }
}
