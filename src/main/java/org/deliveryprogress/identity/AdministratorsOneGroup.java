package org.deliveryprogress.identity;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Administrators are the members of {@value Groups#ADMINS}, alike in the engine's own checks (its admin groups and
 * users), in the checks the application adds to the engine's commands and in its pages and API ({@link
 * Viewer#isAdmin}). The engine's configuration may name other admin users or groups (its generic properties, Camunda's
 * {@code AdministratorAuthorizationPlugin}): one named there would be an administrator to Camunda's webapps and not to
 * the application, so the start is refused instead.
 */
@Component
class AdministratorsOneGroup extends AbstractProcessEnginePlugin {

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** After every plugin's {@code postInit}, where Camunda's own plugin adds the administrators it names. */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        List<String> users = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
        List<String> groups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
        if (!users.isEmpty() || !Set.copyOf(groups).equals(Set.of(Groups.ADMINS))) {
            throw new IllegalStateException("Administrators are the members of the group " + Groups.ADMINS
                    + " alone, but the engine's configuration names the admin users " + users + " and the admin groups "
                    + groups + ": make them members of " + Groups.ADMINS + " instead, and leave adminUsers and "
                    + "adminGroups unset.");
        }
    }
}
