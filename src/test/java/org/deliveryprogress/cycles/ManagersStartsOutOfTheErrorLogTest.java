package org.deliveryprogress.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.deliveryprogress.engine.EngineFailuresLeftOut;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

@DisplayName("A refused start of a cycle in the engine's log")
class ManagersStartsOutOfTheErrorLogTest {

    private final ManagersStartsOutOfTheErrorLog filter = new ManagersStartsOutOfTheErrorLog();
    private final LoggerContext logback = new LoggerContext();

    @Test
    @DisplayName("is left out when a manager's start was refused, which the application logs itself")
    void aManagersRefusedStartIsLeftOut() {
        CycleRejectedException refused = new CycleRejectedException("The cycle SCN-2027-01-13 is still open")
                .toAManager();

        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR, refused)).isEqualTo(FilterReply.DENY);
        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR,
                new ProcessEngineException("Cannot instantiate", refused))).isEqualTo(FilterReply.DENY);
    }

    @Test
    @DisplayName("stays when the schedule's start was refused: its job failed")
    void theSchedulesRefusedStartStays() {
        CycleRejectedException refused = new CycleRejectedException("The meeting of 2027-01-13 is too close");

        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR, refused))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(EngineFailuresLeftOut.JOB_EXECUTOR, Level.WARN, refused)).isEqualTo(FilterReply.NEUTRAL);
    }

    /** As the engine logs a command's failure: a message with the failure as its last argument. */
    private FilterReply decide(String logger, Level level, Throwable failure) {
        return filter.decide(null, logback.getLogger(logger), level, "ENGINE-16004 {}",
                new Object[] { failure.getMessage(), failure }, null);
    }
}
