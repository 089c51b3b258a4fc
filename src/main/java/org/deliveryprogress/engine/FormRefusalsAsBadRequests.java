package org.deliveryprogress.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

/**
 * A refusal the application gives as a form's validation failure (a cycle that cannot be opened, an update that breaks
 * a rule) is the caller's mistake, which Camunda's REST API answers with a 400 when a form is submitted. Its plain
 * start of a process ({@code /process-definition/.../start}) wraps every failure but an authorization's in a
 * RestException of status 500, and logs a WARN with its stack: a manager's start refused was a server error there.
 * Such a RestException is answered here with a 400 and the body Camunda gives it, the refusal's words; any other is
 * not mappable here and goes to Camunda's own mapper, which this one comes before (its priority is higher).
 */
@Priority(Priorities.USER - 1)
final class FormRefusalsAsBadRequests implements ExtendedExceptionMapper<RestException> {

    @Override
    public boolean isMappable(RestException exception) {
        return exception.getCause() instanceof FormFieldValidationException;
    }

    @Override
    public Response toResponse(RestException exception) {
        return EngineRestAnswers.answer(Response.Status.BAD_REQUEST, exception);
    }
}
