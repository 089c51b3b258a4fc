package org.deliveryprogress.notifications;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * An email to an officer, queued in the same transaction as the work that caused it and sent later: the table is the
 * outbox that {@link Mailer} empties.
 */
@Entity
public class Notification {

    public enum State {
        /** Waiting for the outbox's next batch. */
        QUEUED,
        /** Taken by a batch, being sent. */
        SENDING,
        /** Its batch could not send it: a sendNotification process retries it alone, and ends in an incident. */
        RETRYING,
        SENT,
        /** The officer has no email address in their profile: logged and shown to the manager, never sent. */
        NO_ADDRESS
    }

    private static final int DEDUPE_KEY_LENGTH = 255;
    private static final int SUBJECT_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String dedupeKey;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    private String recipient;
    private String email;
    private String subject;
    /** What its templates are rendered with when it is sent, as JSON ({@link MailRenderer}). */
    private String model;
    /** Rendered when it was queued, before emails kept their model; null since. */
    private String textBody;
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    private State state;

    private Instant createdAt;
    private Instant claimedAt;
    private Instant sentAt;

    protected Notification() {
    }

    /**
     * Its values fit their columns, since the outbox is written with {@code INSERT IGNORE}, which would cut them
     * short unseen ({@link QueuedInTransaction}): a subject too long is shortened here, visibly; a dedupe key too long
     * is a mistake in the code that made it. Recipient and address come from the engine's users, whose columns are
     * no longer than these.
     */
    Notification(String dedupeKey, NotificationKind kind, String recipient, String email, String subject,
            String model, Instant createdAt) {
        if (dedupeKey.length() > DEDUPE_KEY_LENGTH) {
            throw new IllegalArgumentException("A dedupe key longer than " + DEDUPE_KEY_LENGTH + ": " + dedupeKey);
        }
        this.dedupeKey = dedupeKey;
        this.kind = kind;
        this.recipient = recipient;
        this.email = email;
        this.subject = subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH - 1) + "…";
        this.model = model;
        this.createdAt = createdAt;
        this.state = email == null || email.isBlank() ? State.NO_ADDRESS : State.QUEUED;
    }

    public Long getId() {
        return id;
    }

    public String getDedupeKey() {
        return dedupeKey;
    }

    public NotificationKind getKind() {
        return kind;
    }

    String getRecipient() {
        return recipient;
    }

    String getEmail() {
        return email;
    }

    public String getSubject() {
        return subject;
    }

    public String getModel() {
        return model;
    }

    String getTextBody() {
        return textBody;
    }

    String getHtmlBody() {
        return htmlBody;
    }

    public State getState() {
        return state;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
