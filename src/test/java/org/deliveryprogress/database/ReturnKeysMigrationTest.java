package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migration that gives returns their keys from a sequence, run on a database that has returns already. */
@ApplicationTest
@DisplayName("Upgrading a database to returns' keys from a sequence")
class ReturnKeysMigrationTest {

    /** Hibernate's allocation size for returns' keys: it hands out the 50 keys up to each value of the sequence. */
    private static final int KEYS_PER_VALUE = 50;

    @Autowired
    EmbeddedMariaDb server;
    @Autowired
    JdbcTemplate applicationDatabase;

    private UpgradedDatabase database;

    @BeforeEach
    void aDatabaseOfTheVersionBeforeWithReturns() {
        database = new UpgradedDatabase(server, applicationDatabase, "12");
        JdbcTemplate jdbc = database.jdbc();
        // The return alone: its cycle and plan do not matter here.
        jdbc.execute("SET SESSION foreign_key_checks = 0");
        jdbc.update("INSERT INTO plan_return (id, cycle_id, plan_id, state) VALUES (7, 1, 1, 'SUBMITTED'),"
                + " (1234, 1, 2, 'SUBMITTED')");
        jdbc.execute("SET SESSION foreign_key_checks = 1");
    }

    @AfterEach
    void dropIt() {
        database.close();
    }

    @Test
    @DisplayName("the first keys it hands out are above the returns there are")
    void firstKeysAboveExistingReturns() {
        database.upgrade();

        long first = database.jdbc().queryForObject("SELECT NEXTVAL(plan_return_seq)", Long.class);
        long second = database.jdbc().queryForObject("SELECT NEXTVAL(plan_return_seq)", Long.class);
        assertThat(first - KEYS_PER_VALUE + 1).as("the lowest key of the first block").isGreaterThan(1234);
        assertThat(second - first).as("one block's keys").isEqualTo(KEYS_PER_VALUE);
    }

    @Test
    @DisplayName("a return inserted without a key fails, rather than take one the sequence has handed out")
    void noKeyOfItsOwn() {
        database.upgrade();

        assertThatThrownBy(() -> database.jdbc().update(
                "INSERT INTO plan_return (cycle_id, plan_id, state) VALUES (1, 3, 'SUBMITTED')"))
                .hasMessageContaining("Field 'id' doesn't have a default value");
    }
}
