package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Administrators are the members of camunda-admin, to the engine as to the application")
class AdministratorsOneGroupTest {

    @Test
    @DisplayName("the engine's own administrators' group, named once or twice, starts")
    void theEnginesOwnGroupStarts() {
        assertThatCode(() -> startWith(List.of(), List.of(Groups.ADMINS, Groups.ADMINS))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("an admin user the application would not know as one stops the start, saying what to do")
    void anAdminUserStopsTheStart() {
        assertThatThrownBy(() -> startWith(List.of("alice"), List.of(Groups.ADMINS)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admin users [alice]").hasMessageContaining("members of camunda-admin instead");
    }

    @Test
    @DisplayName("another admin group stops the start")
    void anotherAdminGroupStopsTheStart() {
        assertThatThrownBy(() -> startWith(List.of(), List.of(Groups.ADMINS, "directory-admins")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("directory-admins");
    }

    private static void startWith(List<String> adminUsers, List<String> adminGroups) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        AdministratorsOneGroup plugin = new AdministratorsOneGroup();
        plugin.preInit(configuration);
        configuration.setAdminUsers(new ArrayList<>(adminUsers));
        configuration.setAdminGroups(new ArrayList<>(adminGroups));
        plugin.postProcessEngineBuild(null);
    }
}
