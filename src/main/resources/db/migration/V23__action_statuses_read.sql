-- An action's status is one of the register's (plans/ActionStatus): an import reads "Done" as completed and refuses
-- words it cannot read, where until now it kept any words, so that a "Done" action stayed open and counted as behind
-- once past its deadline. The statuses imported before are read the same way here (the words as ActionStatus had them
-- on 6 December 2026); any other status stays as written, and the next update's form proposes none for it.
-- As ActionStatus.read does: blanks (Java's \s), hyphens and underscores become one blank before the ends are
-- trimmed, so that "- Done" is read; the words are then compared byte for byte, where the column's collation also took
-- "Dóne", "ﬁnished" and "done ." for "done", which an import refuses.
UPDATE plan_action SET status = CASE
    TRIM(TRAILING '.' FROM TRIM(REGEXP_REPLACE(LOWER(status), '[ \\t\\n\\x0B\\f\\r_-]+', ' ')))
        COLLATE utf8mb4_nopad_bin
    WHEN 'not started' THEN 'not started'
    WHEN 'not yet started' THEN 'not started'
    WHEN 'on track' THEN 'on track'
    WHEN 'ongoing' THEN 'on track'
    WHEN 'on going' THEN 'on track'
    WHEN 'in progress' THEN 'on track'
    WHEN 'on schedule' THEN 'on track'
    WHEN 'on target' THEN 'on track'
    WHEN 'behind' THEN 'behind'
    WHEN 'delayed' THEN 'behind'
    WHEN 'behind schedule' THEN 'behind'
    WHEN 'off track' THEN 'behind'
    WHEN 'completed' THEN 'completed'
    WHEN 'complete' THEN 'completed'
    WHEN 'done' THEN 'completed'
    WHEN 'finished' THEN 'completed'
    WHEN 'achieved' THEN 'completed'
    WHEN 'update requested' THEN 'update requested'
    WHEN 'removed' THEN 'removed'
    WHEN 'deleted' THEN 'removed'
    WHEN 'withdrawn' THEN 'removed'
    WHEN 'cancelled' THEN 'removed'
    WHEN 'canceled' THEN 'removed'
    ELSE status END
WHERE status IS NOT NULL;
