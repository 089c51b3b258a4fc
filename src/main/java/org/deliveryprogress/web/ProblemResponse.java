package org.deliveryprogress.web;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A refusal in problem details, answered by a filter before the API's controllers (and {@link ApiProblems}) run. */
final class ProblemResponse {

    private ProblemResponse() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
            ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
