package org.deliveryprogress.engine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

/**
 * A request that lost a race with another changing the same thing (two completions of one task sent at once, the
 * second refused once the first has committed) changes nothing and can be answered: a 409 with the failure's words.
 * Camunda's task resource wraps every such failure of a completion in a RestException of status 500, and its mapper
 * logs a WARN with its stack; any other RestException goes to Camunda's own mapper, which this one comes before.
 */
@Priority(Priorities.USER - 1)
final class ConcurrentChangesAsConflicts implements ExtendedExceptionMapper<RestException> {

    @Override
    public boolean isMappable(RestException exception) {
        return exception.getCause() instanceof OptimisticLockingException;
    }

    @Override
    public Response toResponse(RestException exception) {
        return EngineRestAnswers.answer(Response.Status.CONFLICT, exception);
    }
}
