package org.deliveryprogress.engine;

import java.util.function.Predicate;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Leaves out of the log the engine's lines for a kind of failure that the application tells in a line of its own:
 * the engine logs the failure that ends a command at ERROR with its whole stack (ENGINE-16004, some 165 lines), and a
 * job's once more at WARN (ENGINE-14006), each with the failure as its message's last argument. Every other line of
 * the engine's stays as it is. A subclass says which failures it tells itself.
 */
public abstract class EngineFailuresLeftOut extends TurboFilter implements InitializingBean {

    /** Where the engine logs the failure that ends a command. */
    public static final String ENGINE_COMMANDS = "org.camunda.bpm.engine.context";
    /** Where the engine logs a job's failure. */
    public static final String JOB_EXECUTOR = "org.camunda.bpm.engine.jobexecutor";

    /** Whether the application tells this failure itself, so that the engine's lines for it are left out. */
    protected abstract boolean toldByTheApplication(Throwable failure);

    /** Whether the failure is, or was caused by, one of the kind: the engine wraps what its callers throw. */
    protected static boolean causedBy(Throwable failure, Predicate<Throwable> kind) {
        return ExceptionUtils.getThrowableList(failure).stream().anyMatch(kind);
    }

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
        boolean enginesFailureLine = logger != null && (level == Level.ERROR && ENGINE_COMMANDS.equals(logger.getName())
                || level == Level.WARN && JOB_EXECUTOR.equals(logger.getName()));
        if (!enginesFailureLine) {
            return FilterReply.NEUTRAL;
        }
        Throwable failure = thrown != null ? thrown
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                        : null;
        return failure != null && toldByTheApplication(failure) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
