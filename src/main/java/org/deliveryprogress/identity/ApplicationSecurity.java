package org.deliveryprogress.identity;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.metrics.MetricsEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may reach what. Camunda's webapps and its REST API keep their own authentication (and the engine's
 * authorizations), so Spring Security leaves them alone. The application's JSON API under /api takes HTTP Basic on
 * every request and keeps no session; its pages take a sign-in form and a session, with CSRF protection, and share
 * the sign-in with Camunda's webapps ({@link SharedSignIn}). The operations endpoints under /actuator take HTTP Basic
 * the same way: health is public, for load balancers (its details only for administrators), the metrics for
 * administrators and the metrics' readers (Prometheus), and the rest for administrators alone.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSecurity {

    @Bean
    WebSecurityCustomizer camundaKeepsItsOwnSecurity() {
        return web -> web.ignoring().requestMatchers("/camunda/**", "/engine-rest/**");
    }

    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http, CamundaUsers users, ObjectMapper json) throws Exception {
        return statelessBasic(http.securityMatcher(EndpointRequest.toAnyEndpoint()), users, json)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.to(PrometheusScrapeEndpoint.class, MetricsEndpoint.class))
                        .hasAnyAuthority(Groups.ADMINS, Groups.METRICS_READERS)
                        .anyRequest().hasAuthority(Groups.ADMINS))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, CamundaUsers users, ObjectMapper json) throws Exception {
        return statelessBasic(http.securityMatcher("/api/**"), users, json)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }

    private static HttpSecurity statelessBasic(HttpSecurity http, CamundaUsers users, ObjectMapper json)
            throws Exception {
        SignInWithBasic signIn = new SignInWithBasic(json);
        return http.authenticationProvider(users)
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signIn))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless and Basic only: no session for a forged cross-site request to ride on. The password a
                // browser keeps once asked for it would be one: web/CrossSiteWritesRefused refuses such requests.
                .csrf(csrf -> csrf.disable());
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, CamundaUsers users, SharedSignIn signIn) throws Exception {
        return http
                .authenticationProvider(users)
                // Who is signed in is kept by Camunda's webapps in the session, not by Spring Security (SharedSignIn).
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .addFilterAfter(signIn.signedInByCamunda(), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // The icon too: a browser asks for /favicon.ico on any page, the sign-in page included.
                        .requestMatchers("/", "/login", "/error", "/css/**", "/favicon.ico", "/favicon.svg",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // The demo's mail page shows everyone's mail.
                        .requestMatchers("/mail").hasAuthority(Groups.ADMINS)
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").permitAll().successHandler(signIn.signInToCamunda()))
                .exceptionHandling(errors -> {
                    FormsSentSignedOut formsSentSignedOut = new FormsSentSignedOut();
                    errors.accessDeniedHandler(formsSentSignedOut).authenticationEntryPoint(formsSentSignedOut);
                })
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .build();
    }
}
