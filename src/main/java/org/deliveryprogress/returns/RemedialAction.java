package org.deliveryprogress.returns;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** What a Red or Amber plan will do about it: what, who, by when. Followed up in the next quarter's return. */
@Entity
public class RemedialAction {

    public enum State {
        PROPOSED, AGREED
    }

    /** A remedial action as the lead officer proposes it. */
    public record Proposal(String action, String owner, LocalDate dueDate) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "return_id")
    private PlanReturn planReturn;

    private int position;
    private String action;
    private String owner;
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    private State state;

    protected RemedialAction() {
    }

    RemedialAction(PlanReturn planReturn, int position, Proposal proposal) {
        this.planReturn = planReturn;
        this.position = position;
        this.action = proposal.action();
        this.owner = proposal.owner();
        this.dueDate = proposal.dueDate();
        this.state = State.PROPOSED;
    }

    void agree() {
        this.state = State.AGREED;
    }

    public Long getId() {
        return id;
    }

    public String getAction() {
        return action;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public State getState() {
        return state;
    }

    public boolean isAgreed() {
        return state == State.AGREED;
    }
}
