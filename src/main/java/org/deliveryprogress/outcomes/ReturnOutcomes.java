package org.deliveryprogress.outcomes;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.returns.SendBack;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;

/**
 * A return's outcomes named for what they were, with the officers' names, the same words in the meeting pack, the
 * dashboard, a plan's history and the emails: an update sent back for more information, remedial actions sent back or
 * agreed, and, for a return its cycle closed on, whom it was waiting for (the lead officer who had to resubmit an
 * update sent back, not the judging officer who sent it back).
 */
@Component
public class ReturnOutcomes {

    public enum Kind {
        UPDATE_SENT_BACK, REMEDIAL_ACTIONS_SENT_BACK, REMEDIAL_ACTIONS_AGREED
    }

    /** An outcome in words ("Update sent back for more information by ... on ...") and the officer's text with it. */
    public record Outcome(Kind kind, String what, String text) {
    }

    private final UserDirectory directory;
    private final ReadableDates readable;

    ReturnOutcomes(UserDirectory directory, ReadableDates readable) {
        this.directory = directory;
        this.readable = readable;
    }

    public Outcome sendBack(SendBack sendBack) {
        String byOn = " by " + directory.nameOf(sendBack.getSentBy()) + " on " + readable.moment(sendBack.getSentAt());
        return switch (sendBack.getKind()) {
            case UPDATE -> new Outcome(Kind.UPDATE_SENT_BACK, "Update sent back for more information" + byOn,
                    sendBack.getComment());
            case REMEDIAL_ACTIONS -> new Outcome(Kind.REMEDIAL_ACTIONS_SENT_BACK, "Remedial actions sent back" + byOn,
                    sendBack.getComment());
        };
    }

    /** Every send-back of the return, the earliest first, then the agreement of its remedial actions. */
    public List<Outcome> decisions(PlanReturn planReturn) {
        List<Outcome> sendBacks = planReturn.getSendBacks().stream().map(this::sendBack).toList();
        return remedialAgreement(planReturn).map(agreed -> Stream.concat(sendBacks.stream(), Stream.of(agreed))
                .toList()).orElse(sendBacks);
    }

    /** "Remedial actions agreed by ... on ...", with the manager's comment, once they are. */
    public Optional<Outcome> remedialAgreement(PlanReturn planReturn) {
        if (planReturn.getState() != ReturnState.COMPLETE || planReturn.getRemedialActions().isEmpty()) {
            return Optional.empty();
        }
        // A return brought in from before the application records no manager.
        String by = planReturn.getRemedialDecidedBy() == null ? ""
                : " by " + directory.nameOf(planReturn.getRemedialDecidedBy()) + " on "
                        + readable.moment(planReturn.getRemedialDecidedAt());
        return Optional.of(new Outcome(Kind.REMEDIAL_ACTIONS_AGREED, "Remedial actions agreed" + by,
                planReturn.getRemedialComment()));
    }

    /**
     * Whom the return was waiting for when its cycle closed, and for what: "waiting for the lead officer ... to
     * resubmit the update the judging officer ... sent back". Empty for a return that finished, or closed before
     * the application recorded the stage.
     */
    public Optional<String> waitingAtClose(PlanReturn planReturn) {
        ReturnState waiting = planReturn.getWaitingAtClose();
        return waiting == null ? Optional.empty() : Optional.of("waiting for " + waitingFor(planReturn, waiting));
    }

    private String waitingFor(PlanReturn planReturn, ReturnState waiting) {
        String lead = "the lead officer " + directory.nameOf(planReturn.getLeadOfficer());
        return switch (waiting) {
            case AWAITING_UPDATE -> lead + (planReturn.getDataEntryOfficer() == null ? ""
                    : " or the data-entry officer " + directory.nameOf(planReturn.getDataEntryOfficer()))
                    + " to submit the update";
            case SENT_BACK -> lead + " to resubmit the update the judging officer " + directory.nameOf(planReturn
                    .lastSendBack(SendBack.Kind.UPDATE).map(SendBack::getSentBy).orElse(planReturn.getJudgingOfficer()))
                    + " sent back";
            case AWAITING_JUDGEMENT -> "the judging officer " + directory.nameOf(planReturn.getJudgingOfficer())
                    + " to judge the " + (planReturn.lastSendBack(SendBack.Kind.UPDATE).isPresent()
                            ? "resubmitted update" : "update");
            case AWAITING_REMEDIAL_ACTIONS -> lead + " to propose remedial actions";
            case REMEDIAL_ACTIONS_SENT_BACK -> lead + " to propose again the remedial actions "
                    + planReturn.lastSendBack(SendBack.Kind.REMEDIAL_ACTIONS)
                            .map(sendBack -> directory.nameOf(sendBack.getSentBy())).orElse("a network manager")
                    + " sent back";
            case AWAITING_REMEDIAL_AGREEMENT -> "the network's managers to agree the remedial actions "
                    + directory.nameOf(planReturn.getLeadOfficer()) + " proposed";
            default -> throw new IllegalStateException(waiting + " is not a stage a return waits in");
        };
    }
}
