package org.deliveryprogress.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.networks.CycleOffsets;
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
    private final CycleService cycleService;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    MeetingSchedule(RegisterAccess access, NetworkMeetingRepository meetings, CycleRepository cycles,
            CycleService cycleService, WorkingDayCalendar calendar, Clock clock, CycleProperties cycleProperties) {
        this.access = access;
        this.meetings = meetings;
        this.cycles = cycles;
        this.cycleService = cycleService;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = cycleProperties.timeZone();
    }

    /**
     * Adds a meeting its cycle can run for: on a working day of the network's region, late enough that its updates
     * are not due already, and with its cycle running at no time beside another meeting's (the schedule opens a
     * cycle for every meeting whose opening day has come, so a mistyped date would open a second cycle at once).
     */
    NetworkMeeting add(String networkCode, LocalDate date, Viewer viewer) {
        Network network = access.networkToManage(networkCode, viewer);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate latest = today.plusYears(YEARS_AHEAD);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw new InvalidRequestException("A meeting's date must be from " + ReadableDates.date(EARLIEST) + " to "
                    + ReadableDates.date(latest) + ", " + YEARS_AHEAD + " years from today: " + date + " is not.");
        }
        if (meetings.findByNetworkAndMeetingDate(network, date).isPresent()) {
            throw new ConflictException(network.getName() + " already meets on " + ReadableDates.date(date) + ".");
        }
        if (!calendar.isWorkingDay(date, network.getRegion())) {
            throw new InvalidRequestException(ReadableDates.day(date) + " is not a working day in "
                    + network.getRegion().inWords() + ": a meeting is on a weekday that is not a bank holiday.");
        }
        NetworkMeeting meeting = new NetworkMeeting(network, date);
        CycleOffsets offsets = network.getOffsets();
        LocalDate updatesDue = LocalDate.ofInstant(cycleService.deadlinesFor(meeting).updatesDue(), zone);
        if (!updatesDue.isAfter(today)) {
            throw new InvalidRequestException("A meeting on " + ReadableDates.date(date) + " is too soon: its updates "
                    + "would be due " + ReadableDates.date(updatesDue) + ", " + offsets.updatesDueDaysBefore()
                    + " working days before it, and that day has come.");
        }
        for (NetworkMeeting other : meetings.findByNetworkOrderByMeetingDate(network)) {
            if (cyclesOverlap(meeting, other)) {
                throw new ConflictException("A meeting on " + ReadableDates.date(date) + " would have its cycle open "
                        + "from " + ReadableDates.date(cycleService.openingDay(meeting)) + ", while the cycle of the "
                        + "meeting on " + ReadableDates.date(other.getMeetingDate()) + " runs (from "
                        + ReadableDates.date(cycleService.openingDay(other)) + "): a network's cycles run one at a "
                        + "time, " + offsets.openDaysBefore() + " working days before each meeting.");
            }
        }
        return meetings.save(meeting);
    }

    /**
     * Refuses a change of the network's deadline offsets or bank holidays (made to the network already, in the
     * caller's transaction) under which the cycles of its meetings ahead would run side by side: the schedule would
     * open the second while the first runs.
     */
    void checkCyclesApart(Network network) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<NetworkMeeting> ahead = meetings.findByNetworkOrderByMeetingDate(network).stream()
                .filter(meeting -> meeting.getMeetingDate().isAfter(today)).toList();
        for (int i = 1; i < ahead.size(); i++) {
            NetworkMeeting earlier = ahead.get(i - 1);
            NetworkMeeting later = ahead.get(i);
            if (cyclesOverlap(earlier, later)) {
                throw new ConflictException("The cycle of the meeting on " + ReadableDates.date(later.getMeetingDate())
                        + " would open on " + ReadableDates.date(cycleService.openingDay(later)) + ", "
                        + network.getOffsets().openDaysBefore()
                        + " working days before it, while the cycle of the meeting on "
                        + ReadableDates.date(earlier.getMeetingDate()) + " runs: a network's cycles run one at a time. "
                        + "Open cycles fewer days before their meetings, or move a meeting.");
            }
        }
    }

    /** Whether the two meetings' cycles, each from its opening day to the meeting itself, run at some time at once. */
    private boolean cyclesOverlap(NetworkMeeting one, NetworkMeeting other) {
        return !cycleService.openingDay(one).isAfter(other.getMeetingDate())
                && !cycleService.openingDay(other).isAfter(one.getMeetingDate());
    }

    /** Removes a meeting that has no cycle: a cycle's meeting stays with the cycle's returns and pack. */
    void remove(String networkCode, LocalDate date, Viewer viewer) {
        Network network = access.networkToManage(networkCode, viewer);
        NetworkMeeting meeting = meetings.findByNetworkAndMeetingDate(network, date)
                .orElseThrow(() -> new NotFoundException(network.getName() + " has no meeting on "
                        + ReadableDates.date(date) + "."));
        cycles.findByMeetingId(meeting.getId()).ifPresent(cycle -> {
            throw new ConflictException("The meeting of " + ReadableDates.date(date) + " has its cycle "
                    + cycle.getReference() + "; it stays.");
        });
        meetings.delete(meeting);
    }
}
