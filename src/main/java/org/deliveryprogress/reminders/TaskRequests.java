package org.deliveryprogress.reminders;

import java.util.List;
import java.util.Map;

import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.outcomes.ReturnOutcomes;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.returns.SendBack;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * What a return's open task asks of its officer, for its emails: the subject's request ("Update sent back: please
 * answer the judging officer's question"), what to do, and the officer's text the task answers (the judging officer's
 * question, the network manager's comment), read from the return: officers' text is never an engine variable.
 */
@Component
class TaskRequests {

    /**
     * A task's request. {@code subject} goes before the plan in the subject; {@code action} completes "Please ... for
     * the plan"; {@code quote}, as written, follows {@code quoteLabel}; {@code note} says more in plain words.
     */
    record Request(String subject, String action, String note, String quoteLabel, String quote,
            List<Map<String, Object>> remedialActions) {

        Request(String subject, String action, String note, String quoteLabel, String quote) {
            this(subject, action, note, quoteLabel, quote, List.of());
        }
    }

    private final ReturnOutcomes outcomes;
    private final UserDirectory directory;
    private final ReadableDates readable;

    TaskRequests(ReturnOutcomes outcomes, UserDirectory directory, ReadableDates readable) {
        this.outcomes = outcomes;
        this.directory = directory;
        this.readable = readable;
    }

    /** What the task asks of the officer the email goes to. */
    Request of(String taskDefinitionKey, PlanReturn planReturn, String officer) {
        return switch (taskDefinitionKey) {
            case ReturnVariables.TASK_SUBMIT_UPDATE -> update(planReturn, officer);
            case ReturnVariables.TASK_JUDGE_STATUS -> judgement(planReturn);
            case ReturnVariables.TASK_PROPOSE_REMEDIAL_ACTIONS -> proposal(planReturn);
            case ReturnVariables.TASK_AGREE_REMEDIAL_ACTIONS -> agreement(planReturn);
            default -> throw new IllegalArgumentException("No request for the task " + taskDefinitionKey);
        };
    }

    /** The remedial actions of a return, as its emails list them. */
    static List<Map<String, Object>> remedialActions(PlanReturn planReturn) {
        return planReturn.getRemedialActions().stream().map(TaskRequests::remedialAction).toList();
    }

    /**
     * The update's request: to submit it, or, to a data-entry officer whose network has the lead officer submit, to
     * prepare it (asked to submit, they were refused when they tried).
     */
    private Request update(PlanReturn planReturn, String officer) {
        String whoMay = planReturn.getDataEntryOfficer() == null ? null : whoMaySubmit(planReturn, officer);
        boolean prepares = planReturn.handsUpdateToLead(officer);
        if (planReturn.getState() == ReturnState.SENT_BACK) {
            SendBack sentBack = planReturn.lastSendBack(SendBack.Kind.UPDATE).orElseThrow();
            return new Request("Update sent back: please answer the judging officer's question",
                    prepares ? "please prepare the update's answer to the judging officer's question"
                            : "please answer the judging officer's question and resubmit the update",
                    whoMay, outcomes.sendBack(sentBack).what() + ", asking:", sentBack.getComment());
        }
        String action = prepares ? "please prepare the quarterly update" : "please submit the quarterly update";
        return new Request(StringUtils.capitalize(action), action, whoMay, null, null);
    }

    /**
     * The update's email goes to both its officers: it says which of them submits, as the network has it, to each as
     * "you" (until 7 December 2026 each read of themselves by name, and the data-entry officer asked to prepare the
     * update read that they "may" prepare it), and to anyone else by name.
     */
    private String whoMaySubmit(PlanReturn planReturn, String officer) {
        String lead = directory.nameOf(planReturn.getLeadOfficer());
        String dataEntry = directory.nameOf(planReturn.getDataEntryOfficer());
        boolean eitherSubmits = planReturn.getPlan().getNetwork().isEntryOfficersMaySubmit();
        if (planReturn.getLeadOfficer().equals(officer)) {
            return eitherSubmits ? "You or the data-entry officer, " + dataEntry + ", may submit it."
                    : "You submit it; the data-entry officer, " + dataEntry + ", may prepare it on the update's page "
                            + "and hand it to you there.";
        }
        if (planReturn.getDataEntryOfficer().equals(officer)) {
            return eitherSubmits ? "You or the lead officer, " + lead + ", may submit it."
                    : "The lead officer, " + lead + ", submits it: prepare it on the update's page and hand it to "
                            + "them there.";
        }
        return eitherSubmits
                ? "The lead officer, " + lead + ", or the data-entry officer, " + dataEntry + ", may submit it."
                : "The lead officer, " + lead + ", submits it; the data-entry officer, " + dataEntry
                        + ", may prepare it on the update's page and hand it to the lead officer there.";
    }

    private Request judgement(PlanReturn planReturn) {
        String submitted = "Submitted by " + directory.nameOf(planReturn.getSubmittedBy()) + " on "
                + readable.moment(planReturn.getSubmittedAt()) + ". Judge its status (Red, Amber, Green or Blue), or "
                + "send it back for more information.";
        return planReturn.lastSendBack(SendBack.Kind.UPDATE)
                .map(sentBack -> new Request("Update resubmitted: please judge it",
                        "please judge the resubmitted update", submitted,
                        outcomes.sendBack(sentBack).what() + ", asking:", sentBack.getComment()))
                .orElseGet(() -> new Request("Please judge the quarterly update", "please judge the quarterly update",
                        submitted, null, null));
    }

    private Request proposal(PlanReturn planReturn) {
        if (planReturn.getState() == ReturnState.REMEDIAL_ACTIONS_SENT_BACK) {
            SendBack sentBack = planReturn.lastSendBack(SendBack.Kind.REMEDIAL_ACTIONS).orElseThrow();
            return new Request("Remedial actions sent back: please answer the network manager's comment",
                    "please change the remedial actions and propose them again", null,
                    outcomes.sendBack(sentBack).what() + ", with this comment:", sentBack.getComment(),
                    remedialActions(planReturn));
        }
        return new Request("Please propose remedial actions", "please propose remedial actions (what, who, by when)",
                null, judgedBy(planReturn), planReturn.getJudgementComment());
    }

    /** The first proposal quotes the judgement; one proposed again quotes the send-back and names the status. */
    private Request agreement(PlanReturn planReturn) {
        String proposedBy = "Proposed by " + directory.nameOf(planReturn.getLeadOfficer());
        return planReturn.lastSendBack(SendBack.Kind.REMEDIAL_ACTIONS)
                .map(sentBack -> new Request("Remedial actions proposed again: please agree them or send them back",
                        "please agree or send back the remedial actions proposed again",
                        proposedBy + " for a plan judged " + planReturn.getRagStatus() + ".",
                        outcomes.sendBack(sentBack).what() + ", with this comment:", sentBack.getComment(),
                        remedialActions(planReturn)))
                .orElseGet(() -> new Request("Please agree the remedial actions or send them back",
                        "please agree or send back the remedial actions", proposedBy + ".", judgedBy(planReturn),
                        planReturn.getJudgementComment(), remedialActions(planReturn)));
    }

    private String judgedBy(PlanReturn planReturn) {
        return directory.nameOf(planReturn.getJudgedBy()) + " judged the plan " + planReturn.getRagStatus()
                + " and commented:";
    }

    /** {@code action} as written, for the HTML email; {@code actionInText} for the plain text's list. */
    private static Map<String, Object> remedialAction(RemedialAction action) {
        return Map.of("action", action.getAction(), "actionInText", indentedUnderItsItem(action.getAction()),
                "owner", action.getOwner(), "dueDate", ReadableDates.day(action.getDueDate()));
    }

    /**
     * An action written on several lines, its lines after the first indented under the text of its item ("- ") in a
     * plain-text list: at the margin, as until 7 December 2026, they read as lines apart from the item.
     */
    private static String indentedUnderItsItem(String text) {
        return String.join("\n  ", text.lines().toList());
    }
}
