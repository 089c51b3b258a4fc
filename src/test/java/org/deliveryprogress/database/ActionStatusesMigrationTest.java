package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration that reads the actions' statuses imported as written as the register's own, run on a database of its
 * own on the embedded server, as an installation's database is upgraded.
 */
@ApplicationTest
@DisplayName("Upgrading a database to actions' statuses read as the register's")
class ActionStatusesMigrationTest {

    @Autowired
    EmbeddedMariaDb server;
    @Autowired
    JdbcTemplate applicationDatabase;

    private UpgradedDatabase database;

    @BeforeEach
    void aDatabaseOfTheVersionBefore() {
        database = new UpgradedDatabase(server, applicationDatabase, "22");
    }

    @AfterEach
    void dropIt() {
        database.close();
    }

    @Test
    @DisplayName("statuses an import kept as written are read as the register's, as an import now reads them; "
            + "any other stays as written, and an empty one empty")
    void importedStatusesAreReadAsTheRegisters() {
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("INSERT INTO network (code, name, region, manager_group, open_days_before, "
                + "updates_due_days_before, judgements_due_days_before, proposals_due_days_before, "
                + "agreements_due_days_before, close_days_before, reminder_days_before_due, "
                + "reminder_every_days_overdue) VALUES ('N', 'Network', 'ENGLAND_AND_WALES', 'managers', 20, 10, 7, "
                + "5, 4, 2, 3, 2)");
        jdbc.update("INSERT INTO delivery_plan (network_id, reference, title, lead_officer, judging_officer) "
                + "SELECT id, 'P-1', 'A plan', 'lead', 'judge' FROM network");
        String[] written = {"Done", "Not_Started.", " In progress ", "Delayed", "CANCELLED", "on track", "Planned",
                null};
        for (int i = 0; i < written.length; i++) {
            jdbc.update("INSERT INTO plan_action (plan_id, reference, action, status) SELECT id, ?, 'An action', ? "
                    + "FROM delivery_plan", "A." + i, written[i]);
        }

        database.upgrade();

        assertThat(jdbc.queryForList("SELECT status FROM plan_action ORDER BY id", String.class)).containsExactly(
                "completed", "not started", "on track", "behind", "removed", "on track", "Planned", null);
    }
}
