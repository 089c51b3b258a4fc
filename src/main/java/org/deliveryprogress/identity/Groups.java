package org.deliveryprogress.identity;

/** The Camunda groups the application's rights are given to. */
public final class Groups {

    public static final String ADMINS = "camunda-admin";
    public static final String NETWORK_MANAGERS = "network-managers";
    public static final String LEAD_OFFICERS = "lead-officers";
    public static final String JUDGING_OFFICERS = "judging-officers";
    public static final String DATA_ENTRY_OFFICERS = "data-entry-officers";

    private Groups() {
    }
}
