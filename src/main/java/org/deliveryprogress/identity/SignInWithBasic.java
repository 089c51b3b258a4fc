package org.deliveryprogress.identity;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request to the API (or the operations endpoints) that signs in as no one, or with a wrong user id or password: a
 * 401 asking for HTTP Basic ({@code WWW-Authenticate}), with a problem detail that says which of the two it was and
 * what to send, as the API's other refusals do. Without credentials it was a 401 with no body and no
 * {@code WWW-Authenticate}; with wrong ones Spring Boot's error format, "Unauthorized".
 */
final class SignInWithBasic implements AuthenticationEntryPoint {

    static final String REALM = "Delivery Progress";

    static final String NO_CREDENTIALS = "Sign in: send your user id and password (those you sign in to Tasklist "
            + "with) by HTTP Basic with every request, as curl -u sends them. The API keeps no session.";

    static final String WRONG_CREDENTIALS = "The user id or password is wrong: check them and send the request again. "
            + "After a wrong password the right one is refused too for a few seconds, longer after each wrong one, up "
            + "to a minute.";

    private final ObjectMapper json;

    SignInWithBasic(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                refusal instanceof BadCredentialsException ? WRONG_CREDENTIALS : NO_CREDENTIALS);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
