package org.deliveryprogress.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.deliveryprogress.engine.AsApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
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
 * A batch's emails are marked as being sent, and that committed, before the mail server is asked; then each is
 * marked sent, in a transaction of its own, as soon as the server has taken it. A node that stops in between leaves
 * the rest of its batch marked as being sent: after {@code abandoned-after} those emails are handed to their own
 * processes and sent again, so an officer may get the one email that was on its way twice then, but never none. A
 * batch takes no more emails once it has run for half of {@code abandoned-after} and puts the rest back in the queue,
 * so that no live node is still sending an email that another node takes as abandoned. An email's own process
 * takes it the same way: marked as being sent (committed) before the server is asked, marked sent once it has taken
 * it. So a job retried after the server took the email (its commit failed, say) does not send it again, and one whose
 * node stopped while the server had it leaves it to be handed over as abandoned and sent again, not marked sent.
 */
@Component
public class Mailer {

    static final String RETRY_PROCESS = "sendNotification";
    static final String NOTIFICATION_ID = "notificationId";

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final NotificationRepository notifications;
    private final JavaMailSenderImpl mailSender;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TransactionTemplate ownTransaction;
    private final MailRenderer renderer;
    private final Clock clock;
    private final String from;
    private final int batchSize;
    private final Duration abandonedAfter;

    Mailer(NotificationRepository notifications, JavaMailSenderImpl mailSender, RuntimeService runtimeService,
            IdentityService identityService, PlatformTransactionManager transactions,
            MailRenderer renderer, Clock clock,
            @Value("${delivery-progress.mail.from}") String from,
            @Value("${delivery-progress.mail.outbox.batch-size}") int batchSize,
            @Value("${delivery-progress.mail.outbox.abandoned-after}") Duration abandonedAfter) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.renderer = renderer;
        this.clock = clock;
        this.from = from;
        this.batchSize = batchSize;
        this.abandonedAfter = abandonedAfter;
    }

    /** What one batch did: how many emails it took from the outbox, and how many of them the mail server took. */
    public record Batch(int taken, int sent) {
    }

    /**
     * Hands emails a stopped node left half-sent to their own processes, then sends what is queued, batch after
     * batch, until the outbox is empty; answers how many the server took.
     */
    public int sendQueued() {
        handOverAbandoned();
        int sent = 0;
        Batch batch;
        while ((batch = sendNextBatch()).taken() > 0) {
            sent += batch.sent();
        }
        return sent;
    }

    /** Sends the oldest queued emails, one batch of them. */
    public Batch sendNextBatch() {
        List<Notification> batch = ownTransaction.execute(status -> {
            List<Notification> queued = notifications.lockQueued(batchSize);
            if (!queued.isEmpty()) {
                notifications.markSending(idsOf(queued), clock.instant());
            }
            return queued;
        });
        return batch.isEmpty() ? new Batch(0, 0) : new Batch(batch.size(), send(batch));
    }

    /** Sends one email the outbox handed over (or that was queued before the outbox, with its own process). */
    void send(Long notificationId) {
        Notification notification = ownTransaction.execute(status ->
                notifications.markSendingIfRetrying(notificationId, clock.instant()) == 0 ? null
                        : notifications.findById(notificationId).orElseThrow());
        if (notification == null) {
            return;
        }
        try {
            mailSender.send(message(notification));
        } catch (MessagingException | RuntimeException e) {
            ownTransaction.executeWithoutResult(status -> notifications.markRetrying(List.of(notificationId)));
            String notSent = whyNotSent(e) + " email " + notificationId + " (" + notification.getKind() + ") to "
                    + notification.getRecipient() + ": " + e.getMessage();
            log.warn("{}; its process tries again, and ends in an incident when its tries are spent", notSent);
            throw new MailNotSentException(notSent, e);
        }
        ownTransaction.executeWithoutResult(status -> notifications.markSent(List.of(notificationId),
                clock.instant()));
    }

    /** Sends the batch's emails one by one over one connection; answers how many the server took. */
    private int send(List<Notification> batch) {
        Instant stopTaking = clock.instant().plus(abandonedAfter.dividedBy(2));
        int sent = 0;
        try (MailServerConnection server = new MailServerConnection(mailSender)) {
            for (int i = 0; i < batch.size(); i++) {
                if (!clock.instant().isBefore(stopTaking)) {
                    List<Long> rest = idsOf(batch.subList(i, batch.size()));
                    log.warn("Sending a batch of email took too long: {} emails go back to the queue", rest.size());
                    ownTransaction.executeWithoutResult(status -> notifications.markQueued(rest));
                    break;
                }
                try {
                    server.connectIfClosed();
                } catch (MessagingException e) {
                    List<Long> rest = idsOf(batch.subList(i, batch.size()));
                    log.warn("The mail server cannot be reached, {} emails to be retried: {}", rest.size(),
                            e.getMessage());
                    ownTransaction.executeWithoutResult(status -> handOver(rest));
                    break;
                }
                if (send(server, batch.get(i))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Sends one email of a batch, and records at once whether the server took it. */
    private boolean send(MailServerConnection server, Notification notification) {
        List<Long> id = List.of(notification.getId());
        try {
            server.send(message(notification));
        } catch (MessagingException | RuntimeException e) {
            log.warn("{} email {} ({}) to {}, to be retried by its own process: {}", whyNotSent(e),
                    notification.getId(), notification.getKind(), notification.getRecipient(), e.getMessage());
            ownTransaction.executeWithoutResult(status -> handOver(id));
            return false;
        }
        ownTransaction.executeWithoutResult(status -> notifications.markSent(id, clock.instant()));
        return true;
    }

    private void handOverAbandoned() {
        ownTransaction.executeWithoutResult(status -> {
            List<Long> abandoned = notifications.lockAbandoned(clock.instant().minus(abandonedAfter), batchSize);
            if (!abandoned.isEmpty()) {
                log.warn("Emails {} were being sent by a node that stopped: each is sent again by its own process",
                        abandoned);
                handOver(abandoned);
            }
        });
    }

    private void handOver(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        notifications.markRetrying(ids);
        for (Long id : ids) {
            // The retry process is the application's own: started with no user, whichever thread empties the outbox.
            AsApplication.run(identityService, () -> runtimeService.createProcessInstanceByKey(RETRY_PROCESS)
                    .businessKey("notification-" + id)
                    .setVariable(NOTIFICATION_ID, id)
                    .execute());
        }
    }

    /** The mail server's refusal, or an email that could not be rendered from its model. */
    private static String whyNotSent(Exception e) {
        return e instanceof MessagingException || e instanceof MailException ? "The mail server did not take"
                : "Could not render";
    }

    private static List<Long> idsOf(Collection<Notification> batch) {
        return batch.stream().map(Notification::getId).toList();
    }

    private MimeMessage message(Notification notification) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(notification.getEmail());
        helper.setSubject(notification.getSubject());
        MailRenderer.Bodies bodies = renderer.bodiesOf(notification);
        helper.setText(bodies.text(), bodies.html());
        message.setHeader("X-Delivery-Progress-Notification", notification.getDedupeKey());
        return message;
    }
}
