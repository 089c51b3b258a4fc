package org.deliveryprogress.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The caller's mistakes that Camunda's REST resources wrap in a RestException of status 500, which its own mapper
 * answers as a server error with a WARN and the stack: each is answered here with the status it is, and Camunda's
 * body. A RestException that is none of them is not mappable here and goes to Camunda's own mapper, which this one
 * comes before (its priority is higher).
 */
@Priority(Priorities.USER - 1)
final class WrappedMistakes implements ExtendedExceptionMapper<RestException> {

    static final String NO_JOB_FOUND = "ENGINE-13053";

    private record Mistake(Predicate<RestException> isIt, Function<RestException, Response> answer) {
    }

    private static final List<Mistake> MISTAKES = List.of(
            // A refusal the application gives as a form's validation failure (a cycle that cannot be opened, an update
            // that breaks a rule): the REST API answers it with a 400 when a form is submitted, but the plain start of
            // a process (.../start) wraps every failure but an authorization's.
            new Mistake(e -> e.getCause() instanceof FormFieldValidationException,
                    e -> EngineRestAnswers.answer(Status.BAD_REQUEST, e)),
            // A request that lost a race with another changing the same thing (two completions of one task sent at
            // once, the second refused once the first has committed): the task resource wraps every such failure.
            new Mistake(e -> e.getCause() instanceof OptimisticLockingException,
                    e -> EngineRestAnswers.answer(Status.CONFLICT, e)),
            // A retry of a job that does not exist, such as one that ran meanwhile: the job resource keeps the
            // engine's words and not the failure, so it is known by the engine's code at the start of those words.
            new Mistake(e -> isServerError(e) && EngineCodes.isOneOf(e, NO_JOB_FOUND),
                    e -> EngineRestAnswers.answer(Status.NOT_FOUND, e)),
            // A completion of a task that no longer exists (completed a moment before, the same form sent twice; its
            // cycle closed), "Cannot find task with id X: task is null". The engine's ERROR for it is left out of the
            // log (EndedTasksOutOfTheErrorLog) and one line at INFO told instead.
            new Mistake(e -> isServerError(e) && EndedTasks.isMissingTask(e.getCause()),
                    e -> EndedTasks.notFound(e.getCause())));

    @Override
    public boolean isMappable(RestException exception) {
        return mistake(exception).isPresent();
    }

    @Override
    public Response toResponse(RestException exception) {
        return mistake(exception).orElseThrow().answer().apply(exception);
    }

    private static Optional<Mistake> mistake(RestException exception) {
        return MISTAKES.stream().filter(mistake -> mistake.isIt().test(exception)).findFirst();
    }

    private static boolean isServerError(RestException exception) {
        return exception.getStatus() == Status.INTERNAL_SERVER_ERROR;
    }
}
