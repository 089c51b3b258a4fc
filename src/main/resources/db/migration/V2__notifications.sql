-- Every email the application sends, kept so that a reminder is queued once per task and slot (dedupe_key) and sent
-- once even when its job is retried.
CREATE TABLE notification (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    dedupe_key  VARCHAR(255) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    recipient   VARCHAR(64)  NOT NULL,
    email       VARCHAR(255),
    subject     VARCHAR(500) NOT NULL,
    text_body   MEDIUMTEXT   NOT NULL,
    html_body   MEDIUMTEXT   NOT NULL,
    state       VARCHAR(20)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    sent_at     DATETIME(6),
    CONSTRAINT uk_notification_dedupe UNIQUE (dedupe_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_notification_recipient ON notification (recipient, created_at);
