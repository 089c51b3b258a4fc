package org.deliveryprogress.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.support.Emails;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

/**
 * PUBLIC_URL written with a slash at its end, as an address often is: the emails' links have one slash before their
 * path, not two, which the application refuses (400) as a URL not normalised.
 */
@ApplicationTest
@DisplayName("Emails' links, with PUBLIC_URL ending in a slash")
class PublicUrlLinksTest {

    private static final String WITH_A_SLASH = "https://progress.example.org/";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    UserDirectory directory;
    @Autowired
    MailRenderer renderer;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Mailer mailer;
    @Autowired
    GreenMail smtp;

    @Test
    @DisplayName("have one slash before their path, in the links made and in the emails' templates")
    void oneSlashBeforeThePath() throws Exception {
        Notifications queue = new Notifications(jdbc, notifications, directory, renderer, clock, WITH_A_SLASH);
        String subject = "Links " + UUID.randomUUID();

        assertThat(queue.taskUrl("t1")).isEqualTo("https://progress.example.org/tasks/t1");
        assertThat(queue.tasklistUrl()).isEqualTo("https://progress.example.org/camunda/app/tasklist/default/");
        assertThat(queue.planHistoryUrl("CC-NI1")).isEqualTo("https://progress.example.org/plans/CC-NI1/history");

        transaction.executeWithoutResult(status -> queue.queue(NotificationKind.MISSING_ADDRESS, subject, "lead",
                subject, Map.of("officer", "judge", "officerName", "Judge", "missedSubject", "a task")));
        mailer.sendQueued();
        MimeMessage email = Arrays.stream(smtp.getReceivedMessages())
                .filter(received -> subject.equals(Emails.subject(received))).findFirst().orElseThrow();
        assertThat(Emails.text(email))
                .contains("https://progress.example.org/camunda/app/admin/default/#/users/judge?tab=profile");
    }
}
