-- A network's status rule that an indicator beyond Amber's tolerance but better than its value before suggests
-- Amber, not Red (Havering's "Red when more than 10% off target and not improving"). Off for every network until its
-- administrator turns it on: the suggestions stay as they were.
ALTER TABLE network ADD COLUMN red_only_when_not_improving BOOLEAN NOT NULL DEFAULT FALSE;
