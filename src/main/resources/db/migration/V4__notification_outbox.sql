-- The outbox is read oldest first by state: without this index each batch would scan every email ever sent.
CREATE INDEX ix_notification_state ON notification (state, id);
