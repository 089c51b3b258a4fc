package org.deliveryprogress.returns;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A network manager moved the deadline of a return's task: from when to when, who and why. */
@Entity
public class DeadlineChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_return_id")
    private PlanReturn planReturn;

    private String taskId;
    private String taskName;
    private Instant previousDueAt;
    private Instant newDueAt;
    private String reason;
    private String changedBy;
    private Instant changedAt;

    protected DeadlineChange() {
    }

    DeadlineChange(PlanReturn planReturn, String taskId, String taskName, Instant previousDueAt, Instant newDueAt,
            String reason, String changedBy, Instant changedAt) {
        this.planReturn = planReturn;
        this.taskId = taskId;
        this.taskName = taskName;
        this.previousDueAt = previousDueAt;
        this.newDueAt = newDueAt;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String getTaskName() {
        return taskName;
    }

    public Instant getPreviousDueAt() {
        return previousDueAt;
    }

    public Instant getNewDueAt() {
        return newDueAt;
    }

    public String getReason() {
        return reason;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
