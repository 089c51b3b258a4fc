-- A return's evidence keeps what it was measured against when the update was submitted: each indicator's target for
-- its value's year, each action's deadline date. Read from the register as it is now, a deadline or target changed
-- later rewrote a past return's "behind" and shortfalls, against the suggestion its judge saw. Returns submitted
-- before this have nothing kept (register_kept false) and go on being read against the register.
ALTER TABLE plan_return ADD COLUMN register_kept BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE return_indicator ADD COLUMN target VARCHAR(200);
ALTER TABLE return_action_progress ADD COLUMN deadline DATE;
