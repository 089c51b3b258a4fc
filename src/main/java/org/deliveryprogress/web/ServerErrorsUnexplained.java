package org.deliveryprogress.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The error answer's message (server.error.include-message) for a refusal only: a 4xx says what to fix, while a 5xx's
 * message is the failure's own, which can hold the SQL that failed and the names of the schema's tables and keys. It
 * stays in the log; the answer says what the user can do.
 */
@Component
class ServerErrorsUnexplained extends DefaultErrorAttributes {

    static final String MESSAGE = "Something went wrong on the server. It has been logged: try again, and tell your "
            + "administrator if it happens again.";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
        if (status instanceof Integer code && code >= 500 && code < 600 && attributes.containsKey("message")) {
            attributes.put("message", MESSAGE);
        }
        return attributes;
    }
}
