package org.deliveryprogress.notifications;

import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Empties the outbox. Queued emails go in batches, each over one connection to the mail server: the officers' work
 * only wrote a row, and a thousand reminders cost a few statements each, not a process instance each. An email its
 * batch could not send is handed to a sendNotification process of its own, whose job is retried and ends in a
 * Cockpit incident when the mail server stays down.
 * <p>
 * Every email is marked sent, and that committed, before the mail server is asked: a node that dies after the server
 * took the message, or a job retried after its commit failed, finds it sent and does not send it again (a node that
 * dies between the two loses the email: never sending twice is the promise). If the server refuses it or cannot be
 * reached, the mark is taken back.
 */
@Component
public class Mailer {

    static final String RETRY_PROCESS = "sendNotification";
    static final String NOTIFICATION_ID = "notificationId";

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final NotificationRepository notifications;
    private final JavaMailSender mailSender;
    private final RuntimeService runtimeService;
    private final UserDirectory directory;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String from;
    private final int batchSize;

    Mailer(NotificationRepository notifications, JavaMailSender mailSender, RuntimeService runtimeService,
            UserDirectory directory, PlatformTransactionManager transactions, Clock clock,
            @Value("${delivery-progress.mail.from}") String from,
            @Value("${delivery-progress.mail.outbox.batch-size:100}") int batchSize) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.runtimeService = runtimeService;
        this.directory = directory;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
        this.batchSize = batchSize;
    }

    /** Sends what is queued, batch after batch, until the outbox is empty; answers how many the server took. */
    public int sendQueued() {
        int sent = 0;
        List<Notification> batch;
        while (!(batch = takeBatch()).isEmpty()) {
            sent += sendBatch(batch);
        }
        return sent;
    }

    /** Sends one email the outbox handed over, or that an older version queued with its own process. */
    void send(Long notificationId) {
        Notification notification = ownTransaction.execute(status -> {
            Notification waiting = notifications.findById(notificationId).orElseThrow();
            if (!waiting.isWaitingToBeSent()) {
                return null;
            }
            waiting.markSent(clock.instant());
            return waiting;
        });
        if (notification == null) {
            return;
        }
        try {
            mailSender.send(message(notification));
        } catch (MailException | MessagingException e) {
            ownTransaction.executeWithoutResult(
                    status -> notifications.findById(notificationId).orElseThrow().markRetrying());
            throw new IllegalStateException("The mail server did not take '" + notification.getSubject() + "' for "
                    + notification.getEmail() + ": " + e.getMessage(), e);
        }
    }

    private List<Notification> takeBatch() {
        return ownTransaction.execute(status -> {
            List<Notification> batch = notifications.lockQueued(batchSize);
            if (!batch.isEmpty()) {
                notifications.markSent(batch.stream().map(Notification::getId).toList(), clock.instant());
            }
            return batch;
        });
    }

    private int sendBatch(List<Notification> batch) {
        Map<MimeMessage, Notification> messages = new IdentityHashMap<>();
        Map<Notification, Exception> failed = new LinkedHashMap<>();
        for (Notification notification : batch) {
            try {
                messages.put(message(notification), notification);
            } catch (MessagingException e) {
                failed.put(notification, e);
            }
        }
        try {
            if (!messages.isEmpty()) {
                mailSender.send(messages.keySet().toArray(MimeMessage[]::new));
            }
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((message, cause) -> failed.put(messages.get(message), cause));
        } catch (MailException e) {
            messages.values().forEach(notification -> failed.put(notification, e));
        }
        if (!failed.isEmpty()) {
            handOver(failed);
        }
        return batch.size() - failed.size();
    }

    private void handOver(Map<Notification, Exception> failed) {
        failed.forEach((notification, cause) -> log.warn("The mail server did not take '{}' for {}, to be retried: {}",
                notification.getSubject(), notification.getEmail(), cause.getMessage()));
        List<Long> ids = failed.keySet().stream().map(Notification::getId).toList();
        ownTransaction.executeWithoutResult(status -> {
            notifications.markRetrying(ids);
            for (Long id : ids) {
                directory.asApplication(() -> runtimeService.createProcessInstanceByKey(RETRY_PROCESS)
                        .businessKey("notification-" + id)
                        .setVariable(NOTIFICATION_ID, id)
                        .execute());
            }
        });
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
