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
 * The migration that brings in the setting "data-entry officers may submit the update", run on a database of its own
 * on the embedded server, as an installation's database is upgraded.
 */
@ApplicationTest
@DisplayName("Upgrading a database to the setting of who submits updates")
class EntryOfficersMigrationTest {

    @Autowired
    EmbeddedMariaDb server;
    @Autowired
    JdbcTemplate applicationDatabase;

    private UpgradedDatabase database;

    @BeforeEach
    void aDatabaseOfTheVersionBefore() {
        database = new UpgradedDatabase(server, applicationDatabase, "7");
    }

    @AfterEach
    void dropIt() {
        database.close();
    }

    @Test
    @DisplayName("a network that existed goes on letting its data-entry officers submit; one added afterwards "
            + "without saying has its lead officers submit")
    void existingNetworksKeepWhatTheyHad() {
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update(insertNetwork("RUNNING"));

        database.upgrade();

        jdbc.update(insertNetwork("ADDED"));
        assertThat(jdbc.queryForList("SELECT code, entry_officers_may_submit FROM network ORDER BY id"))
                .extracting(row -> row.get("code") + " " + row.get("entry_officers_may_submit"))
                .containsExactly("RUNNING true", "ADDED false");
    }

    private static String insertNetwork(String code) {
        return "INSERT INTO network (code, name, region, manager_group, open_days_before, updates_due_days_before, "
                + "judgements_due_days_before, proposals_due_days_before, agreements_due_days_before, "
                + "close_days_before, reminder_days_before_due, reminder_every_days_overdue) VALUES ('" + code
                + "', 'Network " + code + "', 'ENGLAND_AND_WALES', 'managers', 20, 10, 7, 5, 4, 2, 3, 2)";
    }
}
