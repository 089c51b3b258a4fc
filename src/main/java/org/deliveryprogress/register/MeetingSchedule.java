package org.deliveryprogress.register;

import java.time.Clock;
import java.time.LocalDate;

import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.shared.ConflictException;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotFoundException;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A network's meetings, added and removed by its managers, from the API or the network's page. */
@Component
@Transactional
class MeetingSchedule {

    /**
     * The dates a meeting may have: a year mistyped (2062 for 2026, or the year 10000, which the database cannot
     * store) is refused rather than scheduled.
     */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final int YEARS_AHEAD = 10;

    private final RegisterAccess access;
    private final NetworkMeetingRepository meetings;
    private final CycleRepository cycles;
    private final Clock clock;

    MeetingSchedule(RegisterAccess access, NetworkMeetingRepository meetings, CycleRepository cycles, Clock clock) {
        this.access = access;
        this.meetings = meetings;
        this.cycles = cycles;
        this.clock = clock;
    }

    NetworkMeeting add(String networkCode, LocalDate date, Viewer viewer) {
        Network network = access.networkToManage(networkCode, viewer);
        LocalDate latest = LocalDate.now(clock).plusYears(YEARS_AHEAD);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw new InvalidRequestException("A meeting's date must be from " + ReadableDates.date(EARLIEST) + " to "
                    + ReadableDates.date(latest) + ", " + YEARS_AHEAD + " years from today: " + date + " is not.");
        }
        if (meetings.findByNetworkAndMeetingDate(network, date).isPresent()) {
            throw new ConflictException(network.getName() + " already meets on " + date + ".");
        }
        return meetings.save(new NetworkMeeting(network, date));
    }

    /** Removes a meeting that has no cycle: a cycle's meeting stays with the cycle's returns and pack. */
    void remove(String networkCode, LocalDate date, Viewer viewer) {
        Network network = access.networkToManage(networkCode, viewer);
        NetworkMeeting meeting = meetings.findByNetworkAndMeetingDate(network, date)
                .orElseThrow(() -> new NotFoundException(network.getName() + " has no meeting on " + date + "."));
        cycles.findByMeetingId(meeting.getId()).ifPresent(cycle -> {
            throw new ConflictException("The meeting of " + date + " has its cycle " + cycle.getReference()
                    + "; it stays.");
        });
        meetings.delete(meeting);
    }
}
