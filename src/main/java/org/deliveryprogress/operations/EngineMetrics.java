package org.deliveryprogress.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The engine's own metrics as Prometheus counters of this node: jobs acquired, executed successfully, failed,
 * rejected for want of a thread, activities started and so on, named {@code camunda_<engine's name>_total} (such as
 * {@code camunda_job_successful_total}). The engine counts them in its metrics registry and writes them to its
 * database every 15 minutes, clearing its counts, for Cockpit; this registry counts each occurrence into Micrometer as
 * well, where counts only grow, as Prometheus expects.
 */
@Component
class EngineMetrics extends AbstractProcessEnginePlugin {

    private final MeterRegistry meterRegistry;

    EngineMetrics(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setMetricsRegistry(new CountingMetricsRegistry(meterRegistry));
    }

    /** The engine's registry, with a Micrometer counter beside each of its meters. */
    private static final class CountingMetricsRegistry extends MetricsRegistry {

        private final MeterRegistry meterRegistry;
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        CountingMetricsRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
        }

        @Override
        public void createMeter(String name) {
            super.createMeter(name);
            count(name);
        }

        @Override
        public void createDbMeter(String name) {
            super.createDbMeter(name);
            count(name);
        }

        private void count(String name) {
            counters.computeIfAbsent(name, meter -> Counter.builder("camunda." + meter.replace('-', '.'))
                    .description("The engine's " + meter + " metric, counted on this node since it started")
                    .register(meterRegistry));
        }

        @Override
        public void markOccurrence(String name, long times) {
            super.markOccurrence(name, times);
            Counter counter = counters.get(name);
            if (counter != null) {
                counter.increment(times);
            }
        }
    }
}
