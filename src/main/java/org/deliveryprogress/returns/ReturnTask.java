package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user tasks of planReturn, and the fields an officer submits on each: a completion carries these and nothing
 * else. A field is either prose, kept in the application's tables and never in the engine, or a decision the process
 * routes on, kept as a process variable.
 */
enum ReturnTask {

    SUBMIT_UPDATE(TASK_SUBMIT_UPDATE, ACHIEVEMENTS, PLANNED_ACTIVITIES, BLOCKAGES),
    JUDGE_STATUS(TASK_JUDGE_STATUS, JUDGEMENT_OUTCOME, RAG_STATUS, JUDGEMENT_COMMENT, BEST_PRACTICE_COMMENT),
    PROPOSE_REMEDIAL_ACTIONS(TASK_PROPOSE_REMEDIAL_ACTIONS, REMEDIAL_ACTIONS),
    AGREE_REMEDIAL_ACTIONS(TASK_AGREE_REMEDIAL_ACTIONS, REMEDIAL_OUTCOME, REMEDIAL_COMMENT, AGREEMENT_COMMENT);

    /** Every field that holds an officer's own words, on any task. */
    static final Set<String> PROSE = Set.of(ACHIEVEMENTS, PLANNED_ACTIVITIES, BLOCKAGES, JUDGEMENT_COMMENT,
            BEST_PRACTICE_COMMENT, REMEDIAL_ACTIONS, REMEDIAL_COMMENT, AGREEMENT_COMMENT);

    private final String key;
    private final Set<String> fields;

    ReturnTask(String key, String... fields) {
        this.key = key;
        this.fields = Set.of(fields);
    }

    static Optional<ReturnTask> withKey(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(task -> task.key.equals(taskDefinitionKey)).findFirst();
    }

    String key() {
        return key;
    }

    Set<String> fields() {
        return fields;
    }

    /** The fields the process routes on: cleared when the task opens, so that a decision is always this round's. */
    Set<String> decisions() {
        return fields.stream().filter(field -> !PROSE.contains(field)).collect(Collectors.toSet());
    }
}
