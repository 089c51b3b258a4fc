package org.deliveryprogress.web;

import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A body of a type the API does not take (415), answered as the API's other refusals ({@link ApiProblems}), saying
 * which types it takes. Apart from them because a request refused for its Content-Type before any controller was
 * chosen (the spreadsheet import's) reaches only advice that names no controllers; it was answered in Spring's own
 * error format. No page's route names the types it takes, so a page never answers 415.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnsupportedContentTypes {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null ? "The request has no Content-Type"
                : "The request's Content-Type is " + e.getContentType();
        String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, sent
                + ", which this does not take: send the body as " + (e.getSupportedMediaTypes().size() == 1
                        ? accepted : "one of " + accepted) + ", as the API's description says (/swagger-ui.html).");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(e.getHeaders()).body(problem);
    }
}
