package org.deliveryprogress.identity;

import java.util.List;

/** The Camunda groups the application's rights are given to. */
public final class Groups {

    public static final String ADMINS = "camunda-admin";
    public static final String NETWORK_MANAGERS = "network-managers";
    public static final String LEAD_OFFICERS = "lead-officers";
    public static final String JUDGING_OFFICERS = "judging-officers";
    public static final String DATA_ENTRY_OFFICERS = "data-entry-officers";

    static final List<String> OFFICERS = List.of(LEAD_OFFICERS, JUDGING_OFFICERS, DATA_ENTRY_OFFICERS);

    private Groups() {
    }
}
