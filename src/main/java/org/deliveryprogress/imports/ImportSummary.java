package org.deliveryprogress.imports;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an import did: how many plans, indicators (with all their targets) and actions it created, changed or left. */
public record ImportSummary(Counts plans, Counts indicators, Counts actions) {

    public record Counts(int created, int updated, int unchanged) {
    }

    @JsonProperty
    public boolean changedNothing() {
        return plans.created() + plans.updated() + indicators.created() + indicators.updated() + actions.created()
                + actions.updated() == 0;
    }
}
