-- A return's key from a sequence (issue 18), which Hibernate takes 50 at a time and hands out before it inserts: a
-- return opening is then one row in a batch of inserts, its process instance's id in it, where its key from
-- AUTO_INCREMENT made it an insert at once and an update once the instance had started. The sequence starts above
-- the returns there are (SETVAL and CREATE SEQUENCE take no subquery, hence the statement built from a variable);
-- the column loses AUTO_INCREMENT, so that a row inserted without a key fails rather than take one the sequence
-- has handed out.
SET @plan_return_next = (SELECT COALESCE(MAX(id), 0) + 50 FROM plan_return);
EXECUTE IMMEDIATE CONCAT('CREATE SEQUENCE plan_return_seq START WITH ', @plan_return_next, ' INCREMENT BY 50');
ALTER TABLE plan_return MODIFY id BIGINT NOT NULL;
