-- The evidence behind a return's status (issue 15).

-- Each indicator's values as a series: one row per indicator of a plan per period, kept by the indicator's code so
-- that it outlives changes to the plan's list of indicators. A value is a number (with the indicator's unit) or, for
-- an indicator measured in words, a text. Written by a return's update (return_id) or by an import (return_id null).
CREATE TABLE indicator_value (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id         BIGINT        NOT NULL,
    indicator_code  VARCHAR(40)   NOT NULL,
    period          VARCHAR(12)   NOT NULL,
    number_value    DECIMAL(20,6),
    text_value      VARCHAR(500),
    note            TEXT,
    return_id       BIGINT,
    recorded_by     VARCHAR(64)   NOT NULL,
    recorded_at     DATETIME(6)   NOT NULL,
    CONSTRAINT fk_indicator_value_plan FOREIGN KEY (plan_id) REFERENCES delivery_plan (id),
    CONSTRAINT fk_indicator_value_return FOREIGN KEY (return_id) REFERENCES plan_return (id),
    CONSTRAINT uk_indicator_value UNIQUE (plan_id, indicator_code, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a return's update answered for each of the plan's indicators: a value for a period, or no new data and why.
CREATE TABLE return_indicator (
    return_id       BIGINT        NOT NULL,
    position        INT           NOT NULL,
    indicator_code  VARCHAR(40)   NOT NULL,
    period          VARCHAR(12),
    value_as_given  VARCHAR(500),
    note            TEXT,
    no_data         BOOLEAN       NOT NULL,
    PRIMARY KEY (return_id, position),
    CONSTRAINT fk_return_indicator_return FOREIGN KEY (return_id) REFERENCES plan_return (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Progress on each action that was open when the update was submitted.
CREATE TABLE return_action_progress (
    return_id         BIGINT        NOT NULL,
    position          INT           NOT NULL,
    action_reference  VARCHAR(40)   NOT NULL,
    status            VARCHAR(40)   NOT NULL,
    note              TEXT,
    PRIMARY KEY (return_id, position),
    CONSTRAINT fk_action_progress_return FOREIGN KEY (return_id) REFERENCES plan_return (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How each remedial action agreed last quarter was followed up.
CREATE TABLE return_remedial_follow_up (
    return_id           BIGINT        NOT NULL,
    position            INT           NOT NULL,
    remedial_action_id  BIGINT        NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    note                TEXT,
    PRIMARY KEY (return_id, position),
    CONSTRAINT fk_follow_up_return FOREIGN KEY (return_id) REFERENCES plan_return (id),
    CONSTRAINT fk_follow_up_action FOREIGN KEY (remedial_action_id) REFERENCES remedial_action (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
