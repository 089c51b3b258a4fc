package org.deliveryprogress.engine;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A claim of a task someone else holds (often one they took a moment before) changes nothing: the engine refuses it
 * with a TaskAlreadyClaimedException, which Camunda's REST API answered with a 500 and a WARN with its stack. It is a
 * 409 with the engine's words ("Task ... is already claimed by someone else."). The engine keeps the exception as it
 * is, since Java callers catch it by its type; this mapper is nearer to its type than Camunda's, which maps every
 * ProcessEngineException.
 */
final class TakenTasksAsConflicts implements ExceptionMapper<TaskAlreadyClaimedException> {

    @Override
    public Response toResponse(TaskAlreadyClaimedException exception) {
        return EngineRestAnswers.answer(Response.Status.CONFLICT, exception);
    }
}
