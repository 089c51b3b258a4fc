package org.deliveryprogress.returns;

/** Where a plan's return stands; the last four are final. */
public enum ReturnState {
    AWAITING_UPDATE,
    AWAITING_JUDGEMENT,
    /** The judging officer sent the update back for more information: the lead officer resubmits it. */
    SENT_BACK,
    AWAITING_REMEDIAL_ACTIONS,
    /** A network manager sent the remedial actions back: the lead officer proposes them again. */
    REMEDIAL_ACTIONS_SENT_BACK,
    AWAITING_REMEDIAL_AGREEMENT,
    COMPLETE,
    /** The cycle closed before any update was submitted. */
    NO_RETURN,
    /**
     * The cycle closed with an update submitted but no judgement made: waiting for the judging officer, or, after a
     * send-back, for the lead officer (see {@link PlanReturn#getWaitingAtClose()}).
     */
    NOT_JUDGED,
    /** The cycle closed with the plan judged Red or Amber but its remedial actions not agreed. */
    REMEDIAL_ACTIONS_NOT_AGREED;

    /** Where the return stands, in words. */
    public String describe() {
        return switch (this) {
            case AWAITING_UPDATE -> "Update not yet submitted";
            case SENT_BACK -> "Update sent back for more information, to resubmit";
            case AWAITING_JUDGEMENT -> "Awaiting judgement";
            case AWAITING_REMEDIAL_ACTIONS -> "Remedial actions to propose";
            case REMEDIAL_ACTIONS_SENT_BACK -> "Remedial actions sent back, to propose again";
            case AWAITING_REMEDIAL_AGREEMENT -> "Remedial actions to agree";
            case COMPLETE -> "Complete";
            case NO_RETURN -> "No return";
            case NOT_JUDGED -> "Not judged";
            case REMEDIAL_ACTIONS_NOT_AGREED -> "Remedial actions not agreed";
        };
    }

    /** What an unfinished return becomes when its cycle closes. */
    ReturnState atClose() {
        return switch (this) {
            case AWAITING_UPDATE -> NO_RETURN;
            case AWAITING_JUDGEMENT, SENT_BACK -> NOT_JUDGED;
            case AWAITING_REMEDIAL_ACTIONS, REMEDIAL_ACTIONS_SENT_BACK, AWAITING_REMEDIAL_AGREEMENT ->
                REMEDIAL_ACTIONS_NOT_AGREED;
            default -> this;
        };
    }
}
