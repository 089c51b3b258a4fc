package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The user tasks of planReturn, and the fields an officer submits on each: a completion carries these and nothing
 * else. A field is either prose, kept in the application's tables and never in the engine, or a decision the process
 * routes on, kept as a process variable.
 */
enum ReturnTask {

    SUBMIT_UPDATE(TASK_SUBMIT_UPDATE, List.of(ACHIEVEMENTS, PLANNED_ACTIVITIES, BLOCKAGES, INDICATOR_VALUES,
            ACTION_PROGRESS, REMEDIAL_FOLLOW_UP), List.of()),
    JUDGE_STATUS(TASK_JUDGE_STATUS, List.of(JUDGEMENT_COMMENT, BEST_PRACTICE_COMMENT),
            List.of(JUDGEMENT_OUTCOME, RAG_STATUS)),
    PROPOSE_REMEDIAL_ACTIONS(TASK_PROPOSE_REMEDIAL_ACTIONS, List.of(REMEDIAL_ACTIONS), List.of()),
    AGREE_REMEDIAL_ACTIONS(TASK_AGREE_REMEDIAL_ACTIONS, List.of(REMEDIAL_COMMENT, AGREEMENT_COMMENT),
            List.of(REMEDIAL_OUTCOME));

    /** Every field that holds an officer's own words, on any task. */
    static final Set<String> PROSE = Arrays.stream(values()).flatMap(task -> task.prose.stream())
            .collect(Collectors.toUnmodifiableSet());

    private final String key;
    private final Set<String> prose;
    private final Set<String> decisions;

    ReturnTask(String key, List<String> prose, List<String> decisions) {
        this.key = key;
        this.prose = Set.copyOf(prose);
        this.decisions = Set.copyOf(decisions);
    }

    static Optional<ReturnTask> withKey(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(task -> task.key.equals(taskDefinitionKey)).findFirst();
    }

    String key() {
        return key;
    }

    Set<String> fields() {
        return Stream.concat(prose.stream(), decisions.stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** The fields in an officer's own words: recorded in the return, never kept in the engine. */
    Set<String> prose() {
        return prose;
    }

    /** Whether a return in this state waits for this task: once it is completed, the return has moved on. */
    boolean awaitedIn(ReturnState state) {
        return switch (this) {
            case SUBMIT_UPDATE -> state == ReturnState.AWAITING_UPDATE || state == ReturnState.SENT_BACK;
            case JUDGE_STATUS -> state == ReturnState.AWAITING_JUDGEMENT;
            case PROPOSE_REMEDIAL_ACTIONS -> state == ReturnState.AWAITING_REMEDIAL_ACTIONS
                    || state == ReturnState.REMEDIAL_ACTIONS_SENT_BACK;
            case AGREE_REMEDIAL_ACTIONS -> state == ReturnState.AWAITING_REMEDIAL_AGREEMENT;
        };
    }

    /** The fields the process routes on: cleared when the task opens, so that a decision is always this round's. */
    Set<String> decisions() {
        return decisions;
    }
}
