package org.deliveryprogress.identity;

import java.util.List;

/**
 * The names of the Tasklist filters. The returns make the filters ({@code returns.AccessSetup}), as their tasks are
 * what the filters list. Everyone reads "My work"; the filters of an officer's role are granted to the officers who
 * hold it ({@link OfficerRights}), the managers' ones to managers ({@link ManagerRights}).
 */
public final class TasklistFilters {

    public static final String MY_WORK = "My work";
    public static final String RETURNS_TO_SUBMIT = "My returns to submit";
    public static final String AWAITING_JUDGEMENT = "Awaiting my judgement";
    public static final String REMEDIAL_TO_PROPOSE = "Remedial actions to propose";
    public static final String REMEDIAL_TO_AGREE = "Remedial actions to agree";
    public static final String NETWORK_WORK = "All open work of my network";

    public static final List<String> BY_ROLE = List.of(RETURNS_TO_SUBMIT, AWAITING_JUDGEMENT, REMEDIAL_TO_PROPOSE);
    static final List<String> FOR_MANAGERS = List.of(REMEDIAL_TO_AGREE, NETWORK_WORK);

    private TasklistFilters() {
    }
}
