package org.deliveryprogress.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.QueryHint;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    /**
     * Inserts the notification unless one with its dedupe key was queued before: one statement where a look-up and an
     * insert took two, in every officer's completion that sends an email. Answers the rows inserted, 0 or 1. Two
     * transactions queuing the same key at once both find none, and the second fails on the key's unique constraint
     * when the first commits: its work is rolled back and, retried, finds the first's.
     * <p>
     * Without flushing the session first: Hibernate would otherwise check every entity of the session for changes
     * before a native statement, whose tables it cannot know, and emails are queued in transactions that hold a batch
     * of plans and returns (a twelfth of the main thread's Java time in a 1,000-plan benchmark). The statement touches
     * only notifications, which queuing inserts and never changes, so the flush would add nothing it depends on.
     */
    default int insertUnlessQueued(Notification notification) {
        return insertUnlessQueued(notification.getDedupeKey(), notification.getKind().name(),
                notification.getRecipient(), notification.getEmail(), notification.getSubject(),
                notification.getTextBody(), notification.getHtmlBody(), notification.getState().name(),
                notification.getCreatedAt());
    }

    /**
     * {@link #insertUnlessQueued(Notification)}, its values bound one by one: bound from the notification by SpEL
     * expressions, each expression built its evaluation context anew on every call, most of the Java time of
     * queuing an email.
     */
    @Modifying
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query(value = """
            INSERT INTO notification (dedupe_key, kind, recipient, email, subject, text_body, html_body, state,
                                      created_at)
            SELECT :dedupeKey, :kind, :recipient, :email, :subject, :textBody, :htmlBody, :state, :createdAt FROM DUAL
            WHERE NOT EXISTS (SELECT 1 FROM notification WHERE dedupe_key = :dedupeKey)""", nativeQuery = true)
    int insertUnlessQueued(String dedupeKey, String kind, String recipient, String email, String subject,
            String textBody, String htmlBody, String state, Instant createdAt);

    List<Notification> findByRecipientOrderByIdAsc(String recipient);

    long countByState(Notification.State state);

    /**
     * The oldest queued notifications, locked until the transaction ends; rows another node has locked are skipped,
     * so that two nodes emptying the outbox at once never take the same email (MariaDB 10.6 and later).
     */
    @Query(value = "SELECT * FROM notification WHERE state = 'QUEUED' ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<Notification> lockQueued(@Param("limit") int limit);

    /** Notifications a batch took before {@code before} and never finished with: their node stopped. */
    @Query(value = "SELECT id FROM notification WHERE state = 'SENDING' AND claimed_at < :before ORDER BY id"
            + " LIMIT :limit FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<Long> lockAbandoned(@Param("before") Instant before, @Param("limit") int limit);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.state = org.deliveryprogress.notifications.Notification.State.SENDING,"
            + " n.claimedAt = :at where n.id in :ids")
    void markSending(@Param("ids") Collection<Long> ids, @Param("at") Instant at);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.state = org.deliveryprogress.notifications.Notification.State.SENT,"
            + " n.sentAt = :at where n.id in :ids")
    void markSent(@Param("ids") Collection<Long> ids, @Param("at") Instant at);

    /** Puts notifications a batch took but did not get to back in the queue, for the next batch. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.state = org.deliveryprogress.notifications.Notification.State.QUEUED,"
            + " n.claimedAt = null where n.id in :ids")
    void markQueued(@Param("ids") Collection<Long> ids);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.state = org.deliveryprogress.notifications.Notification.State.RETRYING,"
            + " n.sentAt = null where n.id in :ids")
    void markRetrying(@Param("ids") Collection<Long> ids);

    /**
     * Marks a notification handed to its own process sent, if nothing sent it first: answers 1 if so, 0 if not. One
     * statement, so that two senders can never both take it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.state = org.deliveryprogress.notifications.Notification.State.SENT,"
            + " n.sentAt = :at where n.id = :id"
            + " and n.state = org.deliveryprogress.notifications.Notification.State.RETRYING")
    int markSentIfRetrying(@Param("id") Long id, @Param("at") Instant at);
}
