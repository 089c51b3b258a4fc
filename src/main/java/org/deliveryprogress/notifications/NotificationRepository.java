package org.deliveryprogress.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByDedupeKey(String dedupeKey);

    List<Notification> findByRecipientOrderByIdAsc(String recipient);

    /**
     * The oldest queued notifications, locked until the transaction ends; rows another node has locked are skipped,
     * so that two nodes emptying the outbox at once never take the same email.
     */
    @Query(value = "SELECT * FROM notification WHERE state = 'QUEUED' ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<Notification> lockQueued(@Param("limit") int limit);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.state = org.deliveryprogress.notifications.Notification.State.SENT,"
            + " n.sentAt = :at where n.id in :ids")
    void markSent(@Param("ids") Collection<Long> ids, @Param("at") Instant at);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.state = org.deliveryprogress.notifications.Notification.State.RETRYING,"
            + " n.sentAt = null where n.id in :ids")
    void markRetrying(@Param("ids") Collection<Long> ids);
}
