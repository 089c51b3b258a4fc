package org.deliveryprogress.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@ApplicationTest
@DisplayName("The emails a transaction queues")
class QueuedInTransactionTest {

    @Autowired
    Notifications queue;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    private final String test = UUID.randomUUID().toString();

    @Test
    @DisplayName("are written when it commits, all of them in one statement, in the order they were queued")
    void writtenAtCommitInOneStatement() {
        AtomicLong insertsAtCommit = new AtomicLong();
        transaction.executeWithoutResult(status -> {
            long before = insertsSoFar();
            queueEmail("first");
            queueEmail("second");
            queueEmail("third");
            assertThat(keysQueued()).as("written before the transaction commits").isEmpty();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    insertsAtCommit.set(insertsSoFar() - before);
                }
            });
        });

        assertThat(keysQueued()).containsExactly(key("first"), key("second"), key("third"));
        assertThat(insertsAtCommit).as("insert statements the transaction sent").hasValue(1);
    }

    @Test
    @DisplayName("are not written if it rolls back")
    void notWrittenOnRollback() {
        transaction.executeWithoutResult(status -> {
            queueEmail("rolled back");
            status.setRollbackOnly();
        });

        assertThat(keysQueued()).isEmpty();
    }

    @Test
    @DisplayName("skip a key queued before, in another transaction or the same one, and keep the rest")
    void keysQueuedBeforeAreSkipped() {
        transaction.executeWithoutResult(status -> queueEmail("once", "Sent first"));

        transaction.executeWithoutResult(status -> {
            queueEmail("once", "Queued again");
            queueEmail("new", "New");
            queueEmail("new", "New again");
        });

        assertThat(notifications.findByRecipientOrderByIdAsc("lead")).filteredOn(this::ofThisTest)
                .extracting(Notification::getDedupeKey, Notification::getSubject)
                .containsExactly(tuple(key("once"), "Sent first"),
                        tuple(key("new"), "New"));
    }

    @Test
    @DisplayName("of a transaction of its own inside another are written when that one commits, whatever the outer "
            + "does")
    void anInnerTransactionWritesItsOwn() {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(status -> {
            queueEmail("outer");
            ownTransaction.executeWithoutResult(inner -> queueEmail("inner"));
            assertThat(keysQueued()).as("written when the inner transaction committed").containsExactly(key("inner"));
            status.setRollbackOnly();
        });

        assertThat(keysQueued()).containsExactly(key("inner"));
    }

    @Test
    @DisplayName("keep the time they were queued, and a subject too long shortened")
    void timeAndSubjectAsQueued() {
        Instant queuedFrom = Instant.now();
        transaction.executeWithoutResult(status -> queueEmail("long", "x".repeat(600)));

        Notification email = notifications.findByRecipientOrderByIdAsc("lead").stream().filter(this::ofThisTest)
                .findFirst().orElseThrow();
        assertThat(email.getCreatedAt()).isBetween(queuedFrom.minusSeconds(1), Instant.now());
        assertThat(email.getSubject()).hasSize(500).endsWith("x…");
    }

    @Test
    @DisplayName("refuse a dedupe key longer than its column, which the database would cut short unseen")
    void aKeyTooLongIsRefused() {
        assertThatThrownBy(() -> queue.queue(NotificationKind.CYCLE_CLOSED, key("k".repeat(255)), "lead", "Subject",
                model())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dedupe key");
    }

    private void queueEmail(String name) {
        queueEmail(name, name);
    }

    private void queueEmail(String name, String subject) {
        queue.queue(NotificationKind.CYCLE_CLOSED, key(name), "lead", subject, model());
    }

    private static Map<String, Object> model() {
        return Map.of("cycleReference", "queued", "meetingDate", "today", "noReturn", List.of());
    }

    private String key(String name) {
        return test + ":" + name;
    }

    private boolean ofThisTest(Notification email) {
        return email.getDedupeKey().startsWith(test + ":");
    }

    private List<String> keysQueued() {
        return jdbc.queryForList("SELECT dedupe_key FROM notification WHERE dedupe_key LIKE ? ORDER BY id",
                String.class, test + ":%");
    }

    private long insertsSoFar() {
        return jdbc.queryForObject("SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                + " WHERE VARIABLE_NAME = 'COM_INSERT'", Long.class);
    }
}
