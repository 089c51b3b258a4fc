package org.deliveryprogress.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Emails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

/**
 * The outbox keeps an email's model, and the email is rendered from it as it is sent (GreenMail receives it): the
 * transaction that queues an email renders nothing.
 */
@ApplicationTest
@DisplayName("An email, rendered when it is sent")
class RenderedWhenSentTest {

    @Autowired
    GreenMail smtp;
    @Autowired
    Mailer mailer;
    @Autowired
    Notifications queue;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TransactionTemplate transaction;

    private final String key = UUID.randomUUID().toString();

    @BeforeEach
    void emptyTheOutbox() throws FolderException {
        // Other tests share the application and leave mail queued.
        mailer.sendQueued();
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    @DisplayName("is queued as its model, and sent as its templates rendered with it, lists and maps included")
    void queuedAsItsModelAndRenderedWhenSent() throws Exception {
        queue.queue(NotificationKind.CYCLE_CLOSED, key, "lead", subject("closed"), Map.of("cycleReference",
                "SCN-2027-Q1", "meetingDate", "Friday 29 January 2027", "noReturn",
                List.of(Map.of("reference", "CS-9", "title", "Safer streets", "leadOfficer", "Gareth Penhallow"))));

        Notification queued = notifications.findByRecipientOrderByIdAsc("lead").stream()
                .filter(notification -> notification.getDedupeKey().equals(key)).findFirst().orElseThrow();
        assertThat(queued.getTextBody()).as("nothing rendered when queued").isNull();
        assertThat(queued.getHtmlBody()).isNull();
        assertThat(queued.getModel()).contains("SCN-2027-Q1", "Safer streets");

        assertThat(mailer.sendQueued()).isEqualTo(1);
        MimeMessage email = received(subject("closed")).orElseThrow();
        assertThat(Emails.text(email)).as("the text, rendered from the model").contains("Dear Gareth Penhallow,",
                "The SCN-2027-Q1 cycle closed before the network meeting of Friday 29 January 2027.",
                "- CS-9 Safer streets (lead officer: Gareth Penhallow)");
        assertThat(Emails.html(email)).as("the HTML, from the same model").contains("SCN-2027-Q1", "Safer streets");
    }

    @Test
    @DisplayName("queued before emails kept their model, is sent with the bodies it was queued with")
    void queuedWithItsBodiesIsSentWithThem() throws Exception {
        insert(key, null, "Rendered when queued.", "<p>Rendered when queued.</p>", subject("old"));

        assertThat(mailer.sendQueued()).isEqualTo(1);
        MimeMessage email = received(subject("old")).orElseThrow();
        assertThat(Emails.text(email)).isEqualTo("Rendered when queued.");
        assertThat(Emails.html(email)).isEqualTo("<p>Rendered when queued.</p>");
    }

    @Test
    @DisplayName("that cannot be rendered fails alone: the rest of its batch is sent, and it goes to its retries")
    void oneThatCannotBeRenderedFailsAlone() throws Exception {
        long broken = insert(key + ":broken", "{not a model", null, null, subject("broken"));
        queue.queue(NotificationKind.CYCLE_CLOSED, key + ":fine", "lead", subject("fine"),
                Map.of("cycleReference", "SCN-2027-Q1", "meetingDate", "today", "noReturn", List.of()));

        assertThat(mailer.sendQueued()).isEqualTo(1);
        assertThat(received(subject("fine"))).isPresent();
        assertThat(received(subject("broken"))).isEmpty();
        assertThat(notifications.findById(broken).orElseThrow().getState()).isEqualTo(Notification.State.RETRYING);
        // Its retries would end in an incident; this test's own broken email is not left to other tests' jobs.
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("notification-" + broken).list()
                .forEach(retry -> runtimeService.deleteProcessInstance(retry.getId(), "test over"));
    }

    private long insert(String dedupeKey, String model, String textBody, String htmlBody, String subject) {
        transaction.executeWithoutResult(status -> jdbc.update("INSERT INTO notification (dedupe_key, kind, "
                + "recipient, email, subject, model, text_body, html_body, state, created_at) VALUES (?, "
                + "'CYCLE_CLOSED', 'lead', 'lead@example.org', ?, ?, ?, ?, 'QUEUED', ?)", dedupeKey, subject, model,
                textBody, htmlBody, Timestamp.from(Instant.now())));
        return jdbc.queryForObject("SELECT id FROM notification WHERE dedupe_key = ?", Long.class, dedupeKey);
    }

    private Optional<MimeMessage> received(String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> subject.equals(Emails.subject(message)))
                .findFirst();
    }

    private String subject(String which) {
        return "Rendered when sent " + key + " " + which;
    }
}
