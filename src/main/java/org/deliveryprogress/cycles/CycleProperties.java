package org.deliveryprogress.cycles;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How cycles run: how many plans are opened or closed per transaction, and at what local time of day a deadline
 * falls.
 */
@ConfigurationProperties("delivery-progress.cycle")
record CycleProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("Europe/London") ZoneId timeZone,
        @DefaultValue("17:00") LocalTime deadlineTime) {
}
