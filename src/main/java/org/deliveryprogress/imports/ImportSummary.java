package org.deliveryprogress.imports;

import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an import did: how many plans, indicators (with all their targets), actions and indicator values it created,
 * changed or left.
 */
public record ImportSummary(Counts plans, Counts indicators, Counts actions, Counts indicatorValues) {

    public record Counts(int created, int updated, int unchanged) {
    }

    @JsonProperty
    public boolean changedNothing() {
        return Stream.of(plans, indicators, actions, indicatorValues)
                .allMatch(counts -> counts.created() + counts.updated() == 0);
    }
}
