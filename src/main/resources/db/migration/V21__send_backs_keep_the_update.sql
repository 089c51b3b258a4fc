-- What the judging officer read when sending an update back: its three texts and each answer of its evidence, in
-- words. The lead officer's answer replaces the return's own columns, so until now the judge could not see what the
-- answer changed. update_kept is false for remedial actions sent back, and for updates sent back before this version.
ALTER TABLE send_back
    ADD COLUMN update_kept        BOOLEAN    NOT NULL DEFAULT FALSE,
    ADD COLUMN achievements       MEDIUMTEXT NULL,
    ADD COLUMN planned_activities MEDIUMTEXT NULL,
    ADD COLUMN blockages          MEDIUMTEXT NULL;

CREATE TABLE send_back_answer (
    send_back_id BIGINT       NOT NULL,
    position     INT          NOT NULL,
    item         TEXT         NOT NULL,
    answer       TEXT         NOT NULL,
    PRIMARY KEY (send_back_id, position),
    CONSTRAINT fk_send_back_answer FOREIGN KEY (send_back_id) REFERENCES send_back (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
