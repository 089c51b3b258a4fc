package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
        assertThat(upgraded("Done", "Not_Started.", " In progress ", "Delayed", "CANCELLED", "on track", "On-going",
                "Planned", null)).containsExactly("completed", "not started", "on track", "behind", "removed",
                        "on track", "on track", "Planned", null);
    }

    @Test
    @DisplayName("a status is read exactly as an import reads it: hyphens and underscores around its words go, as "
            + "blanks do, and no more is forgiven than the import forgives (a blank before a full stop, an accent, "
            + "a ligature, a non-breaking space)")
    void statusesAreReadExactlyAsAnImportReadsThem() {
        assertThat(upgraded("- Done", "_on_track_", "Behind\tschedule", "Done..", "done .", "D\u00f3ne",
                "Not\u00a0started", "\ufb01nished")).containsExactly("completed", "on track", "behind", "completed",
                        "done .", "D\u00f3ne", "Not\u00a0started", "\ufb01nished");
    }

    /** The statuses of a plan's actions, written before the migration, as it leaves them. */
    private List<String> upgraded(String... written) {
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("INSERT INTO network (code, name, region, manager_group, open_days_before, "
                + "updates_due_days_before, judgements_due_days_before, proposals_due_days_before, "
                + "agreements_due_days_before, close_days_before, reminder_days_before_due, "
                + "reminder_every_days_overdue) VALUES ('N', 'Network', 'ENGLAND_AND_WALES', 'managers', 20, 10, 7, "
                + "5, 4, 2, 3, 2)");
        jdbc.update("INSERT INTO delivery_plan (network_id, reference, title, lead_officer, judging_officer) "
                + "SELECT id, 'P-1', 'A plan', 'lead', 'judge' FROM network");
        for (int i = 0; i < written.length; i++) {
            jdbc.update("INSERT INTO plan_action (plan_id, reference, action, status) SELECT id, ?, 'An action', ? "
                    + "FROM delivery_plan", "A." + i, written[i]);
        }

        database.upgrade();

        return jdbc.queryForList("SELECT status FROM plan_action ORDER BY id", String.class);
    }
}
