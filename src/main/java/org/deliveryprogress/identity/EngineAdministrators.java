package org.deliveryprogress.identity;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The engine's administrators as the engine names them: its admin users and the members of its admin groups. */
final class EngineAdministrators {

    private EngineAdministrators() {
    }

    static boolean include(ProcessEngineConfigurationImpl configuration, Authentication user) {
        return configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId())
                || user.getGroupIds() != null && configuration.getAdminGroups() != null
                        && user.getGroupIds().stream().anyMatch(configuration.getAdminGroups()::contains);
    }
}
