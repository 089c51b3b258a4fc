-- Whether a network's data-entry officers may submit a plan's update themselves, or prepare it and hand it to the
-- lead officer, who submits it (the paper form's "officer entering information onto PRISM"). Networks that exist
-- already go on as they did, their data-entry officers submitting; a network created from now on starts with the
-- lead officer submitting, as on the paper form.
ALTER TABLE network ADD COLUMN entry_officers_may_submit BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE network ALTER COLUMN entry_officers_may_submit SET DEFAULT FALSE;
