-- An action's status is kept as the register's file has it (issue 17): an empty one stays empty, where an import
-- used to store "not started". Actions imported so far keep the status they have.
ALTER TABLE plan_action MODIFY status VARCHAR(40) NULL;
