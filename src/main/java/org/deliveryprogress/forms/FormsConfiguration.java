package org.deliveryprogress.forms;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.deliveryprogress.cycles.CycleStartForm;
import org.deliveryprogress.returns.ReturnForms;
import org.deliveryprogress.returns.SubmissionRules;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class FormsConfiguration {

    /** Runs after Camunda's authentication filters, so that it acts as, and sees what, the signed-in user may. */
    @Bean
    FilterRegistrationBean<FormRequestFilter> formRequestFilter(TaskService taskService,
            RepositoryService repositoryService, IdentityService identityService, ReturnForms returnForms,
            SubmissionRules rules, CycleStartForm startForm, ObjectMapper objectMapper) {
        FilterRegistrationBean<FormRequestFilter> registration = new FilterRegistrationBean<>(new FormRequestFilter(
                taskService, repositoryService, identityService, returnForms, rules, startForm, objectMapper));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
