package org.deliveryprogress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

/** The engine's ERROR for a task it cannot find is left out of the log; a missing anything else is not. */
class EndedTasksOutOfTheErrorLogTest {

    private final EndedTasksOutOfTheErrorLog filter = new EndedTasksOutOfTheErrorLog();
    private final LoggerContext logback = new LoggerContext();

    @Test
    void aTaskThatNoLongerExistsIsLeftOut() {
        assertThat(decide(new NullValueException("Cannot find task with id 42: task is null")))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void everyOtherFailureIsLoggedAsBefore() {
        assertThat(decide(new NullValueException("Cannot find execution with id 42: execution is null")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(new ProcessEngineException("Cannot find task with id 42: task is null")))
                .as("not the engine's check that it found the task").isEqualTo(FilterReply.NEUTRAL);
    }

    /** As the engine logs a command's failure: a message with the failure as its last argument. */
    private FilterReply decide(Throwable failure) {
        return filter.decide(null, logback.getLogger(EngineFailuresLeftOut.ENGINE_COMMANDS), Level.ERROR,
                "ENGINE-16004 {}", new Object[] { failure.getMessage(), failure }, null);
    }
}
