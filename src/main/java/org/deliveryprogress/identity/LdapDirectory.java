package org.deliveryprogress.identity;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * With the {@code ldap} profile users and groups come from a directory, read-only: the engine neither creates nor
 * changes them, so the administrators' group and each network's manager group must exist there. The settings are
 * the plugin's own properties under {@code delivery-progress.ldap}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
class LdapDirectory {

    @Bean
    @ConfigurationProperties("delivery-progress.ldap")
    LdapIdentityProviderPlugin ldapIdentityProvider() {
        return new LdapIdentityProviderPlugin();
    }

    /**
     * Camunda's starter grants administrators' rights only to its {@code admin-user}, whom it would create, which a
     * read-only directory forbids: the directory's administrators' group gets them instead. Its name is not a
     * setting, because the application's own pages and API know administrators by that same name.
     */
    @Bean
    AdministratorAuthorizationPlugin directoryAdministrators() {
        AdministratorAuthorizationPlugin administrators = new AdministratorAuthorizationPlugin();
        administrators.setAdministratorGroupName(Groups.ADMINS);
        return administrators;
    }
}
