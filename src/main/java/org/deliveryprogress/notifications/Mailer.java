package org.deliveryprogress.notifications;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a queued notification once. It is marked sent, and that committed, before the mail server is asked: a job
 * retried after the server took the message (the job's own commit failed, say) finds it sent and does not send it
 * again. If the server refuses or cannot be reached, the mark is taken back and the job fails, to be retried.
 */
@Component
class Mailer {

    private final NotificationRepository notifications;
    private final JavaMailSender mailSender;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String from;

    Mailer(NotificationRepository notifications, JavaMailSender mailSender, PlatformTransactionManager transactions,
            Clock clock, @Value("${delivery-progress.mail.from}") String from) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
    }

    void send(Long notificationId) {
        Notification notification = ownTransaction.execute(status -> {
            Notification queued = notifications.findById(notificationId).orElseThrow();
            if (queued.getState() != Notification.State.QUEUED) {
                return null;
            }
            queued.markSent(clock.instant());
            return queued;
        });
        if (notification == null) {
            return;
        }
        try {
            mailSender.send(message(notification));
        } catch (MailException | MessagingException e) {
            ownTransaction.executeWithoutResult(
                    status -> notifications.findById(notificationId).orElseThrow().markQueued());
            throw new IllegalStateException("The mail server did not take '" + notification.getSubject() + "' for "
                    + notification.getEmail() + ": " + e.getMessage(), e);
        }
    }

    private MimeMessage message(Notification notification) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(notification.getEmail());
        helper.setSubject(notification.getSubject());
        helper.setText(notification.getTextBody(), notification.getHtmlBody());
        message.setHeader("X-Delivery-Progress-Notification", notification.getDedupeKey());
        return message;
    }
}
