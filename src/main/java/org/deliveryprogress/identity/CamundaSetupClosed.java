package org.deliveryprogress.identity;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda Admin's setup, which lets anyone who reaches it create the first administrator while there is none, is
 * closed: an installation's first administrator comes from its environment ({@code CAMUNDA_BPM_ADMINUSER_ID} and
 * {@code _PASSWORD}) or its directory, and an installation started without them would otherwise belong to its first
 * visitor.
 */
@Configuration(proxyBeanMethods = false)
class CamundaSetupClosed {

    static final String REFUSAL = "Camunda's setup is closed: the first administrator comes from the environment "
            + "(CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD) or from the directory.";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> camundaSetupRefused() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        response.setStatus(HttpStatus.FORBIDDEN.value());
                        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
                        response.getWriter().write(REFUSAL);
                    }
                });
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
