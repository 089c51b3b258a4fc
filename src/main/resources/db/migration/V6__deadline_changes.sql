-- A network manager's change of a return's deadline: which task, from when to when, who and why. The engine lets a
-- return's task's due date change only to a date recorded here (returns/ReturnTaskChangeListener).
CREATE TABLE deadline_change (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_return_id   BIGINT       NOT NULL,
    task_id          VARCHAR(64)  NOT NULL,
    task_name        VARCHAR(255) NOT NULL,
    previous_due_at  DATETIME(6)  NOT NULL,
    new_due_at       DATETIME(6)  NOT NULL,
    reason           TEXT         NOT NULL,
    changed_by       VARCHAR(64)  NOT NULL,
    changed_at       DATETIME(6)  NOT NULL,
    CONSTRAINT fk_deadline_change_return FOREIGN KEY (plan_return_id) REFERENCES plan_return (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_deadline_change_task ON deadline_change (task_id);
