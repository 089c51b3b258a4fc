package org.deliveryprogress.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@ApplicationTest
@DisplayName("Emails sent")
class SentMailRetentionTest {

    @Autowired
    SentMailRetention retention;
    @Autowired
    Notifications queue;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${delivery-progress.mail.keep-sent-for}")
    Duration keepSentFor;

    private final String test = UUID.randomUUID().toString();

    @Test
    @DisplayName("are deleted once older than they are kept for, as are those never sent for want of an address; "
            + "those still to be sent stay, however old")
    void sentEmailsOlderThanTheyAreKeptForAreDeleted() {
        Instant tooOld = Instant.now().minus(keepSentFor).minus(Duration.ofDays(1));
        Instant keptStill = Instant.now().minus(keepSentFor).plus(Duration.ofDays(1));
        queueAs("sent-too-old", "SENT", tooOld);
        queueAs("no-address-too-old", "NO_ADDRESS", tooOld);
        queueAs("sent-kept-still", "SENT", keptStill);
        queueAs("queued-too-old", "QUEUED", tooOld);
        queueAs("retrying-too-old", "RETRYING", tooOld);

        assertThat(retention.deleteExpired()).isEqualTo(2);

        assertThat(jdbc.queryForList("SELECT dedupe_key FROM notification WHERE dedupe_key LIKE ? ORDER BY id",
                String.class, test + ":%")).containsExactly(test + ":sent-kept-still", test + ":queued-too-old",
                        test + ":retrying-too-old");
    }

    private void queueAs(String name, String state, Instant createdAt) {
        transaction.executeWithoutResult(status -> queue.queue(NotificationKind.CYCLE_CLOSED, test + ":" + name,
                "lead", name, Map.of("cycleReference", name, "meetingDate", "today", "noReturn", List.of())));
        transaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE notification SET state = ?, created_at = ? WHERE dedupe_key = ?", state,
                Timestamp.from(createdAt), test + ":" + name));
    }
}
