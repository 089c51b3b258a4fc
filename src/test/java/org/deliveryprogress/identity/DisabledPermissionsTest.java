package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
@DisplayName("The engine's disabled permissions")
class DisabledPermissionsTest {

    @Autowired
    ProcessEngine engine;

    /**
     * Cockpit 7.24's plugin queries read the list inverted (AbstractCockpitPluginResource.isPermissionDisabled calls
     * every permission not in it disabled): with any entry, a network's manager saw every network's returns in
     * Cockpit. Tried with UPDATE_TASK on 4 December 2026 and caught by TasklistJourneyTest.
     */
    @Test
    @DisplayName("are none: any would turn off Cockpit's authorization of its own queries")
    void none() {
        assertThat(engine.getProcessEngineConfiguration().getDisabledPermissions()).isEmpty();
    }
}
