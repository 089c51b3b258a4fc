-- A return keeps the officers it opened with, whatever the register says later: its drafts, forms, emails and pack
-- follow them, as its tasks do (the process's own variables). Returns of before are given their plan's officers now.
-- Draft saves and email links find a return by its process instance: an index, where they scanned every return.
ALTER TABLE plan_return
    ADD COLUMN lead_officer       VARCHAR(64),
    ADD COLUMN judging_officer    VARCHAR(64),
    ADD COLUMN data_entry_officer VARCHAR(64);

UPDATE plan_return r JOIN delivery_plan p ON p.id = r.plan_id
SET r.lead_officer = p.lead_officer, r.judging_officer = p.judging_officer, r.data_entry_officer = p.data_entry_officer;

CREATE INDEX ix_return_process_instance ON plan_return (process_instance_id);
