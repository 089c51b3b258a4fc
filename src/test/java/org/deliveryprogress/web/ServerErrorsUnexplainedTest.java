package org.deliveryprogress.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** The error answer says what to fix for a refusal, and nothing of the failure for a server error. */
class ServerErrorsUnexplainedTest {

    private final ServerErrorsUnexplained errors = new ServerErrorsUnexplained();

    @Test
    void aServerErrorsMessageIsNotTheFailures() {
        assertThat(messageOf(500, "could not execute statement [Incorrect date value for column "
                + "`network_meeting`.`meeting_date`] [insert into network_meeting ...]"))
                .isEqualTo(ServerErrorsUnexplained.MESSAGE);
        assertThat(messageOf(503, "Connection refused")).isEqualTo(ServerErrorsUnexplained.MESSAGE);
    }

    @Test
    void aRefusalsMessageSaysWhatToFix() {
        assertThat(messageOf(400, "A meeting's date must be from 1 January 2000")).isEqualTo(
                "A meeting's date must be from 1 January 2000");
        assertThat(messageOf(404, "There is no plan CC-X.")).isEqualTo("There is no plan CC-X.");
    }

    private String messageOf(int status, String message) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, message);
        return (String) errors.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.defaults().including(ErrorAttributeOptions.Include.MESSAGE)).get("message");
    }
}
