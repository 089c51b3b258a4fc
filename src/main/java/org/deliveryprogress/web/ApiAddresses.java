package org.deliveryprogress.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An API address that nothing answers (404), a method it does not take (405) or an answer it cannot give in the
 * type asked for (406), answered as the API's other refusals ({@link ApiProblems}): Spring finds no controller for
 * them, so they reach only advice that names no controllers, and were answered in Spring Boot's own error format.
 * Outside {@code /api} the exception goes on, to the error page (rethrown, Spring hands it to its next resolver).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiAddresses {

    private static final String DESCRIPTION = " (the API's description: /swagger-ui.html)";

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> nothingThere(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        String path = apiPath(request, e);
        return answer(new HttpHeaders(), ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                ErrorMessagesSayWhatToDo.nothingAt(path) + " The API's addresses are listed in its description "
                        + "(/swagger-ui.html)."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotTaken(HttpRequestMethodNotSupportedException e,
            HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        String path = apiPath(request, e);
        String taken = e.getSupportedHttpMethods() == null ? "" : e.getSupportedHttpMethods().stream()
                .map(Object::toString).collect(Collectors.joining(", "));
        return answer(e.getHeaders(), ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                path + " takes " + (taken.isEmpty() ? "no request" : taken) + ", not " + e.getMethod()
                        + DESCRIPTION + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        String path = apiPath(request, e);
        List<MediaType> answered = e.getSupportedMediaTypes().isEmpty() ? List.of(MediaType.APPLICATION_JSON)
                : e.getSupportedMediaTypes();
        return answer(new HttpHeaders(), ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, path
                + " answers in " + answered.stream().map(MediaType::toString).collect(Collectors.joining(", "))
                + ", none of which the request's Accept header ("
                + request.getHeader(HttpHeaders.ACCEPT) + ") takes: send Accept: " + answered.get(0)
                + ", or no Accept header" + DESCRIPTION + "."));
    }

    /** The request's path under /api; any other request's exception is thrown on, to the pages' error answers. */
    private static <E extends Exception> String apiPath(HttpServletRequest request, E e) throws E {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            throw e;
        }
        return path;
    }

    /** Written as problem details whatever the request accepts, as the API's other refusals are. */
    private static ResponseEntity<ProblemDetail> answer(HttpHeaders headers, ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
