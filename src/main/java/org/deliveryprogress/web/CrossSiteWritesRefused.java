package org.deliveryprogress.web;

import java.io.IOException;
import java.util.Set;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request that would change something through an API, sent by a page of another site, is refused before anyone
 * signs it in. The APIs take HTTP Basic, and a browser that has been asked for a user and password once (opening
 * {@code /api/me}, say) sends them again with every request to the application, a form posted from another site's
 * page included: such a form retired a plan and rewrote a network's register with the manager's rights, and a
 * multipart form can create a deployment on {@code /engine-rest}; on the webapps' API, Camunda answers a post
 * without its CSRF token by ending the session, which signed the officer out of everything. Programs (curl, scripts)
 * send no Origin, and the application's own pages (Swagger UI, Tasklist) send their own.
 * <p>
 * The browser says where a request comes from in {@code Sec-Fetch-Site}; a browser that does not (before 2023, or
 * on plain HTTP to another machine) is judged by its {@code Origin}, against the address the request came to.
 */
@Configuration(proxyBeanMethods = false)
class CrossSiteWritesRefused {

    static final String REFUSAL = "A request from another site's page may not change anything here: send it from "
            + "a program (curl, a script) or from the application's own pages.";

    private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    static boolean fromAnotherSite(HttpServletRequest request) {
        if (READING_METHODS.contains(request.getMethod())) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null ? !OWN_SITE.contains(site) : CorsUtils.isCorsRequest(request);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> crossSiteWritesRefusedOnTheApis(ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        if (fromAnotherSite(request)) {
                            ProblemResponse.send(request, response, json,
                                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, REFUSAL));
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/api/*", "/actuator/*", "/engine-rest/*", "/camunda/api/*");
        // Inside the observation filter (HIGHEST_PRECEDENCE + 1), so that the request metrics count a refusal.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
