package org.deliveryprogress.plans;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * An action of a plan's action plan. The deadline is kept as written ("Oct 2009", "Ongoing") and, where it holds one,
 * as a date.
 */
@Entity
public class PlanAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private DeliveryPlan plan;

    private String reference;
    private String objective;
    private String action;
    private String milestones;
    private String owner;
    private String deadlineText;
    private LocalDate deadline;
    private String priority;
    private String resources;
    private String risk;
    private String status;

    protected PlanAction() {
    }

    PlanAction(DeliveryPlan plan, String reference, String action, String status) {
        this.plan = plan;
        this.reference = reference;
        this.action = action;
        this.status = status;
    }

    public void describe(String objective, String milestones, String owner, String priority) {
        this.objective = objective;
        this.milestones = milestones;
        this.owner = owner;
        this.priority = priority;
    }

    /** What the action needs, as the paper action plans' Resources column has it: "Officer time RIEP money". */
    public void setResources(String resources) {
        this.resources = resources;
    }

    /** What could stop it, as the paper action plans' Risk column has it, in the responsible officer's words. */
    public void setRisk(String risk) {
        this.risk = risk;
    }

    public void change(String action, String status) {
        this.action = action;
        this.status = status;
    }

    public void setDeadline(String deadlineText, LocalDate deadline) {
        this.deadlineText = deadlineText;
        this.deadline = deadline;
    }

    /** Open actions are the ones a quarterly update reports progress on. */
    public boolean isOpen() {
        return !ActionStatus.isFinished(status);
    }

    public String getReference() {
        return reference;
    }

    public String getObjective() {
        return objective;
    }

    public String getAction() {
        return action;
    }

    public String getMilestones() {
        return milestones;
    }

    public String getOwner() {
        return owner;
    }

    public String getDeadlineText() {
        return deadlineText;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getPriority() {
        return priority;
    }

    public String getResources() {
        return resources;
    }

    public String getRisk() {
        return risk;
    }

    /** As the register has it, in its own words; null when it has none. */
    public String getStatus() {
        return status;
    }

    /** The status its latest return reported: the register follows the officers' progress. */
    public void reportStatus(String status) {
        this.status = status;
    }
}
