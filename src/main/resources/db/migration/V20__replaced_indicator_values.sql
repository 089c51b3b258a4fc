-- A value an import or another return's update replaced for its period, kept with who recorded it when and who
-- replaced it when: the plan's history shows it, where it was lost before. A return's own value, corrected after a
-- send-back, is not kept: the send-back keeps why.
CREATE TABLE indicator_value_replaced (
    indicator_value_id BIGINT        NOT NULL,
    position           INT           NOT NULL,
    number_value       DECIMAL(20,6),
    text_value         VARCHAR(500),
    note               TEXT,
    return_id          BIGINT,
    recorded_by        VARCHAR(64)   NOT NULL,
    recorded_at        DATETIME(6)   NOT NULL,
    replaced_by        VARCHAR(64)   NOT NULL,
    replaced_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (indicator_value_id, position),
    CONSTRAINT fk_replaced_indicator_value FOREIGN KEY (indicator_value_id) REFERENCES indicator_value (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
