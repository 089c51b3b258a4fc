package org.deliveryprogress.web;

import org.camunda.bpm.engine.rest.filter.CacheControlFilter;
import org.camunda.bpm.engine.rest.filter.EmptyBodyFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two of Camunda's filters for its webapps' API and pages, which its Spring Boot starters leave them without: the REST
 * starter and the webapp starter each register {@code EmptyBodyFilter} and {@code CacheControlFilter} under those
 * names, only if no filter has the name yet, so the REST starter's, for {@code /engine-rest}, were the only ones. An
 * empty JSON body then reached the webapps' API as no body at all (a 500, where {@code /engine-rest} reads it as
 * {@code {}}), and what an officer read there carried no {@code Cache-Control: no-cache}, so a shared office computer's
 * browser could show it again from its cache. They are registered here under names of their own, on the paths the
 * webapp starter gives them.
 */
@Configuration
@ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", matchIfMissing = true)
class WebappsFilters {

    private final String webapps;

    WebappsFilters(CamundaBpmProperties camunda) {
        this.webapps = camunda.getWebapp().getApplicationPath();
    }

    @Bean
    FilterRegistrationBean<EmptyBodyFilter> webappsEmptyBody() {
        FilterRegistrationBean<EmptyBodyFilter> registration = new FilterRegistrationBean<>(new EmptyBodyFilter());
        registration.addUrlPatterns(webapps + "/api/*", webapps + "/app/*");
        registration.setName("Webapps EmptyBodyFilter");
        return registration;
    }

    @Bean
    FilterRegistrationBean<CacheControlFilter> webappsCacheControl() {
        FilterRegistrationBean<CacheControlFilter> registration =
                new FilterRegistrationBean<>(new CacheControlFilter());
        registration.addUrlPatterns(webapps + "/api/*", webapps + "/app/*", webapps + "/assets/*");
        registration.setName("Webapps CacheControlFilter");
        return registration;
    }
}
