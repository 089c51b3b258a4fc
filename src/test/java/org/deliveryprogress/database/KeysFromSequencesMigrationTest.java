package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations that give returns (V13) and indicator values (V15) their keys from a sequence, each run on a database
 * of the version before it that has rows already.
 */
@ApplicationTest
@DisplayName("Upgrading a database to keys from a sequence")
class KeysFromSequencesMigrationTest {

    /** Hibernate's allocation size for these keys: it hands out the 50 keys up to each value of the sequence. */
    private static final int KEYS_PER_VALUE = 50;

    /**
     * A table whose keys come from a sequence since a version, two rows of the version before (keys 7 and 1234), and
     * a row without a key. Their plans, cycles and returns do not matter here: foreign keys are not checked.
     */
    record Keyed(String table, String versionBefore, String sequence, String twoRows, String rowWithoutKey) {

        @Override
        public String toString() {
            return table;
        }
    }

    static Stream<Keyed> tables() {
        return Stream.of(
                new Keyed("plan_return", "12", "plan_return_seq",
                        "INSERT INTO plan_return (id, cycle_id, plan_id, state) VALUES (7, 1, 1, 'SUBMITTED'),"
                                + " (1234, 1, 2, 'SUBMITTED')",
                        "INSERT INTO plan_return (cycle_id, plan_id, state) VALUES (1, 3, 'SUBMITTED')"),
                new Keyed("indicator_value", "14", "indicator_value_seq",
                        "INSERT INTO indicator_value (id, plan_id, indicator_code, period, recorded_by, recorded_at)"
                                + " VALUES (7, 1, 'NI 1', '2026/27 Q1', 'lead', NOW()),"
                                + " (1234, 1, 'NI 1', '2026/27 Q2', 'lead', NOW())",
                        "INSERT INTO indicator_value (plan_id, indicator_code, period, recorded_by, recorded_at)"
                                + " VALUES (1, 'NI 1', '2026/27 Q3', 'lead', NOW())"));
    }

    @Autowired
    EmbeddedMariaDb server;
    @Autowired
    JdbcTemplate applicationDatabase;

    @ParameterizedTest
    @MethodSource("tables")
    @DisplayName("the first keys it hands out are above the rows there are")
    void firstKeysAboveExistingRows(Keyed keyed) {
        try (UpgradedDatabase database = upgradedWithTwoRows(keyed)) {
            long first = nextValue(database, keyed);
            long second = nextValue(database, keyed);
            assertThat(first - KEYS_PER_VALUE + 1).as("the lowest key of the first block").isGreaterThan(1234);
            assertThat(second - first).as("one block's keys").isEqualTo(KEYS_PER_VALUE);
        }
    }

    @ParameterizedTest
    @MethodSource("tables")
    @DisplayName("a row inserted without a key fails, rather than take one the sequence has handed out")
    void noKeyOfItsOwn(Keyed keyed) {
        try (UpgradedDatabase database = upgradedWithTwoRows(keyed)) {
            assertThatThrownBy(() -> database.jdbc().update(keyed.rowWithoutKey()))
                    .hasMessageContaining("Field 'id' doesn't have a default value");
        }
    }

    @ParameterizedTest
    @MethodSource("tables")
    @DisplayName("a sequence a restore left behind the keys there are is moved past them at the next start")
    void sequenceBehindItsKeysMovedOnAtStart(Keyed keyed) {
        try (UpgradedDatabase database = upgradedWithTwoRows(keyed)) {
            // Its first value, where a data-only dump (it holds no sequences) restored into a schema Flyway made
            // leaves it.
            database.jdbc().execute("ALTER SEQUENCE " + keyed.sequence() + " RESTART WITH 50");
            database.upgrade(); // nothing to migrate: Flyway's afterMigrate.sql runs, as at every start of a node
            long first = nextValue(database, keyed);
            assertThat(first - KEYS_PER_VALUE + 1).as("the lowest key of the first block").isGreaterThan(1234);
        }
    }

    @ParameterizedTest
    @MethodSource("tables")
    @DisplayName("a sequence past the keys there are stays where it is at a start")
    void sequencePastItsKeysLeftAtStart(Keyed keyed) {
        try (UpgradedDatabase database = upgradedWithTwoRows(keyed)) {
            long handedOut = nextValue(database, keyed);
            database.upgrade();
            assertThat(nextValue(database, keyed)).as("the block after the one handed out")
                    .isEqualTo(handedOut + KEYS_PER_VALUE);
        }
    }

    private UpgradedDatabase upgradedWithTwoRows(Keyed keyed) {
        UpgradedDatabase database = new UpgradedDatabase(server, applicationDatabase, keyed.versionBefore());
        JdbcTemplate jdbc = database.jdbc();
        jdbc.execute("SET SESSION foreign_key_checks = 0");
        jdbc.update(keyed.twoRows());
        jdbc.execute("SET SESSION foreign_key_checks = 1");
        database.upgrade();
        return database;
    }

    private static long nextValue(UpgradedDatabase database, Keyed keyed) {
        return database.jdbc().queryForObject("SELECT NEXTVAL(" + keyed.sequence() + ")", Long.class);
    }
}
