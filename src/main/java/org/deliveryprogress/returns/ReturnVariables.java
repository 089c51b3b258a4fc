package org.deliveryprogress.returns;

import java.util.Map;

/**
 * Names of the planReturn process's variables. The names of submitted fields are a public API: Tasklist's forms and
 * REST clients use the same ones.
 */
public final class ReturnVariables {

    public static final String PROCESS_KEY = "planReturn";
    public static final String CYCLE_CLOSED_MESSAGE = "CycleClosed";

    public static final String TASK_SUBMIT_UPDATE = "Task_SubmitUpdate";
    public static final String TASK_JUDGE_STATUS = "Task_JudgeStatus";
    public static final String TASK_PROPOSE_REMEDIAL_ACTIONS = "Task_ProposeRemedialActions";
    public static final String TASK_AGREE_REMEDIAL_ACTIONS = "Task_AgreeRemedialActions";

    // Set when the return opens; tasks are assigned and labelled from them.
    public static final String RETURN_ID = "returnId";
    public static final String CYCLE_ID = "cycleId";
    public static final String PLAN_LABEL = "planLabel";
    public static final String LEAD_OFFICER = "leadOfficer";
    public static final String JUDGING_OFFICER = "judgingOfficer";
    public static final String DATA_ENTRY_OFFICER = "dataEntryOfficer";
    public static final String NETWORK_MANAGER_GROUP = "networkManagerGroup";
    public static final String UPDATE_DUE_AT = "updateDueAt";
    public static final String JUDGEMENT_DUE_AT = "judgementDueAt";
    public static final String REMEDIAL_PROPOSAL_DUE_AT = "remedialProposalDueAt";
    public static final String REMEDIAL_AGREEMENT_DUE_AT = "remedialAgreementDueAt";

    // Submitted by officers.
    public static final String ACHIEVEMENTS = "achievements";
    public static final String PLANNED_ACTIVITIES = "plannedActivities";
    public static final String BLOCKAGES = "blockages";
    /** The update's evidence: Json lists, kept in the return and never in the engine (they hold officers' notes). */
    public static final String INDICATOR_VALUES = "indicatorValues";
    public static final String ACTION_PROGRESS = "actionProgress";
    public static final String REMEDIAL_FOLLOW_UP = "remedialFollowUp";
    public static final String RAG_STATUS = "ragStatus";
    public static final String JUDGEMENT_COMMENT = "judgementComment";
    public static final String JUDGEMENT_OUTCOME = "judgementOutcome";
    public static final String REMEDIAL_ACTIONS = "remedialActions";
    public static final String REMEDIAL_OUTCOME = "remedialOutcome";
    public static final String REMEDIAL_COMMENT = "remedialComment";

    /**
     * By when a remedial action will be done, in an entry of {@link #REMEDIAL_ACTIONS}: either an ISO date (REST
     * clients) or the day, month and year as the form's three boxes send them, day first whatever the browser's
     * language. A submission gives one or the other; the forms are given both.
     */
    public static final String DUE_DATE = "dueDate";
    public static final String DUE_DAY = "dueDay";
    public static final String DUE_MONTH = "dueMonth";
    public static final String DUE_YEAR = "dueYear";

    public static final String OUTCOME_JUDGED = "judged";
    public static final String OUTCOME_SENT_BACK = "sentBack";
    public static final String OUTCOME_AGREED = "agreed";

    /**
     * Form fields that stand for a public name. form-js cannot bind two fields to one name, and a field cannot be
     * required only sometimes; so a form shows a required comment for Red and Amber and an optional one, under
     * another name, for Green and Blue. The optional one counts when the required one is blank.
     */
    static final String BEST_PRACTICE_COMMENT = "bestPracticeComment";
    static final String AGREEMENT_COMMENT = "agreementComment";
    static final Map<String, String> FORM_ALIASES = Map.of(
            BEST_PRACTICE_COMMENT, JUDGEMENT_COMMENT,
            AGREEMENT_COMMENT, REMEDIAL_COMMENT);

    private ReturnVariables() {
    }
}
