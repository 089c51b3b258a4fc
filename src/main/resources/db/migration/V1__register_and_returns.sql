-- The application's own data. Camunda's ACT_* tables are created by the engine itself.

CREATE TABLE network (
    id                          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                        VARCHAR(20)  NOT NULL,
    name                        VARCHAR(200) NOT NULL,
    region                      VARCHAR(40)  NOT NULL,
    manager_group               VARCHAR(64)  NOT NULL,
    open_days_before            INT NOT NULL,
    updates_due_days_before     INT NOT NULL,
    judgements_due_days_before  INT NOT NULL,
    proposals_due_days_before   INT NOT NULL,
    agreements_due_days_before  INT NOT NULL,
    close_days_before           INT NOT NULL,
    reminder_days_before_due    INT NOT NULL,
    reminder_every_days_overdue INT NOT NULL,
    CONSTRAINT uk_network_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE network_meeting (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    network_id   BIGINT NOT NULL,
    meeting_date DATE   NOT NULL,
    CONSTRAINT fk_meeting_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT uk_meeting_date UNIQUE (network_id, meeting_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE delivery_plan (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    network_id         BIGINT       NOT NULL,
    reference          VARCHAR(40)  NOT NULL,
    title              VARCHAR(500) NOT NULL,
    lead_officer       VARCHAR(64)  NOT NULL,
    judging_officer    VARCHAR(64)  NOT NULL,
    data_entry_officer VARCHAR(64),
    agency             VARCHAR(200),
    contact            TEXT,
    partnership_group  VARCHAR(200),
    priority           VARCHAR(500),
    theme              VARCHAR(500),
    active             BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT fk_plan_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT uk_plan_reference UNIQUE (reference)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_plan_network_active ON delivery_plan (network_id, active);

CREATE TABLE plan_indicator (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id           BIGINT       NOT NULL,
    code              VARCHAR(40)  NOT NULL,
    description       TEXT         NOT NULL,
    baseline          VARCHAR(200),
    unit              VARCHAR(40),
    higher_is_better  BOOLEAN      NOT NULL,
    CONSTRAINT fk_indicator_plan FOREIGN KEY (plan_id) REFERENCES delivery_plan (id),
    CONSTRAINT uk_indicator_code UNIQUE (plan_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE plan_indicator_target (
    indicator_id BIGINT      NOT NULL,
    target_year  VARCHAR(20) NOT NULL,
    target       VARCHAR(200) NOT NULL,
    PRIMARY KEY (indicator_id, target_year),
    CONSTRAINT fk_target_indicator FOREIGN KEY (indicator_id) REFERENCES plan_indicator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE plan_action (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id       BIGINT      NOT NULL,
    reference     VARCHAR(40) NOT NULL,
    objective     TEXT,
    action        TEXT        NOT NULL,
    milestones    TEXT,
    owner         VARCHAR(500),
    deadline_text VARCHAR(100),
    deadline      DATE,
    priority      VARCHAR(40),
    status        VARCHAR(40) NOT NULL,
    CONSTRAINT fk_action_plan FOREIGN KEY (plan_id) REFERENCES delivery_plan (id),
    CONSTRAINT uk_action_reference UNIQUE (plan_id, reference)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cycle (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    meeting_id            BIGINT      NOT NULL,
    reference             VARCHAR(60) NOT NULL,
    state                 VARCHAR(20) NOT NULL,
    opened_at             DATETIME(6) NOT NULL,
    opened_by             VARCHAR(64),
    updates_due_at        DATETIME(6) NOT NULL,
    judgements_due_at     DATETIME(6) NOT NULL,
    proposals_due_at      DATETIME(6) NOT NULL,
    agreements_due_at     DATETIME(6) NOT NULL,
    close_at              DATETIME(6) NOT NULL,
    closed_at             DATETIME(6),
    process_instance_id   VARCHAR(64),
    CONSTRAINT fk_cycle_meeting FOREIGN KEY (meeting_id) REFERENCES network_meeting (id),
    CONSTRAINT uk_cycle_meeting UNIQUE (meeting_id),
    CONSTRAINT uk_cycle_reference UNIQUE (reference)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE plan_return (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    cycle_id              BIGINT      NOT NULL,
    plan_id               BIGINT      NOT NULL,
    state                 VARCHAR(30) NOT NULL,
    achievements          MEDIUMTEXT,
    planned_activities    MEDIUMTEXT,
    blockages             MEDIUMTEXT,
    submitted_by          VARCHAR(64),
    submitted_at          DATETIME(6),
    rag_status            VARCHAR(10),
    judgement_comment     TEXT,
    judged_by             VARCHAR(64),
    judged_at             DATETIME(6),
    remedial_comment      TEXT,
    remedial_decided_by   VARCHAR(64),
    remedial_decided_at   DATETIME(6),
    closed_at             DATETIME(6),
    process_instance_id   VARCHAR(64),
    CONSTRAINT fk_return_cycle FOREIGN KEY (cycle_id) REFERENCES cycle (id),
    CONSTRAINT fk_return_plan FOREIGN KEY (plan_id) REFERENCES delivery_plan (id),
    CONSTRAINT uk_return_plan_cycle UNIQUE (cycle_id, plan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_return_plan ON plan_return (plan_id, cycle_id);

CREATE TABLE remedial_action (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    return_id   BIGINT      NOT NULL,
    position    INT         NOT NULL,
    action      TEXT        NOT NULL,
    owner       VARCHAR(200) NOT NULL,
    due_date    DATE        NOT NULL,
    state       VARCHAR(20) NOT NULL,
    CONSTRAINT fk_remedial_return FOREIGN KEY (return_id) REFERENCES plan_return (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
