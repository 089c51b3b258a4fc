package org.deliveryprogress.returns;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * An officer's refused completion (a rule broken, or not their task) is a failure to the engine, which logs it at
 * ERROR with its whole stack (ENGINE-16004, some 165 lines, with the officer's words in its message). It is an answer,
 * not a fault: the officer is told what to fix. So the engine's line is left out of the log, and
 * {@link RefusalsUnwrapped} logs one at INFO instead; every other failure the engine logs stays as it is.
 */
@Component
class RefusalsOutOfTheErrorLog extends TurboFilter implements InitializingBean {

    /** Where the engine logs the failure that ends a command. */
    static final String ENGINE_COMMANDS = "org.camunda.bpm.engine.context";

    @Override
    public void afterPropertiesSet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable thrown) {
        if (level != Level.ERROR || logger == null || !ENGINE_COMMANDS.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        // The engine passes the failure as its message's last argument.
        Throwable failure = thrown != null ? thrown
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                        : null;
        return Refusals.in(failure).isPresent() ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
