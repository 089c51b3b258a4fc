-- An email is rendered when it is sent, from the model it was queued with, not in the transaction that queued it.
-- Emails queued before this change keep the bodies they were rendered with, and are sent with them.
ALTER TABLE notification
    ADD COLUMN model MEDIUMTEXT AFTER subject,
    MODIFY text_body MEDIUMTEXT,
    MODIFY html_body MEDIUMTEXT;
