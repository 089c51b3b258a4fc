package org.deliveryprogress.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Emails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;

/**
 * A batch of the outbox on its way to the mail server (GreenMail), held up at one email by the server: what is
 * recorded by then is what a node killed at that moment leaves behind.
 */
@ApplicationTest
class OutboxBatchTest {

    private static final int EMAILS = 5;
    /** The email the server holds up, the third of the batch. */
    private static final int HELD = 3;

    @Autowired
    GreenMail smtp;
    @Autowired
    Mailer mailer;
    @Autowired
    Notifications queue;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TransactionTemplate transaction;
    @Value("${delivery-progress.mail.outbox.abandoned-after}")
    Duration abandonedAfter;

    private final String batch = UUID.randomUUID().toString();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);
    private MessageDeliveryHandler delivery;

    @BeforeEach
    void queueEmailsAndHoldTheThird() throws FolderException {
        // Other tests share the application and leave mail queued: sent now, this test's batch holds only its own.
        mailer.sendQueued();
        smtp.purgeEmailFromAllMailboxes();
        for (int i = 1; i <= EMAILS; i++) {
            queue.queue(NotificationKind.CYCLE_CLOSED, batch + ":" + i, "lead", subject(i),
                    Map.of("cycleReference", "outbox", "meetingDate", "today", "noReturn", List.of()));
        }
        delivery = smtp.getUserManager().getMessageDeliveryHandler();
        smtp.getUserManager().setMessageDeliveryHandler((message, address) -> {
            if (message.getMessage().getSubject().equals(subject(HELD))) {
                held.countDown();
                awaitQuietly(letGo);
            }
            return delivery.handle(message, address);
        });
    }

    @AfterEach
    void restoreServerAndClock() {
        letGo.countDown();
        smtp.getUserManager().setMessageDeliveryHandler(delivery);
        ClockUtil.reset();
    }

    @Test
    void eachEmailIsMarkedSentAsSoonAsTheServerTookItSoAKilledNodeLeavesOnlyTheOneOnItsWayToBeSentTwice()
            throws Exception {
        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> sent = node.submit(() -> mailer.sendNextBatch().sent());
            assertThat(held.await(30, TimeUnit.SECONDS)).as("the server received the third email").isTrue();

            assertThat(states()).as("what a node killed now would leave").containsExactly(
                    Notification.State.SENT, Notification.State.SENT,
                    Notification.State.SENDING, Notification.State.SENDING, Notification.State.SENDING);

            letGo.countDown();
            assertThat(sent.get(30, TimeUnit.SECONDS)).isEqualTo(EMAILS);
        } finally {
            node.shutdown();
        }
        assertThat(states()).containsOnly(Notification.State.SENT);
        assertThat(receivedSubjects()).containsExactly(subject(1), subject(2), subject(3), subject(4), subject(5));
    }

    @Test
    void aBatchStillSendingAtHalfTheAbandonedTimePutsWhatItHasNotSentBackInTheQueue() throws Exception {
        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> sent = node.submit(() -> mailer.sendNextBatch().sent());
            assertThat(held.await(30, TimeUnit.SECONDS)).as("the server received the third email").isTrue();
            ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant()
                    .plus(abandonedAfter.dividedBy(2))));
            letGo.countDown();

            assertThat(sent.get(30, TimeUnit.SECONDS)).as("emails the batch sent").isEqualTo(HELD);
        } finally {
            node.shutdown();
        }
        assertThat(states()).containsExactly(Notification.State.SENT, Notification.State.SENT,
                Notification.State.SENT, Notification.State.QUEUED, Notification.State.QUEUED);

        mailer.sendQueued();
        assertThat(states()).containsOnly(Notification.State.SENT);
        assertThat(receivedSubjects()).containsExactly(subject(1), subject(2), subject(3), subject(4), subject(5));
    }

    @Test
    @DisplayName("an email sent again by its own process is being sent while the server has it, so a node killed "
            + "then leaves it to be handed over and sent again; once sent, a retried job does not send it twice")
    void anEmailOfItsOwnProcessIsMarkedSentOnlyOnceTheServerTookIt() throws Exception {
        Long heldEmail = notifications.findByRecipientOrderByIdAsc("lead").stream()
                .filter(notification -> notification.getDedupeKey().equals(batch + ":" + HELD)).findFirst()
                .orElseThrow().getId();
        transaction.executeWithoutResult(status -> notifications.markRetrying(List.of(heldEmail)));
        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            Future<?> job = node.submit(() -> mailer.send(heldEmail));
            assertThat(held.await(30, TimeUnit.SECONDS)).as("the server received the email").isTrue();
            assertThat(notifications.findById(heldEmail).orElseThrow().getState())
                    .as("what a node killed now would leave: handed over once abandoned, not taken for sent")
                    .isEqualTo(Notification.State.SENDING);
            letGo.countDown();
            job.get(30, TimeUnit.SECONDS);
        } finally {
            node.shutdown();
        }
        assertThat(notifications.findById(heldEmail).orElseThrow().getState()).isEqualTo(Notification.State.SENT);
        mailer.send(heldEmail);
        assertThat(receivedSubjects()).as("sent once, the retried job finding it sent").containsExactly(subject(HELD));
    }

    private List<Notification.State> states() {
        return notifications.findByRecipientOrderByIdAsc("lead").stream()
                .filter(notification -> notification.getDedupeKey().startsWith(batch))
                .map(Notification::getState).toList();
    }

    private List<String> receivedSubjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(Emails::subject)
                .filter(subject -> subject.startsWith("Outbox batch " + batch)).toList();
    }

    private String subject(int email) {
        return "Outbox batch " + batch + " email " + email;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
