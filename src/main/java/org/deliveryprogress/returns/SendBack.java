package org.deliveryprogress.returns;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A return sent back: an update by its judging officer with a question, or remedial actions by a network manager with
 * a comment. Every one is kept, since the return's own columns hold only the latest judgement or decision.
 */
@Entity
public class SendBack {

    public enum Kind {
        UPDATE, REMEDIAL_ACTIONS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "return_id")
    private PlanReturn planReturn;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String sentBy;
    private Instant sentAt;
    private String comment;
    /** The engine's task that sent it back: a plan's history names that step by it. */
    private String taskId;

    protected SendBack() {
    }

    SendBack(PlanReturn planReturn, Kind kind, String comment, String sentBy, Instant sentAt, String taskId) {
        this.planReturn = planReturn;
        this.kind = kind;
        this.comment = comment;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
        this.taskId = taskId;
    }

    /** Null until the send-back is saved. */
    Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    /** The judging officer's question, or the network manager's comment, as written. */
    public String getComment() {
        return comment;
    }

    public String getTaskId() {
        return taskId;
    }
}
