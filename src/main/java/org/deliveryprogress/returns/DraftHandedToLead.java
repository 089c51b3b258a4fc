package org.deliveryprogress.returns;

import java.time.Instant;

/**
 * Published when a plan's data-entry officer hands a prepared draft of the update to the lead officer, inside that
 * transaction: the lead officer is told (package reminders). The update task was theirs already, so the email of a
 * task given to someone would not come again.
 */
public record DraftHandedToLead(Long returnId, String taskId, String dataEntryOfficer, Instant handedAt) {
}
