package org.deliveryprogress.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

/**
 * The form variables of a task that does not exist (Tasklist reads them as it opens a task, which may have ended
 * meanwhile): the engine refuses them with a BadUserRequestException, which Camunda's mapper answered 400, where
 * {@code /task/{id}} answers such a task 404. It is a 404 here too. Any other BadUserRequestException is not mappable
 * here and goes to Camunda's mapper, as before.
 */
@Priority(Priorities.USER - 1)
final class MissingTasksNotFound implements ExtendedExceptionMapper<BadUserRequestException> {

    @Override
    public boolean isMappable(BadUserRequestException exception) {
        return EndedTasks.isMissingTask(exception);
    }

    @Override
    public Response toResponse(BadUserRequestException exception) {
        return EndedTasks.notFound(exception);
    }
}
