package org.deliveryprogress.forms;

import java.util.EnumSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.deliveryprogress.cycles.CycleStartForm;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.DispatcherType;

/**
 * Puts {@link FormRequestFilter} behind the authentication of both REST APIs, so that it acts as, and sees what, the
 * signed-in user may, and Camunda's CSRF protection has checked a webapp's request before the filter reads it.
 * <p>
 * Camunda's webapps register their filters (authentication, path rules, CSRF) from a servlet context initializer,
 * appended to the end of the chain. A filter registered with a {@code FilterRegistrationBean} goes before all of
 * them, where no user is known yet (see the README's security notice). So this is an auto-configuration that runs
 * after Camunda's, whose initializer appends the filter after Camunda's, and refuses to start the application if
 * they are not there yet. On {@code /engine-rest} the REST API's own authentication ({@code identity/RestApiSecurity})
 * is a filter registration bean, and so comes first anyway.
 */
@AutoConfiguration(after = CamundaBpmWebappAutoConfiguration.class)
class FormsConfiguration {

    /** The names under which Camunda's webapps register the filters that must run first. */
    private static final String[] CAMUNDA_WEBAPP_FILTERS = { "Authentication Filter", "Security Filter",
            "CsrfPreventionFilter" };

    @Bean
    ServletContextInitializer formRequestFilterAfterCamundasFilters(RepositoryService repositoryService,
            IdentityService identityService, CycleStartForm startForm, ObjectMapper objectMapper) {
        return servletContext -> {
            for (String camundaFilter : CAMUNDA_WEBAPP_FILTERS) {
                if (servletContext.getFilterRegistration(camundaFilter) == null) {
                    throw new IllegalStateException("Camunda's '" + camundaFilter + "' is not registered yet: the "
                            + "form filter would run before the webapps know who is signed in.");
                }
            }
            servletContext.addFilter("formRequestFilter", new FormRequestFilter(repositoryService, identityService,
                    startForm, objectMapper))
                    .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/engine-rest/*",
                            "/camunda/api/engine/*");
        };
    }
}
