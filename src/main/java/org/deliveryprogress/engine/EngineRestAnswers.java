package org.deliveryprogress.engine;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The application's answers to failures that Camunda's REST API ({@code /engine-rest}, Spring Boot's Jersey
 * application) answers with a 500 though the request was the caller's mistake, added beside Camunda's own exception
 * mappers, which answer every other failure as before.
 */
@Component
class EngineRestAnswers implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(new FormRefusalsAsBadRequests());
        config.register(new TakenTasksAsConflicts());
        config.register(new MissingJobsAsNotFound());
    }
}
