package org.deliveryprogress.networks;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * When each step of a network's cycle falls, in working days before the network meeting, and how reminders are paced.
 */
@Embeddable
public record CycleOffsets(
        @Column(name = "open_days_before") int openDaysBefore,
        @Column(name = "updates_due_days_before") int updatesDueDaysBefore,
        @Column(name = "judgements_due_days_before") int judgementsDueDaysBefore,
        @Column(name = "proposals_due_days_before") int proposalsDueDaysBefore,
        @Column(name = "agreements_due_days_before") int agreementsDueDaysBefore,
        @Column(name = "close_days_before") int closeDaysBefore,
        @Column(name = "reminder_days_before_due") int reminderDaysBeforeDue,
        @Column(name = "reminder_every_days_overdue") int reminderEveryDaysOverdue) {

    /** The defaults of the partnership's paper process (see DOMAIN.md). */
    public static CycleOffsets defaults() {
        return new CycleOffsets(20, 10, 7, 5, 4, 2, 3, 2);
    }
}
