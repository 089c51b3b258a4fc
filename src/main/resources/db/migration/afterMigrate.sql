-- Run by Flyway after every migrate, so at every start of a node: the sequences that give plan_return and
-- indicator_value their keys (V13, V15) are moved past the keys their tables hold. A restore that loses a sequence's
-- value (a data-only dump, --no-create-info, leaves the sequences out; a schema made by Flyway then has them at their
-- first value) would otherwise hand out keys the tables hold, and every cycle's opening and every update with
-- indicator values would fail on a duplicate key. SETVAL moves a sequence forward only (it is ignored when the
-- sequence is already past the value), so it never takes back keys a running node has been handed; with is_used,
-- the next value is the largest key plus the increment, and Hibernate's pooled optimizer takes the 50 keys below it.
-- A migration to a version before V13 or V15 (the tests' upgrades) has no such sequence: the statement is then DO 0.
SET @plan_return_keys = (SELECT IF(COUNT(*) = 0, 'DO 0', CONCAT('DO SETVAL(plan_return_seq, ',
        (SELECT COALESCE(MAX(id), 0) FROM plan_return), ')'))
    FROM information_schema.tables
    WHERE table_schema = DATABASE() AND table_name = 'plan_return_seq' AND table_type = 'SEQUENCE');
EXECUTE IMMEDIATE @plan_return_keys;
SET @indicator_value_keys = (SELECT IF(COUNT(*) = 0, 'DO 0', CONCAT('DO SETVAL(indicator_value_seq, ',
        (SELECT COALESCE(MAX(id), 0) FROM indicator_value), ')'))
    FROM information_schema.tables
    WHERE table_schema = DATABASE() AND table_name = 'indicator_value_seq' AND table_type = 'SEQUENCE');
EXECUTE IMMEDIATE @indicator_value_keys;
