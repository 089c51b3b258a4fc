package org.deliveryprogress.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;

/**
 * A return sent back: an update by its judging officer with a question, or remedial actions by a network manager with
 * a comment. Every one is kept, since the return's own columns hold only the latest judgement or decision. An update
 * sent back keeps the update as its judge read it, so that its judge sees what the answer changed.
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

    /** Whether the update as its judge read it is kept: not for remedial actions, nor before 6 December 2026. */
    private boolean updateKept;
    private String achievements;
    private String plannedActivities;
    private String blockages;
    @ElementCollection
    @CollectionTable(name = "send_back_answer", joinColumns = @JoinColumn(name = "send_back_id"))
    @OrderColumn(name = "position")
    private List<AnswerSeen> answersSeen = new ArrayList<>();

    protected SendBack() {
    }

    /** An update sent back, with the update as its judge read it. */
    SendBack(PlanReturn planReturn, String question, String sentBy, Instant sentAt, String taskId, UpdateSeen seen) {
        this(planReturn, Kind.UPDATE, question, sentBy, sentAt, taskId);
        this.updateKept = true;
        this.achievements = seen.achievements();
        this.plannedActivities = seen.plannedActivities();
        this.blockages = seen.blockages();
        this.answersSeen.addAll(seen.answers());
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

    /** The update as its judge read it when sending it back, where it was kept. */
    Optional<UpdateSeen> updateSeen() {
        return updateKept ? Optional.of(new UpdateSeen(achievements, plannedActivities, blockages,
                List.copyOf(answersSeen))) : Optional.empty();
    }
}
