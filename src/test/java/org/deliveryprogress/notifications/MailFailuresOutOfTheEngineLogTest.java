package org.deliveryprogress.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.deliveryprogress.engine.EngineFailuresLeftOut;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

@DisplayName("An email its process could not send, in the log")
class MailFailuresOutOfTheEngineLogTest {

    private final MailFailuresOutOfTheEngineLog filter = new MailFailuresOutOfTheEngineLog();
    private final LoggerContext logback = new LoggerContext();

    @Test
    @DisplayName("is told by the mailer alone: the engine's command and job lines for it are left out")
    void theEnginesLinesAreLeftOut() {
        ProcessEngineException notSent = new ProcessEngineException("ENGINE-03051", new MailNotSentException(
                "The mail server did not take email 12 (REMINDER): Connection refused", null));

        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR, notSent)).isEqualTo(FilterReply.DENY);
        assertThat(decide(EngineFailuresLeftOut.JOB_EXECUTOR, Level.WARN, notSent)).isEqualTo(FilterReply.DENY);
    }

    @Test
    @DisplayName("leaves every other failure of a job in the log")
    void otherFailuresStay() {
        ProcessEngineException packFailed = new ProcessEngineException("The pack could not be drawn",
                new IllegalStateException("Problem reading font data"));

        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR, packFailed))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(EngineFailuresLeftOut.JOB_EXECUTOR, Level.WARN, packFailed)).isEqualTo(FilterReply.NEUTRAL);
    }

    /** As the engine logs a failure: a message with the failure as its last argument. */
    private FilterReply decide(String logger, Level level, Throwable failure) {
        return filter.decide(null, logback.getLogger(logger), level, "ENGINE-16004 {}",
                new Object[] { failure.getMessage(), failure }, null);
    }
}
