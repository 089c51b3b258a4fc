package org.deliveryprogress.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.plans.DeliveryPlan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;

/**
 * One plan's return for one cycle: the lead officer's update, the judgement and the remedial actions. The prose lives
 * here, not in process variables, because officers write far more than an engine variable holds.
 */
@Entity
public class PlanReturn {

    /** From a sequence, 50 keys at a time, so that a return is inserted whole, in a batch (V13). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_return_seq")
    @SequenceGenerator(name = "plan_return_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Cycle cycle;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private DeliveryPlan plan;

    /** The plan's officers when the return opened, whom it keeps whatever the register says later. */
    @Column(updatable = false)
    private String leadOfficer;
    @Column(updatable = false)
    private String judgingOfficer;
    @Column(updatable = false)
    private String dataEntryOfficer;

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

    /** What the evidence suggested when the judge judged; null before suggestions, or when it suggested nothing. */
    @Enumerated(EnumType.STRING)
    private RagStatus suggestedStatus;
    /** The suggestion's reasons, one per line. */
    private String suggestionReasons;

    private String judgedBy;
    private Instant judgedAt;
    private String remedialComment;
    private String remedialDecidedBy;
    private Instant remedialDecidedAt;
    private Instant closedAt;

    /** The stage the return was waiting in when its cycle closed; null if it finished before. */
    @Enumerated(EnumType.STRING)
    private ReturnState waitingAtClose;

    /**
     * Written for a whole batch of returns just opened in one statement ({@link StartedReturns}), never by Hibernate:
     * the instance starts after the return is saved, so Hibernate would follow each return's insert with an update.
     */
    @Column(updatable = false)
    private String processInstanceId;

    @OneToMany(mappedBy = "planReturn", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RemedialAction> remedialActions = new ArrayList<>();

    /** A set, not a bag, so that it joins the evidence's lists in one query ({@link PlanReturnRepository#findById}). */
    @OneToMany(mappedBy = "planReturn", cascade = CascadeType.ALL, orphanRemoval = true)
    private Set<SendBack> sendBacks = new HashSet<>();

    /**
     * Whether the evidence keeps the targets and deadlines it was measured against; false for returns submitted
     * before it did, which are read against the register as it is now.
     */
    @Column(name = "register_kept")
    private boolean registerKept;

    @ElementCollection
    @CollectionTable(name = "return_indicator", joinColumns = @JoinColumn(name = "return_id"))
    @OrderColumn(name = "position")
    private List<Evidence.IndicatorAnswer> indicatorAnswers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "return_action_progress", joinColumns = @JoinColumn(name = "return_id"))
    @OrderColumn(name = "position")
    private List<Evidence.ActionProgress> actionProgress = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "return_remedial_follow_up", joinColumns = @JoinColumn(name = "return_id"))
    @OrderColumn(name = "position")
    private List<Evidence.RemedialFollowUp> remedialFollowUps = new ArrayList<>();

    protected PlanReturn() {
    }

    PlanReturn(Cycle cycle, DeliveryPlan plan) {
        this.cycle = cycle;
        this.plan = plan;
        this.leadOfficer = plan.getLeadOfficer();
        this.judgingOfficer = plan.getJudgingOfficer();
        this.dataEntryOfficer = plan.getDataEntryOfficer();
        this.state = ReturnState.AWAITING_UPDATE;
    }

    /** Records the update, its evidence keeping the register's targets and deadlines as they are now. */
    void submitUpdate(ReturnUpdate update, Evidence evidence, String by, Instant at) {
        EvidenceViews.keepRegister(evidence, this);
        this.registerKept = true;
        this.indicatorAnswers.clear();
        this.indicatorAnswers.addAll(evidence.indicators());
        this.actionProgress.clear();
        this.actionProgress.addAll(evidence.actions());
        this.remedialFollowUps.clear();
        this.remedialFollowUps.addAll(evidence.followUps());
        this.achievements = update.achievements();
        this.plannedActivities = update.plannedActivities();
        this.blockages = update.blockages();
        this.submittedBy = by;
        this.submittedAt = at;
        this.state = ReturnState.AWAITING_JUDGEMENT;
    }

    /**
     * The judging officer's question is also their latest word on the update, which the forms show. The send-back
     * keeps the update as they read it, which the answer will replace.
     */
    void sendBack(String request, String by, Instant at, String taskId, UpdateSeen seen) {
        this.judgementComment = request;
        this.judgedBy = by;
        this.judgedAt = at;
        this.sendBacks.add(new SendBack(this, request, by, at, taskId, seen));
        this.state = ReturnState.SENT_BACK;
    }

    void judge(RagStatus status, String comment, StatusSuggestion suggestion, String by, Instant at) {
        this.ragStatus = status;
        this.suggestedStatus = suggestion == null ? null : suggestion.status();
        this.suggestionReasons = suggestion == null ? null : String.join("\n", suggestion.reasons());
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

    void decideRemedialActions(boolean agreed, String comment, String by, Instant at, String taskId) {
        this.remedialComment = comment;
        this.remedialDecidedBy = by;
        this.remedialDecidedAt = at;
        if (agreed) {
            remedialActions.forEach(RemedialAction::agree);
            this.state = ReturnState.COMPLETE;
        } else {
            this.sendBacks.add(new SendBack(this, SendBack.Kind.REMEDIAL_ACTIONS, comment, by, at, taskId));
            this.state = ReturnState.REMEDIAL_ACTIONS_SENT_BACK;
        }
    }

    void closeUnfinished(Instant at) {
        if (state.atClose() != state) {
            this.waitingAtClose = state;
        }
        this.state = state.atClose();
        this.closedAt = at;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The plan as the return's tasks and emails name it: "CC-NI1 Community Cohesion...". */
    public String label() {
        return ReturnProcess.labelOf(plan);
    }

    public Long getId() {
        return id;
    }

    public Cycle getCycle() {
        return cycle;
    }

    public String getLeadOfficer() {
        return leadOfficer;
    }

    public String getJudgingOfficer() {
        return judgingOfficer;
    }

    public String getDataEntryOfficer() {
        return dataEntryOfficer;
    }

    /** Whether the user is one of the officers the return opened with, who keep its tasks when the plan has others. */
    public boolean namesOfficer(String userId) {
        return userId.equals(leadOfficer) || userId.equals(judgingOfficer) || userId.equals(dataEntryOfficer);
    }

    /**
     * Whether the user prepares the update and hands it to the lead officer rather than submit it: its data-entry
     * officer, not also its lead, in a network whose lead officers submit (as the engine has it, CompletingOfficer).
     */
    public boolean handsUpdateToLead(String userId) {
        return !plan.getNetwork().isEntryOfficersMaySubmit()
                && CompletingOfficer.isDataEntryOfficerOnly(userId, leadOfficer, dataEntryOfficer);
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

    /** What the evidence suggested when the judge judged, as recorded then. */
    public Optional<StatusSuggestion> getSuggestion() {
        return suggestedStatus == null ? Optional.empty()
                : Optional.of(new StatusSuggestion(suggestedStatus, suggestionReasons == null ? List.of()
                        : List.of(suggestionReasons.split("\n"))));
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

    public Instant getRemedialDecidedAt() {
        return remedialDecidedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    /** The stage the return was waiting in when its cycle closed: whom it waited for. Null if it finished first. */
    public ReturnState getWaitingAtClose() {
        return waitingAtClose;
    }

    /** Every send-back of the return, the earliest first (one made in this transaction has no id yet: the last). */
    public List<SendBack> getSendBacks() {
        return sendBacks.stream()
                .sorted(Comparator.comparing(SendBack::getId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** The latest send-back of the update or of the remedial actions, if there was one. */
    public Optional<SendBack> lastSendBack(SendBack.Kind kind) {
        return getSendBacks().stream().filter(sendBack -> sendBack.getKind() == kind)
                .reduce((first, second) -> second);
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    boolean isRegisterKept() {
        return registerKept;
    }

    /** The evidence the update gave, as submitted: empty until it is. */
    public Evidence getEvidence() {
        return new Evidence(List.copyOf(indicatorAnswers), List.copyOf(actionProgress),
                List.copyOf(remedialFollowUps));
    }

    public List<RemedialAction> getRemedialActions() {
        return remedialActions;
    }
}
