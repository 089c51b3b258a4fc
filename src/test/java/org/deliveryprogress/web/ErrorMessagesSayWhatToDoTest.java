package org.deliveryprogress.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The error answer says what to fix for a refusal, nothing of the failure for a server error, and that the user is
 * signed out for a 401 that says nothing itself.
 */
class ErrorMessagesSayWhatToDoTest {

    private final ErrorMessagesSayWhatToDo errors = new ErrorMessagesSayWhatToDo();

    @Test
    void aServerErrorsMessageIsNotTheFailures() {
        assertThat(messageOf(500, "could not execute statement [Incorrect date value for column "
                + "`network_meeting`.`meeting_date`] [insert into network_meeting ...]"))
                .isEqualTo(ErrorMessagesSayWhatToDo.SERVER_ERROR);
        assertThat(messageOf(503, "Connection refused")).isEqualTo(ErrorMessagesSayWhatToDo.SERVER_ERROR);
    }

    @Test
    void aRefusalsMessageSaysWhatToFix() {
        assertThat(messageOf(400, "A meeting's date must be from 1 January 2000")).isEqualTo(
                "A meeting's date must be from 1 January 2000");
        assertThat(messageOf(404, "There is no plan CC-X.")).isEqualTo("There is no plan CC-X.");
    }

    @Test
    @DisplayName("An address nothing answers, mistyped, is told as such, not in Spring's words of a static resource")
    void anAddressNothingAnswersIsToldAsSuch() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/plans/CC-NI1/histor");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                new NoResourceFoundException(HttpMethod.GET, "plans/CC-NI1/histor"));

        assertThat(messageOf(request)).isEqualTo("There is nothing at the address /plans/CC-NI1/histor: check it for "
                + "a typing mistake.");
    }

    @Test
    void aSessionThatEndedSaysToSignInAgainAndThatTheFormKeepsItsWords() {
        assertThat(messageOf(401, null)).isEqualTo(ErrorMessagesSayWhatToDo.SIGNED_OUT)
                .contains("You are signed out", "Sign in again", "keeps what you wrote");
        assertThat(messageOf(401, "")).isEqualTo(ErrorMessagesSayWhatToDo.SIGNED_OUT);
    }

    @Test
    void aRefusalToSignInThatSaysWhyKeepsItsWords() {
        assertThat(messageOf(401, "Wrong user name or password.")).isEqualTo("Wrong user name or password.");
    }

    @Test
    @DisplayName("A refused form leads back to the page it was sent from; an address asked for, or a server error, "
            + "does not")
    void aRefusedFormLeadsBackToItsPage() {
        assertThat(formPageOf("POST", 413)).isEqualTo("/networks/SCN?imported");
        assertThat(formPageOf("POST", 400)).isEqualTo("/networks/SCN?imported");
        assertThat(formPageOf("GET", 404)).as("the address itself was the page").isNull();
        assertThat(formPageOf("POST", 500)).as("a failure, where sending again may not be wise").isNull();
    }

    private String formPageOf(String method, int status) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/networks/SCN/import");
        request.addHeader("Referer", "https://progress.example/networks/SCN?imported");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        return (String) errors.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.defaults().including(ErrorAttributeOptions.Include.MESSAGE))
                .get(ErrorMessagesSayWhatToDo.FORM_PAGE);
    }

    private String messageOf(int status, String message) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        if (message != null) {
            request.setAttribute(RequestDispatcher.ERROR_MESSAGE, message);
        }
        return messageOf(request);
    }

    private String messageOf(MockHttpServletRequest request) {
        return (String) errors.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.defaults().including(ErrorAttributeOptions.Include.MESSAGE)).get("message");
    }
}
