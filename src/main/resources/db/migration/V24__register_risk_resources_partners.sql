-- The paper forms' other columns: an action plan's Resources and Risk beside each action, and a plan's Key partners.
-- Nullable, and an import whose file leaves the column out keeps them, so registers and files made before stay
-- as they are, and a release gone back to reads and writes the rest of the row as before.
ALTER TABLE plan_action ADD COLUMN resources VARCHAR(500) NULL, ADD COLUMN risk TEXT NULL;
ALTER TABLE delivery_plan ADD COLUMN key_partners TEXT NULL;
