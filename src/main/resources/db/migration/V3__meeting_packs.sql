-- The meeting packs: each version frozen as produced, the page and its PDF, byte for byte.

CREATE TABLE meeting_pack (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    cycle_id     BIGINT       NOT NULL,
    version      INT          NOT NULL,
    produced_at  DATETIME(6)  NOT NULL,
    produced_by  VARCHAR(64),
    html         LONGTEXT     NOT NULL,
    pdf          LONGBLOB     NOT NULL,
    CONSTRAINT fk_pack_cycle FOREIGN KEY (cycle_id) REFERENCES cycle (id),
    CONSTRAINT uk_pack_version UNIQUE (cycle_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
