package org.deliveryprogress.web;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request that fails because the database cannot be reached is answered 503 with {@code Retry-After}: try again,
 * rather than a 500 that says something is broken. Whatever wrapped the failure on its way (Spring's
 * {@code CannotCreateTransactionException} or {@code DataAccessResourceFailureException}, Hibernate, the engine's
 * {@code ProcessEngineException}), its cause is the driver's or the pool's: a connection that could not be had
 * ({@link SQLTransientConnectionException}, the pool's 30 seconds spent), could not be made or was lost
 * ({@link SQLNonTransientConnectionException}), or any SQL state of class 08, "connection exception".
 * <p>
 * The filter is outside Spring Security and Camunda's filters, which ask the database to check a password, so it
 * answers the application's API and pages, signing in, and Camunda's REST API, whose password check comes first.
 * Inside, Camunda's REST and webapp APIs answer their own failures (500). API clients get a problem detail; browsers
 * a page that needs nothing from the database.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

    /** Seconds: the pool has already waited 30 for a connection, so asking again sooner gains nothing. */
    private static final String RETRY_AFTER_SECONDS = "30";

    static final String DETAIL = "The database cannot be reached just now, so the request could not be completed."
            + " Try again in a minute; if it was a change, check afterwards whether it was made.";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Try again in a minute – Delivery Progress</title>
            <link rel="stylesheet" href="%s/css/site.css"></head>
            <body><main id="content"><h1>Try again in a minute</h1><p>%s</p></main></body>
            </html>
            """;

    /** The connection failure at the root of {@code failure}, if that is what it is. */
    private static Optional<SQLException> connectionFailure(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream()
                .filter(SQLException.class::isInstance).map(SQLException.class::cast)
                .filter(sql -> sql instanceof SQLTransientConnectionException
                        || sql instanceof SQLNonTransientConnectionException
                        || sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                .findFirst();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageAnsweredTryAgain(ObjectMapper objectMapper) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        try {
                            chain.doFilter(request, response);
                        } catch (ServletException | IOException | RuntimeException e) {
                            Optional<SQLException> outage = connectionFailure(e);
                            if (outage.isEmpty() || response.isCommitted()) {
                                throw e;
                            }
                            log.warn("{} {} answered 503, the database cannot be reached: {}", request.getMethod(),
                                    request.getRequestURI(), outage.get().getMessage());
                            answerTryAgain(request, response, objectMapper);
                        }
                    }
                });
        // Inside the observation filter (HIGHEST_PRECEDENCE + 1), so that the request metrics count a 503.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    private static void answerTryAgain(HttpServletRequest request, HttpServletResponse response,
            ObjectMapper objectMapper) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(PAGE.formatted(HtmlUtils.htmlEscape(request.getContextPath()),
                    HtmlUtils.htmlEscape(DETAIL)));
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle("Database unavailable");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getWriter(), problem);
    }
}
