-- The outbox is read oldest first by state: without this index each batch would scan every email ever sent.
CREATE INDEX ix_notification_state ON notification (state, id);

-- When a batch took an email to send it: an email a stopped node left half-sent is found by it.
ALTER TABLE notification ADD COLUMN claimed_at DATETIME(6) NULL;

-- Emails queued before the outbox each have a sendNotification process of their own, which sends them: the outbox
-- must not take them as well.
UPDATE notification SET state = 'RETRYING' WHERE state = 'QUEUED';
