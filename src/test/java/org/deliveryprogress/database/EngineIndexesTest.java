package org.deliveryprogress.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.camunda.bpm.engine.ProcessEngine;
import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ApplicationTest
@DisplayName("The index the application adds to Camunda's schema")
class EngineIndexesTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    EngineIndexes indexes;

    @Test
    void theEnginesLookUpOfATasksSubtasksOnCompletionUsesIt() {
        // The engine's statement (Task.xml, selectTasksByParentTaskId), as MariaDB would run it.
        String key = jdbc.queryForObject("EXPLAIN select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?",
                (row, number) -> row.getString("key"), "a-task-id");
        assertThat(key).isEqualTo("DP_IDX_TASK_PARENT");
    }

    @Test
    void everyStartMayMakeItAgain() {
        assertThatNoException().isThrownBy(() -> indexes.postProcessEngineBuild(engine));
    }
}
