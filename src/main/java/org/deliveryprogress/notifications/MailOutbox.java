package org.deliveryprogress.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Empties the outbox every few seconds on every node; the rows each batch locks keep two nodes from sending the same
 * email. Tests turn it off and send the mail themselves, as they run the engine's jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "delivery-progress.mail.outbox.enabled", havingValue = "true", matchIfMissing = true)
class MailOutbox {

    private final Mailer mailer;

    MailOutbox(Mailer mailer) {
        this.mailer = mailer;
    }

    @Scheduled(fixedDelayString = "${delivery-progress.mail.outbox.interval}",
            initialDelayString = "${delivery-progress.mail.outbox.interval}")
    void sendQueued() {
        mailer.sendQueued();
    }
}
