package org.deliveryprogress.web;

import java.util.Map;

import org.deliveryprogress.shared.PageSentFrom;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The error answer's message (server.error.include-message) for a refusal only: a 4xx says what to fix, while a 5xx's
 * message is the failure's own, which can hold the SQL that failed and the names of the schema's tables and keys. It
 * stays in the log; the answer says what the user can do.
 *
 * <p>A 401 without words of its own is a request of Tasklist's (or of another webapp's) whose session has ended, or
 * whose user signed out in another window: Camunda's webapps answer it with the status alone, which Tasklist showed
 * over the form as "An error happened while submitting the task form: No message available", and the drafts' plugin
 * above the update's buttons as "No message available". The answer says what happened and what to do; Tasklist shows
 * its sign-in on the same page, and the form comes back with what was written in it once the officer has signed in.
 */
@Component
class ErrorMessagesSayWhatToDo extends DefaultErrorAttributes {

    static final String SERVER_ERROR = "Something went wrong on the server. It has been logged: try again, and tell "
            + "your administrator if it happens again.";

    static final String SIGNED_OUT = "You are signed out: your session has ended, or you signed out in another "
            + "window. Sign in again in this window: a form you were filling in keeps what you wrote, and you can then "
            + "send it again.";

    /**
     * The page a refused form was sent from, for the error page's way back to it: a file over the upload limit or a
     * value refused left the manager with a link to the home page only.
     */
    static final String FORM_PAGE = "formPage";

    /** An address that no page, file or API answers, and what to do: its path is likely mistyped. */
    static String nothingAt(String path) {
        return "There is nothing at the address " + path + ": check it for a typing mistake.";
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
        if (!attributes.containsKey("message") || !(status instanceof Integer code)) {
            return attributes;
        }
        HttpServletRequest form = request instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
        if (code >= 400 && code < 500 && form != null && !HttpMethod.GET.matches(form.getMethod())) {
            PageSentFrom.of(form).ifPresent(page -> attributes.put(FORM_PAGE, page.getRawPath()
                    + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery())));
        }
        if (code >= 500 && code < 600) {
            attributes.put("message", SERVER_ERROR);
        } else if (getError(request) instanceof NoResourceFoundException) {
            // Spring's words for an address no page or file answers: "No static resource plans/CC-NI1/histor."
            attributes.put("message", nothingAt((String) attributes.get("path")));
        } else if (code == 401 && !StringUtils.hasText((String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE,
                RequestAttributes.SCOPE_REQUEST))) {
            attributes.put("message", SIGNED_OUT);
        }
        return attributes;
    }
}
