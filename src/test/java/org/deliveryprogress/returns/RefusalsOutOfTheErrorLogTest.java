package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.deliveryprogress.engine.EngineFailuresLeftOut;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The engine's ERROR for an officer's refused completion, or for a BPMN error or escalation thrown from a return's
 * task, is left out of the log; its other failures are not.
 */
class RefusalsOutOfTheErrorLogTest {

    private final RefusalsOutOfTheErrorLog filter = new RefusalsOutOfTheErrorLog();
    private final LoggerContext logback = new LoggerContext();

    @Test
    void aRefusalTheEngineLogsAsItsFailureIsLeftOut() {
        ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 Exception while invoking "
                + "TaskListener", new SubmissionRejectedException(List.of("Red status needs a comment.")));
        ProcessEngineException notTheirs = new ProcessEngineException("ENGINE-03051",
                new NotYourTaskException("Only the judging officer judges this return."));

        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR, wrapped))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR, notTheirs))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void aBpmnErrorOrEscalationThrownFromATaskIsLeftOut() {
        ProcessEngineException error = new ProcessEngineException("ENGINE-13033 Propagation of bpmn error x failed. ");
        ProcessEngineException escalation = new ProcessEngineException("ENGINE-02043 Execution with id "
                + "'Task_SubmitUpdate' throws an escalation event with escalationCode 'x', but no escalation handler "
                + "was defined. ");

        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR, error)).isEqualTo(FilterReply.DENY);
        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR, escalation))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void everyOtherFailureIsLoggedAsBefore() {
        ProcessEngineException mailDown = new ProcessEngineException("The mail server did not take the email",
                new IllegalStateException("Connection refused"));
        ProcessEngineException refusal = new ProcessEngineException("ENGINE-03051",
                new SubmissionRejectedException(List.of("Red status needs a comment.")));

        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.ERROR, mailDown))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.deliveryprogress.returns", Level.ERROR, refusal)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(EngineFailuresLeftOut.ENGINE_COMMANDS, Level.WARN, refusal))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    /** As the engine logs a command's failure: a message with the failure as its last argument. */
    private FilterReply decide(String logger, Level level, Throwable failure) {
        return filter.decide(null, logback.getLogger(logger), level, "ENGINE-16004 {}",
                new Object[] { failure.getMessage(), failure }, null);
    }
}
