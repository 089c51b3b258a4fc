-- Whether a plan's judging officer may also be its lead or data-entry officer ("The lead officer and the judging
-- officer may be the same person, but a partnership may forbid that"). Every network may, as the paper form allows,
-- until its administrator forbids it.
ALTER TABLE network ADD COLUMN officers_may_judge_own_plans BOOLEAN NOT NULL DEFAULT TRUE;
