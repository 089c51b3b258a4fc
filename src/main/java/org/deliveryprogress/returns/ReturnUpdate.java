package org.deliveryprogress.returns;

/** The three texts of a lead officer's quarterly update. */
public record ReturnUpdate(String achievements, String plannedActivities, String blockages) {
}
