package org.deliveryprogress.engine;

import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

/**
 * A completion of a task that no longer exists (completed a moment before, the same form sent twice; its cycle
 * closed) changes nothing: a 404 that says so. Camunda's task resource wraps the engine's refusal in a RestException
 * of status 500, "Cannot find task with id X: task is null", and logs a WARN with its stack; the engine's ERROR for it
 * is left out of the log ({@link EndedTasksOutOfTheErrorLog}) and one line at INFO told instead. Any other
 * RestException goes to Camunda's own mapper, which this one comes before (its priority is higher).
 */
@Priority(Priorities.USER - 1)
final class EndedTasksAsNotFound implements ExtendedExceptionMapper<RestException> {

    private static final Logger LOG = LoggerFactory.getLogger(EndedTasksAsNotFound.class);

    @Override
    public boolean isMappable(RestException exception) {
        return exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
                && EndedTasks.isMissingTask(exception.getCause());
    }

    @Override
    public Response toResponse(RestException exception) {
        LOG.info("A request for a task that no longer exists (404): {}", exception.getCause().getMessage());
        return EngineRestAnswers.answer(Response.Status.NOT_FOUND, new NotFoundException("This task no longer "
                + "exists: it has been completed, or its cycle has closed. Open your task list again to see what is "
                + "left to do."));
    }
}
