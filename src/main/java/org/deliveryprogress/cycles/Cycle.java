package org.deliveryprogress.cycles;

import java.time.Instant;

import org.deliveryprogress.networks.NetworkMeeting;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

/** One round of returns before a network meeting, with the deadlines it was opened with. */
@Entity
public class Cycle {

    public enum State {
        OPEN, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    private NetworkMeeting meeting;

    private String reference;

    @Enumerated(EnumType.STRING)
    private State state;

    private Instant openedAt;
    private String openedBy;
    private Instant updatesDueAt;
    private Instant judgementsDueAt;
    private Instant proposalsDueAt;
    private Instant agreementsDueAt;
    private Instant closeAt;
    private Instant closedAt;
    private String processInstanceId;

    protected Cycle() {
    }

    public Cycle(NetworkMeeting meeting, String reference, CycleDeadlines deadlines, Instant openedAt,
            String openedBy) {
        this.meeting = meeting;
        this.reference = reference;
        this.state = State.OPEN;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
        this.updatesDueAt = deadlines.updatesDue();
        this.judgementsDueAt = deadlines.judgementsDue();
        this.proposalsDueAt = deadlines.proposalsDue();
        this.agreementsDueAt = deadlines.agreementsDue();
        this.closeAt = deadlines.close();
    }

    public void close(Instant closedAt) {
        this.state = State.CLOSED;
        this.closedAt = closedAt;
    }

    void runBy(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public CycleDeadlines deadlines() {
        return new CycleDeadlines(updatesDueAt, judgementsDueAt, proposalsDueAt, agreementsDueAt, closeAt);
    }

    public Long getId() {
        return id;
    }

    public NetworkMeeting getMeeting() {
        return meeting;
    }

    public String getReference() {
        return reference;
    }

    public State getState() {
        return state;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getCloseAt() {
        return closeAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
