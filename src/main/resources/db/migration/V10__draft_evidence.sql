-- A draft keeps the update's evidence as the officer has filled it in so far (issue 15): the three lists of the
-- update's form, as JSON ({"indicatorValues": [...], "actionProgress": [...], "remedialFollowUp": [...]}), checked
-- only when the update is submitted.
ALTER TABLE return_draft ADD COLUMN evidence MEDIUMTEXT;
