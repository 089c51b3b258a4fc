package org.deliveryprogress.web;

import java.util.stream.Collectors;

import org.deliveryprogress.shared.ConflictException;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Answers the API's refusals as RFC 9457 problem details, each saying in plain words what to do. Before
 * {@link PageProblems}, which would otherwise answer the API's controllers too.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private final UploadLimits uploadLimits;

    ApiProblems(UploadLimits uploadLimits) {
        this.uploadLimits = uploadLimits;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail notValid(MethodArgumentNotValidException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getBindingResult().getFieldErrors()
                .stream().map(error -> error.getField() + " " + error.getDefaultMessage())
                .collect(Collectors.joining("; ")));
    }

    /**
     * A body or a path's part the API cannot read, told by where it is and what was expected, in the API's terms:
     * Jackson's and Spring's own words name the application's classes.
     */
    @ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
    ProblemDetail unreadable(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request could not be read: "
                + whatIsUnreadable(e) + ". Send it as the API's description says (/swagger-ui.html).");
    }

    private static String whatIsUnreadable(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return mismatch.getName() + " is '" + mismatch.getValue() + "', not "
                    + ValuesExpected.of(mismatch.getRequiredType());
        }
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            return pathOf(invalid) + " is '" + invalid.getValue() + "', not "
                    + ValuesExpected.of(invalid.getTargetType());
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return pathOf(mismatched) + " must be " + ValuesExpected.of(mismatched.getTargetType());
        }
        if (cause instanceof JsonParseException syntax) {
            return "it is not JSON (" + syntax.getOriginalMessage().lines().findFirst().orElse("") + ")";
        }
        return "send a JSON object";
    }

    /** Where in the body: "offsets.openDaysBefore", "remedialActions[2].dueDate". */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the body" : path.toString();
    }

    /**
     * An upload over spring.servlet.multipart's limits; a controller that takes a file as the request's body refuses
     * one over the file limit the same way.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                uploadLimits.tooLarge());
        problem.setTitle("Upload too large");
        return problem;
    }
}
