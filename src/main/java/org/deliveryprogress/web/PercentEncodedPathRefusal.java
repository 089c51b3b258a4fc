package org.deliveryprogress.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A path that percent-encodes a letter, a digit or one of {@code - . _ ~} (RFC 3986's unreserved characters, which
 * no browser or HTTP library encodes) is answered 400 before anything else reads it. Such a path means the same as
 * its plain spelling, but the servlet container and Spring decode it at different stages: {@code /c%61munda/...}
 * reached Spring's path parsing as a mismatch between context and request path, and was answered 500. An API's
 * address is refused with problem details ({@link UnreadableApiAddresses}).
 */
@Configuration(proxyBeanMethods = false)
class PercentEncodedPathRefusal {

    private static final Pattern ENCODED_UNRESERVED = Pattern
            .compile("%(3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|2[de]|5f|7e)", Pattern.CASE_INSENSITIVE);

    static boolean encodesAnUnreservedCharacter(String rawPath) {
        return ENCODED_UNRESERVED.matcher(rawPath).find();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> encodedPathsAnsweredBadRequest(ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        if (!encodesAnUnreservedCharacter(request.getRequestURI())) {
                            chain.doFilter(request, response);
                        } else if (UnreadableApiAddresses.isApi(request)) {
                            UnreadableApiAddresses.refuse(request, response, json);
                        } else {
                            response.setStatus(HttpStatus.BAD_REQUEST.value());
                            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
                            response.getWriter().write("Spell the path without percent-encoding: letters, digits"
                                    + " and - . _ ~ are written as themselves.");
                        }
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
