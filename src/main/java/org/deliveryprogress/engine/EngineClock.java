package org.deliveryprogress.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The application's clock is the engine's, so that deadlines, timers and records agree when a test moves the engine
 * clock through a cycle.
 */
@Component
class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock() {
        this(ZoneOffset.UTC);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
