package org.deliveryprogress.imports;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an import did, by kind of row: rows that created, changed or left unchanged a plan, indicator or action. */
public record ImportSummary(Counts plans, Counts indicators, Counts actions) {

    public record Counts(int created, int updated, int unchanged) {

        static final Counts NONE = new Counts(0, 0, 0);
    }

    @JsonProperty
    public boolean changedNothing() {
        return plans.created() + plans.updated() + indicators.created() + indicators.updated() + actions.created()
                + actions.updated() == 0;
    }
}
