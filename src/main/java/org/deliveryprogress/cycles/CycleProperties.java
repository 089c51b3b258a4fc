package org.deliveryprogress.cycles;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How cycles run: how many plans are opened or closed per transaction, and at what local time of day, in the
 * partnership's time zone, a deadline falls. The time zone is also the one dates and times are shown in.
 */
@ConfigurationProperties("delivery-progress.cycle")
public record CycleProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("Europe/London") ZoneId timeZone,
        @DefaultValue("17:00") LocalTime deadlineTime) {
}
