package org.deliveryprogress.networks;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A quarterly meeting of a network; every active plan reports before it. */
@Entity
public class NetworkMeeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Network network;

    private LocalDate meetingDate;

    protected NetworkMeeting() {
    }

    public NetworkMeeting(Network network, LocalDate meetingDate) {
        this.network = network;
        this.meetingDate = meetingDate;
    }

    public Long getId() {
        return id;
    }

    public Network getNetwork() {
        return network;
    }

    public LocalDate getMeetingDate() {
        return meetingDate;
    }
}
