package org.deliveryprogress.notifications;

import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The emails one transaction queues, written to the outbox together just before it commits: one statement however
 * many there are (MariaDB's driver sends a batch of inserts as one bulk statement, and starts another only where a
 * row has an address after a first row without one), where a batch of 100 returns opening queued 200 one by one.
 * Kept as a synchronization of the transaction, so that a transaction of its own started inside it (REQUIRES_NEW)
 * keeps its emails apart, and a transaction rolled back writes none.
 * <p>
 * {@code INSERT IGNORE} skips an email whose dedupe key was queued before, in this transaction or another, and waits
 * for a transaction queuing the same key at once rather than failing when it commits. It would also turn other
 * errors into warnings; none can arise here: the table has no foreign key, no column a notification leaves null is
 * NOT NULL, and {@link Notification} fits its values to their columns.
 */
final class QueuedInTransaction implements TransactionSynchronization {

    private static final String INSERT = """
            INSERT IGNORE INTO notification (dedupe_key, kind, recipient, email, subject, model, state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final List<Notification> queued = new ArrayList<>();

    private QueuedInTransaction(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the email in the current transaction, which must be active. */
    static void add(Notification notification, JdbcTemplate jdbc) {
        TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(QueuedInTransaction.class::isInstance).map(QueuedInTransaction.class::cast).findFirst()
                .orElseGet(() -> {
                    QueuedInTransaction emails = new QueuedInTransaction(jdbc);
                    TransactionSynchronizationManager.registerSynchronization(emails);
                    return emails;
                })
                .queued.add(notification);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        jdbc.batchUpdate(INSERT, queued, queued.size(), (PreparedStatement row, Notification email) -> {
            row.setString(1, email.getDedupeKey());
            row.setString(2, email.getKind().name());
            row.setString(3, email.getRecipient());
            row.setString(4, email.getEmail());
            row.setString(5, email.getSubject());
            row.setString(6, email.getModel());
            row.setString(7, email.getState().name());
            // In UTC, as Hibernate writes an Instant to a DATETIME column (the outbox reads them back with it).
            row.setObject(8, LocalDateTime.ofInstant(email.getCreatedAt(), ZoneOffset.UTC));
        });
    }
}
