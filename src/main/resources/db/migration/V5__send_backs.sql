-- Every send-back of a return, kept: the judging officer's question on an update, the network manager's comment on
-- remedial actions. The return's own columns hold only the latest judgement or decision, which a later round
-- overwrites, so a send-back was lost once the update or the actions came back.
CREATE TABLE send_back (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    return_id  BIGINT      NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    sent_by    VARCHAR(64) NOT NULL,
    sent_at    DATETIME(6) NOT NULL,
    comment    TEXT,
    task_id    VARCHAR(64),
    CONSTRAINT fk_send_back_return FOREIGN KEY (return_id) REFERENCES plan_return (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The stage a return was waiting in when its cycle closed (AWAITING_UPDATE, SENT_BACK, AWAITING_JUDGEMENT, ...):
-- whom the meeting pack says it was waiting for. Null for a return that finished before the close.
ALTER TABLE plan_return ADD COLUMN waiting_at_close VARCHAR(30) NULL;

-- The send-backs still visible in the returns: the latest, where no judgement or agreement overwrote it (a judging
-- officer's columns without a status hold a question). Earlier rounds were overwritten and are not known.
INSERT INTO send_back (return_id, kind, sent_by, sent_at, comment)
SELECT id, 'UPDATE', judged_by, judged_at, judgement_comment FROM plan_return
WHERE rag_status IS NULL AND judged_by IS NOT NULL;

INSERT INTO send_back (return_id, kind, sent_by, sent_at, comment)
SELECT id, 'REMEDIAL_ACTIONS', remedial_decided_by, remedial_decided_at, remedial_comment FROM plan_return
WHERE remedial_decided_by IS NOT NULL AND state <> 'COMPLETE';

-- Remedial actions sent back and not yet proposed again: a stage of its own now.
UPDATE plan_return SET state = 'REMEDIAL_ACTIONS_SENT_BACK'
WHERE state = 'AWAITING_REMEDIAL_ACTIONS' AND remedial_decided_by IS NOT NULL;

-- What closed returns were waiting for, where their columns still tell. Remedial actions sent back before the close
-- may or may not have been proposed again: those stay unknown.
UPDATE plan_return SET waiting_at_close = 'AWAITING_UPDATE' WHERE state = 'NO_RETURN';
UPDATE plan_return SET waiting_at_close = CASE
        WHEN judged_by IS NOT NULL AND judged_at >= submitted_at THEN 'SENT_BACK' ELSE 'AWAITING_JUDGEMENT' END
WHERE state = 'NOT_JUDGED';
UPDATE plan_return r SET waiting_at_close = 'AWAITING_REMEDIAL_ACTIONS'
WHERE r.state = 'REMEDIAL_ACTIONS_NOT_AGREED'
  AND NOT EXISTS (SELECT 1 FROM remedial_action a WHERE a.return_id = r.id);
UPDATE plan_return r SET waiting_at_close = 'AWAITING_REMEDIAL_AGREEMENT'
WHERE r.state = 'REMEDIAL_ACTIONS_NOT_AGREED' AND r.remedial_decided_by IS NULL
  AND EXISTS (SELECT 1 FROM remedial_action a WHERE a.return_id = r.id);
