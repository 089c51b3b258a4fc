package org.deliveryprogress.notifications;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByDedupeKey(String dedupeKey);

    List<Notification> findByState(Notification.State state);

    List<Notification> findByRecipientOrderByIdAsc(String recipient);
}
