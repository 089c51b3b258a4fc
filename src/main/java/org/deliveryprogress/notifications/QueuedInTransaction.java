package org.deliveryprogress.notifications;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The emails one transaction queues, written to the outbox together just before it commits: one statement of many
 * rows, however many there are, where a batch of 100 returns opening queued 200 one by one. One statement, not a JDBC
 * batch: MariaDB's driver sends a batch of two rows or more as a bulk statement, which the server prepares first (a
 * round trip of its own), and starts another at a row with an address after a first row without one. Kept as a
 * synchronization of the transaction, so that a transaction of its own started inside it (REQUIRES_NEW) keeps its
 * emails apart, and a transaction rolled back writes none.
 * <p>
 * {@code INSERT IGNORE} skips an email whose dedupe key was queued before, in this transaction or another, and waits
 * for a transaction queuing the same key at once rather than failing when it commits. It would also turn other
 * errors into warnings; none can arise here: the table has no foreign key, no column a notification leaves null is
 * NOT NULL, and {@link Notification} fits its values to their columns.
 */
final class QueuedInTransaction implements TransactionSynchronization {

    private static final String INSERT = """
            INSERT IGNORE INTO notification (dedupe_key, kind, recipient, email, subject, model, state, created_at)
            VALUES\s""";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

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
        // Registered with its first email: there is at least one.
        jdbc.update(INSERT + String.join(", ", Collections.nCopies(queued.size(), ROW)), row -> {
            int column = 0;
            for (Notification email : queued) {
                row.setString(++column, email.getDedupeKey());
                row.setString(++column, email.getKind().name());
                row.setString(++column, email.getRecipient());
                row.setString(++column, email.getEmail());
                row.setString(++column, email.getSubject());
                row.setString(++column, email.getModel());
                row.setString(++column, email.getState().name());
                // In UTC, as Hibernate writes an Instant to a DATETIME column (the outbox reads them back with it).
                row.setObject(++column, LocalDateTime.ofInstant(email.getCreatedAt(), ZoneOffset.UTC));
            }
        });
    }
}
