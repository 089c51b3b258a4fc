package org.deliveryprogress.returns;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * A completion of a return's task that found, once its turn on the return came, the task completed a moment before by
 * another request (the same form sent twice, or two officers at once): nothing is changed. The engine's own kind of
 * failure for a change that lost a race, which Camunda's REST API answers with a 409
 * ({@code engine/WrappedMistakes}).
 */
class CompletedMeanwhileException extends OptimisticLockingException {

    CompletedMeanwhileException(String message) {
        super(message);
    }
}
