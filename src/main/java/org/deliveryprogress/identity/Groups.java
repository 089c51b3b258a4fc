package org.deliveryprogress.identity;

/**
 * The one Camunda group the application knows by name. Officers are whoever a plan names; managers are the members
 * of their network's manager group ({@code Network.managerGroup}).
 */
public final class Groups {

    /** Camunda's administrators: users, groups, networks and everything else. */
    public static final String ADMINS = "camunda-admin";

    private Groups() {
    }
}
