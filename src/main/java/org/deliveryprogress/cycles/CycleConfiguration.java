package org.deliveryprogress.cycles;

import org.deliveryprogress.shared.ReadableDates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CycleConfiguration {

    /** Dates and times are shown in the time zone the cycles' deadlines fall in. */
    @Bean
    ReadableDates readableDates(CycleProperties properties) {
        return new ReadableDates(properties.timeZone());
    }
}
