package org.deliveryprogress.outcomes;

import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.ReturnState;

/**
 * How a return's status is shown: a word and a symbol as well as a colour, so that a pack printed in black and white,
 * or read by someone who does not tell red from green, says the same.
 */
public enum StatusMark {

    RED("Red", "✖", "red", 1),
    AMBER("Amber", "▲", "amber", 2),
    GREEN("Green", "✔", "green", 3),
    BLUE("Blue", "★", "blue", 4),
    NOT_JUDGED("Not judged", "?", "unjudged", 0),
    /** Not judged either, but because the update the judging officer sent back was not resubmitted. */
    SENT_BACK("Sent back, not resubmitted", "↩", "unjudged", 0),
    NO_RETURN("No return", "○", "none", 0),
    /** A return of an open cycle not yet judged. */
    IN_PROGRESS("In progress", "…", "none", 0);

    private final String word;
    private final String symbol;
    private final String cssClass;
    private final int rank;

    StatusMark(String word, String symbol, String cssClass, int rank) {
        this.word = word;
        this.symbol = symbol;
        this.cssClass = cssClass;
        this.rank = rank;
    }

    public static StatusMark of(PlanReturn planReturn) {
        if (planReturn.getRagStatus() != null) {
            return of(planReturn.getRagStatus());
        }
        return switch (planReturn.getState()) {
            case NO_RETURN -> NO_RETURN;
            case NOT_JUDGED -> planReturn.getWaitingAtClose() == ReturnState.SENT_BACK ? SENT_BACK : NOT_JUDGED;
            default -> IN_PROGRESS;
        };
    }

    public static StatusMark of(RagStatus status) {
        return switch (status) {
            case Red -> RED;
            case Amber -> AMBER;
            case Green -> GREEN;
            case Blue -> BLUE;
        };
    }

    public String word() {
        return word;
    }

    public String symbol() {
        return symbol;
    }

    public String cssClass() {
        return cssClass;
    }

    /** Whether a judging officer gave this status: only those compare from quarter to quarter. */
    public boolean isJudged() {
        return rank > 0;
    }

    /** The change from an earlier quarter's status to this one, in words and an arrow. */
    public Trend since(StatusMark earlier) {
        if (earlier == null || !earlier.isJudged() || !isJudged()) {
            return Trend.NONE;
        }
        return rank > earlier.rank ? Trend.BETTER : rank < earlier.rank ? Trend.WORSE : Trend.SAME;
    }

    public enum Trend {
        BETTER("↑", "better"), WORSE("↓", "worse"), SAME("→", "no change"), NONE("", "no comparison");

        private final String arrow;
        private final String word;

        Trend(String arrow, String word) {
            this.arrow = arrow;
            this.word = word;
        }

        public String arrow() {
            return arrow;
        }

        public String word() {
            return word;
        }
    }
}
