package org.deliveryprogress.engine;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The application's answers to failures that Camunda's REST APIs answer with a 500 though the request was the
 * caller's mistake, or with Jackson's words in plain text (a body that cannot be read), added beside Camunda's own
 * exception mappers, which answer every other failure as before. Both of Camunda's APIs have them:
 * {@code /engine-rest} (Spring Boot's Jersey application) and the webapps' API ({@code /camunda/api/engine}, which
 * Tasklist and Cockpit call).
 */
@Configuration
class EngineRestAnswers implements ResourceConfigCustomizer {

    /** The name under which Camunda's starter registers the webapps' API, unless a servlet has it already. */
    private static final String WEBAPPS_ENGINE_API = "Engine Api";

    /** The failure answered with the status and the body Camunda gives any failure: its type and words. */
    static Response answer(Response.Status status, Throwable failure) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ExceptionHandlerHelper.getInstance().fromException(failure)).build();
    }

    static Set<Object> answers() {
        return Set.of(new WrappedMistakes(), new TakenTasksAsConflicts(), new MissingTasksNotFound(),
                new UnreadableBodies.NotJson(), new UnreadableBodies.NotOfItsShape());
    }

    @Override
    public void customize(ResourceConfig config) {
        answers().forEach(config::register);
    }

    /**
     * The webapps' API as Camunda's starter registers it, with the answers: registered first under the name the starter
     * gives it ({@code CamundaBpmWebappInitializer}), which then leaves it, as it leaves any servlet it finds.
     */
    @Bean
    // Only beside the webapps, whose filters (their sign-in, CSRF check, engine) guard it as they guard Camunda's own.
    @ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", matchIfMissing = true)
    ServletRegistrationBean<ServletContainer> webappsEngineApi(CamundaBpmProperties camunda) {
        ServletRegistrationBean<ServletContainer> api = new ServletRegistrationBean<>(new ServletContainer(),
                camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        api.setName(WEBAPPS_ENGINE_API);
        api.addInitParameter("jakarta.ws.rs.Application", WebappsEngineApi.class.getName());
        api.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return api;
    }

    /** Camunda's application of the webapps' API, with the answers. Jersey makes it by its name: it must be public. */
    public static class WebappsEngineApi extends EngineRestApplication {

        @Override
        public Set<Object> getSingletons() {
            Set<Object> singletons = new HashSet<>(super.getSingletons());
            singletons.addAll(answers());
            return singletons;
        }
    }
}
