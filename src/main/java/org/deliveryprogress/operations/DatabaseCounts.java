package org.deliveryprogress.operations;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.deliveryprogress.engine.AsApplication;
import org.deliveryprogress.notifications.Notification;
import org.deliveryprogress.notifications.NotificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges of what waits in the database, the same on every node: the engine's open incidents (jobs whose retries are
 * spent, waiting for someone in Cockpit) and the mail outbox's emails by state. They are read in the background every
 * few seconds rather than when Prometheus asks, so that a scrape answers at once while the database is unreachable
 * (the pool would make it wait 30 seconds per gauge); they then have no value (NaN) until the database answers again.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DatabaseCounts {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCounts.class);

    /** The outbox's states that mean "not delivered yet": waiting, being sent, or handed to a process of its own. */
    private static final List<Notification.State> WAITING = List.of(Notification.State.QUEUED,
            Notification.State.SENDING, Notification.State.RETRYING);

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final NotificationRepository notifications;
    private final AtomicReference<Double> openIncidents = new AtomicReference<>(Double.NaN);
    private final Map<Notification.State, AtomicReference<Double>> outbox = new EnumMap<>(Notification.State.class);

    DatabaseCounts(RuntimeService runtimeService, IdentityService identityService,
            NotificationRepository notifications, MeterRegistry meterRegistry) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.notifications = notifications;
        Gauge.builder("camunda.incidents.open", openIncidents, AtomicReference::get)
                .description("Incidents open in the engine (all nodes): jobs whose retries are spent")
                .register(meterRegistry);
        for (Notification.State state : WAITING) {
            AtomicReference<Double> count = new AtomicReference<>(Double.NaN);
            outbox.put(state, count);
            Gauge.builder("delivery.progress.mail.outbox", count, AtomicReference::get)
                    .tag("state", state.name().toLowerCase())
                    .description("Emails not delivered yet (all nodes), by state").register(meterRegistry);
        }
    }

    @Scheduled(fixedDelayString = "${delivery-progress.metrics.database-counts-every}")
    void read() {
        try {
            // Every incident, whoever may see it: the gauge is the installation's, not a user's.
            openIncidents.set((double) AsApplication.run(identityService,
                    () -> runtimeService.createIncidentQuery().count()));
            outbox.forEach((state, count) -> count.set((double) notifications.countByState(state)));
        } catch (RuntimeException e) {
            log.warn("The gauges read from the database have no value until it answers: {}", e.getMessage());
            openIncidents.set(Double.NaN);
            outbox.values().forEach(count -> count.set(Double.NaN));
        }
    }
}
