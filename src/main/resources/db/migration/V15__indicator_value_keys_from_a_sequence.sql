-- An indicator value's key from a sequence (issue 18), as a return's is (V13): Hibernate takes 50 at a time and hands
-- them out before it inserts, so that an update's values go in one batch of inserts, where AUTO_INCREMENT made each
-- an insert of its own. The sequence starts above the values there are; the column loses AUTO_INCREMENT, so that a
-- row inserted without a key fails rather than take one the sequence has handed out.
SET @indicator_value_next = (SELECT COALESCE(MAX(id), 0) + 50 FROM indicator_value);
EXECUTE IMMEDIATE CONCAT('CREATE SEQUENCE indicator_value_seq START WITH ', @indicator_value_next, ' INCREMENT BY 50');
ALTER TABLE indicator_value MODIFY id BIGINT NOT NULL;
