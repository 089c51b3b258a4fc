package org.deliveryprogress.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

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

    /**
     * Deletes the emails about the given tasks not sent yet: queued, or retried by a process of their own, which then
     * finds none and ends. A task's emails have its id after their kind in their dedupe key ("assigned:{task}:...").
     */
    @Modifying
    @Query(value = "DELETE FROM notification WHERE state IN ('QUEUED', 'RETRYING')"
            + " AND SUBSTRING_INDEX(SUBSTRING_INDEX(dedupe_key, ':', 2), ':', -1) IN (:taskIds)", nativeQuery = true)
    int deleteUnsentAboutTasks(@Param("taskIds") Collection<String> taskIds);

    /** Deletes up to {@code limit} emails sent, or never sent for want of an address, before the instant. */
    @Modifying
    @Query(value = "DELETE FROM notification WHERE state IN ('SENT', 'NO_ADDRESS') AND created_at < :before"
            + " ORDER BY id LIMIT :limit", nativeQuery = true)
    int deleteSentBefore(@Param("before") Instant before, @Param("limit") int limit);

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
     * Marks a notification handed to its own process as being sent, if nothing took it first: answers 1 if so, 0 if
     * not. One statement, so that two senders can never both take it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.state = org.deliveryprogress.notifications.Notification.State.SENDING,"
            + " n.claimedAt = :at where n.id = :id"
            + " and n.state = org.deliveryprogress.notifications.Notification.State.RETRYING")
    int markSendingIfRetrying(@Param("id") Long id, @Param("at") Instant at);
}
