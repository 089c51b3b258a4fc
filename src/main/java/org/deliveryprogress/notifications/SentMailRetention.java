package org.deliveryprogress.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the emails sent (and those never sent for want of an address) once they are older than
 * {@code keep-sent-for}: each holds an officer's name, address and what the email told them, which nothing reads
 * once its cycle is over; their dedupe keys name one task, return or cycle, and guard nothing a year on. Queued and
 * retried emails stay until they are sent. Every node runs it each night; a delete takes rows in batches, each in a
 * transaction of its own, so that the outbox is never locked for long, and two nodes at once delete each row once.
 */
@Component
@EnableScheduling
class SentMailRetention {

    private static final Logger log = LoggerFactory.getLogger(SentMailRetention.class);
    private static final int BATCH = 1_000;

    private final NotificationRepository notifications;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration keepSentFor;

    SentMailRetention(NotificationRepository notifications, PlatformTransactionManager transactions, Clock clock,
            @Value("${delivery-progress.mail.keep-sent-for}") Duration keepSentFor) {
        this.notifications = notifications;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.keepSentFor = keepSentFor;
    }

    /** Deletes the emails sent before {@code keep-sent-for} ago; answers how many. */
    @Scheduled(cron = "${delivery-progress.mail.delete-sent-at}")
    int deleteExpired() {
        Instant before = clock.instant().minus(keepSentFor);
        int deleted = 0;
        int batch;
        do {
            batch = transaction.execute(status -> notifications.deleteSentBefore(before, BATCH));
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            log.info("Deleted {} emails sent before {}", deleted, before);
        }
        return deleted;
    }
}
