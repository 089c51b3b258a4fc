package org.deliveryprogress.identity;

/**
 * The Camunda groups the application knows by name. Officers are whoever a plan names; managers are the members of
 * their network's manager group ({@code Network.managerGroup}).
 */
public final class Groups {

    /** Camunda's administrators: users, groups, networks and everything else. */
    public static final String ADMINS = "camunda-admin";

    /**
     * Those who read the metrics and nothing else: Prometheus's own user, which then holds no administrator's rights
     * (an administrator creates the group in Camunda Admin).
     */
    public static final String METRICS_READERS = "metrics-readers";

    private Groups() {
    }
}
