package org.deliveryprogress.returns;

import java.time.LocalDate;
import java.util.List;

/**
 * Published when a network manager withdraws a cycle ({@link CycleWithdrawal}), inside its transaction and before
 * its returns' tasks are deleted: the officers of those tasks are told (package reminders), in the same transaction.
 */
public record CycleWithdrawn(String cycleReference, LocalDate meetingDate, String withdrawnBy, String reason,
        String managerGroup, List<Return> returns) {

    /** A withdrawn return: its process, whose open task's officers are told, and its plan as emails name it. */
    public record Return(String processInstanceId, String planLabel) {
    }
}
