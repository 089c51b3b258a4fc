package org.deliveryprogress.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * One plan's return for one cycle: the lead officer's update, the judgement and the remedial actions. The prose lives
 * here, not in process variables, because officers write far more than an engine variable holds.
 */
@Entity
public class PlanReturn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Cycle cycle;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private DeliveryPlan plan;

    @Enumerated(EnumType.STRING)
    private ReturnState state;

    private String achievements;
    private String plannedActivities;
    private String blockages;
    private String submittedBy;
    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    private RagStatus ragStatus;

    private String judgementComment;
    private String judgedBy;
    private Instant judgedAt;
    private String remedialComment;
    private String remedialDecidedBy;
    private Instant remedialDecidedAt;
    private Instant closedAt;
    private String processInstanceId;

    @OneToMany(mappedBy = "planReturn", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RemedialAction> remedialActions = new ArrayList<>();

    protected PlanReturn() {
    }

    public PlanReturn(Cycle cycle, DeliveryPlan plan) {
        this.cycle = cycle;
        this.plan = plan;
        this.state = ReturnState.AWAITING_UPDATE;
    }

    void submitUpdate(ReturnUpdate update, String by, Instant at) {
        this.achievements = update.achievements();
        this.plannedActivities = update.plannedActivities();
        this.blockages = update.blockages();
        this.submittedBy = by;
        this.submittedAt = at;
        this.state = ReturnState.AWAITING_JUDGEMENT;
    }

    void sendBack(String request, String by, Instant at) {
        this.judgementComment = request;
        this.judgedBy = by;
        this.judgedAt = at;
        this.state = ReturnState.SENT_BACK;
    }

    void judge(RagStatus status, String comment, String by, Instant at) {
        this.ragStatus = status;
        this.judgementComment = comment;
        this.judgedBy = by;
        this.judgedAt = at;
        this.state = status.needsRemedialAction() ? ReturnState.AWAITING_REMEDIAL_ACTIONS : ReturnState.COMPLETE;
    }

    void proposeRemedialActions(List<RemedialAction.Proposal> proposals) {
        remedialActions.clear();
        for (RemedialAction.Proposal proposal : proposals) {
            remedialActions.add(new RemedialAction(this, remedialActions.size(), proposal));
        }
        this.state = ReturnState.AWAITING_REMEDIAL_AGREEMENT;
    }

    void decideRemedialActions(boolean agreed, String comment, String by, Instant at) {
        this.remedialComment = comment;
        this.remedialDecidedBy = by;
        this.remedialDecidedAt = at;
        if (agreed) {
            remedialActions.forEach(RemedialAction::agree);
            this.state = ReturnState.COMPLETE;
        } else {
            this.state = ReturnState.AWAITING_REMEDIAL_ACTIONS;
        }
    }

    void closeUnfinished(Instant at) {
        this.state = state.atClose();
        this.closedAt = at;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public Cycle getCycle() {
        return cycle;
    }

    public DeliveryPlan getPlan() {
        return plan;
    }

    public ReturnState getState() {
        return state;
    }

    public String getAchievements() {
        return achievements;
    }

    public String getPlannedActivities() {
        return plannedActivities;
    }

    public String getBlockages() {
        return blockages;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public RagStatus getRagStatus() {
        return ragStatus;
    }

    public String getJudgementComment() {
        return judgementComment;
    }

    public String getJudgedBy() {
        return judgedBy;
    }

    public Instant getJudgedAt() {
        return judgedAt;
    }

    public String getRemedialComment() {
        return remedialComment;
    }

    public String getRemedialDecidedBy() {
        return remedialDecidedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public List<RemedialAction> getRemedialActions() {
        return remedialActions;
    }
}
