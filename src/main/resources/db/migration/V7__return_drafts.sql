-- What the officers of a return have written of its update so far, saved on the server: read and continued in any
-- browser, handed from the data-entry officer to the lead officer. One draft per return, replaced at each save.
CREATE TABLE return_draft (
    plan_return_id      BIGINT       NOT NULL PRIMARY KEY,
    achievements        MEDIUMTEXT,
    planned_activities  MEDIUMTEXT,
    blockages           MEDIUMTEXT,
    saved_by            VARCHAR(64)  NOT NULL,
    saved_at            DATETIME(6)  NOT NULL,
    CONSTRAINT fk_draft_return FOREIGN KEY (plan_return_id) REFERENCES plan_return (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
