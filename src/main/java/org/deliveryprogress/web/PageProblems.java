package org.deliveryprogress.web;

import java.io.IOException;
import java.util.Locale;

import org.deliveryprogress.shared.ConflictException;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import jakarta.servlet.http.HttpServletResponse;

/** Answers the pages' refusals with their status and the error page, which says what happened (4xx only). */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    private final UploadLimits uploadLimits;

    PageProblems(UploadLimits uploadLimits) {
        this.uploadLimits = uploadLimits;
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value(), e.getMessage());
    }

    @ExceptionHandler(NotAllowedException.class)
    void notAllowed(NotAllowedException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.FORBIDDEN.value(), e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    void conflict(ConflictException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.CONFLICT.value(), e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    void invalid(InvalidRequestException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value(), e.getMessage());
    }

    /**
     * A form's field or an address's part that is not of its kind: a number of days typed 10.0, which Chromium's
     * number box lets through as typed, or a mistyped pack version. Spring's own message named Java's types.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void unreadable(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value(), inWords(e.getName()) + " is '" + e.getValue() + "', not "
                + ValuesExpected.of(e.getRequiredType()) + ". Go back, correct it and send it again.");
    }

    /** "updatesDueDaysBefore" as "Updates due days before". */
    private static String inWords(String name) {
        String words = name.replaceAll("(\\p{Upper})", " $1").toLowerCase(Locale.ROOT);
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /**
     * An upload over the limits. The page's form carries its CSRF token in its address too: in the form's body alone
     * it is lost with the rest of the upload, and the refusal would be a 403 saying nothing of the size.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value(), uploadLimits.tooLarge());
    }
}
