-- Run by Flyway after every migrate, so at every start of a node: the sequences that give plan_return and
-- indicator_value their keys (V13, V15) are moved past the keys their tables hold. A restore that loses a sequence's
-- value (a data-only dump, --no-create-info, leaves the sequences out; a schema made by Flyway then has them at their
-- first value) would otherwise hand out keys the tables hold, and every cycle's opening and every update with
-- indicator values would fail on a duplicate key. SETVAL moves a sequence forward only (it is ignored when the
-- sequence is already past the value), so it never takes back keys a running node has been handed; with is_used,
-- the next value is the largest key plus the increment, and Hibernate's pooled optimizer takes the 50 keys below it.
-- A migration to a version before V13 or V15 (the tests' upgrades) has no such sequence, and maybe not its table:
-- every statement naming them is built as text and run only where the sequence exists (EXECUTE IMMEDIATE and SETVAL
-- take no subquery, hence the variables).
SET @has_sequence = (SELECT COUNT(*) FROM information_schema.tables
    WHERE table_schema = DATABASE() AND table_name = 'plan_return_seq' AND table_type = 'SEQUENCE');
SET @largest_key = NULL;
EXECUTE IMMEDIATE IF(@has_sequence = 0, 'DO 0', 'SET @largest_key = (SELECT COALESCE(MAX(id), 0) FROM plan_return)');
EXECUTE IMMEDIATE IF(@largest_key IS NULL, 'DO 0', CONCAT('DO SETVAL(plan_return_seq, ', @largest_key, ')'));
SET @has_sequence = (SELECT COUNT(*) FROM information_schema.tables
    WHERE table_schema = DATABASE() AND table_name = 'indicator_value_seq' AND table_type = 'SEQUENCE');
SET @largest_key = NULL;
EXECUTE IMMEDIATE IF(@has_sequence = 0, 'DO 0',
    'SET @largest_key = (SELECT COALESCE(MAX(id), 0) FROM indicator_value)');
EXECUTE IMMEDIATE IF(@largest_key IS NULL, 'DO 0', CONCAT('DO SETVAL(indicator_value_seq, ', @largest_key, ')'));
