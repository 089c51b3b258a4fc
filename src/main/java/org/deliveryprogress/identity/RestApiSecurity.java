package org.deliveryprogress.identity;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API answers only to Camunda users, by HTTP Basic; the engine's authorizations then apply to them. The
 * password is checked on every request, the user's groups and tenants come from {@link KeptIdentities}.
 */
@Configuration(proxyBeanMethods = false)
class RestApiSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication(KeptIdentities identities) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new MembershipsKeptFilter(identities));
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    private static final class MembershipsKeptFilter extends ProcessEngineAuthenticationFilter {

        private final KeptIdentities identities;

        MembershipsKeptFilter(KeptIdentities identities) {
            this.identities = identities;
        }

        @Override
        protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
            return identities.membershipsOf(userId).groups();
        }

        @Override
        protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
            return identities.membershipsOf(userId).tenants();
        }
    }
}
