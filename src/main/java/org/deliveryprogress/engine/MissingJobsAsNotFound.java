package org.deliveryprogress.engine;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

/**
 * A retry of a job that does not exist, such as one that ran meanwhile, is a 404 in the engine's words. Camunda's job
 * resource answers every failure of a retry but an authorization's with a RestException of status 500, keeping the
 * engine's words and not the failure, so the failure is known by the engine's code at the start of those words;
 * any other RestException goes to Camunda's own mapper, which this one comes before (its priority is higher).
 */
@Priority(Priorities.USER - 1)
final class MissingJobsAsNotFound implements ExtendedExceptionMapper<RestException> {

    static final String NO_JOB_FOUND = "ENGINE-13053";

    @Override
    public boolean isMappable(RestException exception) {
        return exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
                && EngineCodes.isOneOf(exception, NO_JOB_FOUND);
    }

    @Override
    public Response toResponse(RestException exception) {
        return EngineRestAnswers.answer(Response.Status.NOT_FOUND, exception);
    }
}
