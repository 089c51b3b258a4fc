package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine's command for a start part way, which only administrators may run (register.AccessRulesTest). */
@DisplayName("A process starts at its start")
class ProcessesStartAtTheirStartTest {

    @Test
    @DisplayName("names the engine's command for a start part way as the engine has it")
    void theCommandExists() throws Exception {
        assertThat(Class.forName("org.camunda.bpm.engine.impl.cmd." + ProcessesStartAtTheirStart.START_PART_WAY))
                .isNotNull();
    }
}
