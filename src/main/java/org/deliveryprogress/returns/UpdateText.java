package org.deliveryprogress.returns;

import java.util.function.Function;

/**
 * The three texts of a lead officer's update, each with its variable and its label as the update's form shows it, so
 * that a refusal, a draft's and a send-back's comparison name a text as the officer sees it: they named "Blockages or
 * issues" three ways until 7 December 2026.
 */
enum UpdateText {

    ACHIEVEMENTS(ReturnVariables.ACHIEVEMENTS, "Key achievements since last quarter", ReturnUpdate::achievements),
    PLANNED_ACTIVITIES(ReturnVariables.PLANNED_ACTIVITIES, "Key activities planned for the next quarter",
            ReturnUpdate::plannedActivities),
    BLOCKAGES(ReturnVariables.BLOCKAGES, "Blockages or issues to be addressed by the network",
            ReturnUpdate::blockages);

    private final String variable;
    private final String label;
    private final Function<ReturnUpdate, String> reader;

    UpdateText(String variable, String label, Function<ReturnUpdate, String> reader) {
        this.variable = variable;
        this.label = label;
        this.reader = reader;
    }

    String variable() {
        return variable;
    }

    String label() {
        return label;
    }

    /** This text of an update, null if it has none. */
    String of(ReturnUpdate update) {
        return reader.apply(update);
    }
}
