package org.deliveryprogress.identity;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
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
import jakarta.servlet.http.HttpSession;

/**
 * Camunda Admin's plugin API ({@code /camunda/api/admin/plugin/{plugin}/{engine}/...}) answers administrators alone.
 * Camunda lets any signed-in user of the engine call it, and its one community resource, the metrics its system page
 * counts by month ({@code adminPlugins/{engine}/metrics/aggregated}: process instances, decisions, task users), reads
 * the engine's tables through Camunda's query service, past the check on the engine's metrics commands
 * ({@link MetricsForAdministrators}): an officer could read every network's counts through Tasklist's session. A
 * plugin's static files ({@code .../static/...}), which Camunda serves to anyone, are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class AdminPluginsForAdministrators {

    static final String PLUGIN_API = "/camunda/api/admin/plugin/";

    private static final String STATIC = "static";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> adminPluginsRefusedToOthers(ProcessEngine engine,
            ObjectMapper objectMapper) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        String userId = refusedUser(request, engine.getName());
                        if (userId == null) {
                            chain.doFilter(request, response);
                            return;
                        }
                        response.setStatus(HttpStatus.FORBIDDEN.value());
                        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                        objectMapper.writeValue(response.getOutputStream(), Map.of("type",
                                "AuthorizationException", "message", refusal(userId)));
                    }
                });
        registration.addUrlPatterns(PLUGIN_API + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static String refusal(String userId) {
        return userId + " may not use Camunda Admin's plugins, such as its metrics: they count the work of every "
                + "network; only administrators may.";
    }

    /**
     * The user signed in to the webapps who is not an administrator, where the request is for a plugin's resource
     * rather than its static files; null otherwise (no one signed in is refused by Camunda itself). The path is the
     * container's, decoded and without path parameters, which is what the plugin's resource is matched by.
     */
    private static String refusedUser(HttpServletRequest request, String engineName) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        List<String> segments = path.startsWith(PLUGIN_API) ? Arrays.stream(path.substring(PLUGIN_API.length())
                .split("/")).filter(segment -> !segment.isEmpty()).toList() : List.of();
        if (segments.size() > 1 && STATIC.equals(segments.get(1))) {
            return null;
        }
        HttpSession session = request.getSession(false);
        Authentication signedIn = session == null ? null
                : AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        if (!(signedIn instanceof UserAuthentication user) || isAdmin(user)) {
            return null;
        }
        return user.getIdentityId();
    }

    private static boolean isAdmin(UserAuthentication user) {
        return new Viewer(user.getIdentityId(), user.getGroupIds() == null ? Set.of() : Set.copyOf(user.getGroupIds()))
                .isAdmin();
    }
}
