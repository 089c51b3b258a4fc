package org.deliveryprogress.cycles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.shared.ReadableDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and closes cycles. A cycle's returns are opened and closed in batches by the returns' side
 * ({@code returns.ReturnProcess}), each batch a step of the quarterlyCycle process that this service lets act on
 * its own cycle alone ({@link #runBy}).
 */
@Service
@Transactional
public class CycleService {

    private static final Logger log = LoggerFactory.getLogger(CycleService.class);

    /**
     * Set by {@link #startOnSchedule} while it starts a cycle. Only code in this process can set it: no request
     * reaches it.
     */
    private static final ThreadLocal<Boolean> STARTING_ON_SCHEDULE = new ThreadLocal<>();

    /** The quarterlyCycle's wait for the close, once every return is open. */
    private static final String CLOSE_TIME_REACHED = "Event_CloseTimeReached";

    private final NetworkMeetingRepository meetings;
    private final NetworkRepository networks;
    private final CycleRepository cycles;
    private final RuntimeService runtimeService;
    private final WorkingDayCalendar calendar;
    private final CycleProperties properties;
    private final Clock clock;

    CycleService(NetworkMeetingRepository meetings, NetworkRepository networks, CycleRepository cycles,
            RuntimeService runtimeService, WorkingDayCalendar calendar, CycleProperties properties, Clock clock) {
        this.meetings = meetings;
        this.networks = networks;
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts the quarterlyCycle process for a meeting whose opening day has come, as the schedule does (and the demo
     * data at start-up): the only start that needs no manager signed in. Managers start cycles as themselves, from
     * Tasklist's start form or the REST API.
     */
    public ProcessInstance startOnSchedule(Long meetingId) {
        NetworkMeeting meeting = meetings.findById(meetingId)
                .orElseThrow(() -> new CycleRejectedException(
                        "There is no network meeting with id " + meetingId + "."));
        STARTING_ON_SCHEDULE.set(true);
        try {
            return runtimeService.createProcessInstanceByKey(CycleVariables.PROCESS_KEY)
                    .businessKey(referenceOf(meeting))
                    .setVariable(CycleVariables.MEETING_ID, meetingId)
                    .execute();
        } finally {
            STARTING_ON_SCHEDULE.remove();
        }
    }

    /** Meetings whose cycle should be open by today but has not been opened. */
    @Transactional(readOnly = true)
    List<NetworkMeeting> meetingsDueToOpen() {
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        return meetingsWithoutCycle().stream().filter(meeting -> !today.isBefore(openingDay(meeting))).toList();
    }

    /** The day a meeting's cycle opens: its network's opening offset, in working days, before the meeting. */
    public LocalDate openingDay(NetworkMeeting meeting) {
        return calendar.workingDaysBefore(meeting.getMeetingDate(), meeting.getNetwork().getOffsets().openDaysBefore(),
                meeting.getNetwork().getRegion());
    }

    /** Meetings a manager may open a cycle for: no cycle yet, and one that would not already be closed. */
    @Transactional(readOnly = true)
    List<NetworkMeeting> meetingsWithoutCycle() {
        Instant now = clock.instant();
        return cycles.findMeetingsWithoutCycleAfter(LocalDate.now(clock.withZone(properties.timeZone()))).stream()
                .filter(meeting -> deadlinesFor(meeting).close().isAfter(now))
                .toList();
    }

    /** Records a cycle that ran before this application did (demo data, history brought in), as closed. */
    public Cycle recordPast(NetworkMeeting meeting) {
        CycleDeadlines deadlines = deadlinesFor(meeting);
        Cycle cycle = new Cycle(meeting, referenceOf(meeting), deadlines, deadlines.updatesDue(), null);
        cycle.close(deadlines.close());
        return cycles.save(cycle);
    }

    /**
     * Opens the cycle of a meeting for the process that runs it. The schedule opens any, whoever runs its job; anyone
     * else must be signed in and manage the meeting's network. A start with no one signed in that is not the
     * schedule's came through a route that skipped authentication, and is refused.
     */
    Cycle open(Object meetingId, Authentication starter, String processInstanceId) {
        boolean onSchedule = Boolean.TRUE.equals(STARTING_ON_SCHEDULE.get());
        if (starter == null && !onSchedule) {
            throw new AuthorizationException("A cycle is opened by a signed-in manager of its network, or on its "
                    + "opening day by the schedule; no one is signed in.");
        }
        try {
            return open(meetingId, starter, processInstanceId, onSchedule);
        } catch (CycleRejectedException refused) {
            if (onSchedule) {
                throw refused;
            }
            log.info("{}'s start of a cycle was refused: {}", starter.getUserId(), refused.getMessage());
            throw refused.toAManager();
        }
    }

    private Cycle open(Object meetingId, Authentication starter, String processInstanceId, boolean onSchedule) {
        NetworkMeeting meeting = meetings.findById(meetingIdIn(meetingId)).orElseThrow(
                () -> new CycleRejectedException("There is no network meeting with id " + meetingId + "."));
        if (!onSchedule && !managesNetworkOf(starter, meeting)) {
            throw notTheirNetwork(starter, meeting.getId());
        }
        String openedBy = onSchedule ? null : starter.getUserId();
        Instant now = clock.instant();
        CycleDeadlines deadlines = deadlinesFor(meeting);
        if (!deadlines.close().isAfter(now)) {
            throw new CycleRejectedException("The meeting of " + meeting.getMeetingDate()
                    + " is too close: its cycle would already be closed.");
        }
        cycles.findByMeetingId(meeting.getId()).ifPresent(existing -> {
            throw new CycleRejectedException("A cycle is already open for the meeting of " + meeting.getMeetingDate()
                    + ": " + existing.getReference() + ".");
        });
        if (!onSchedule) {
            // The schedule needs no such check: meetings whose cycles would run side by side are refused as they are
            // added. A cycle opened early by hand would run beside the current one, and each plan's officers would
            // hold two updates named alike, for two meetings. The network's row is locked first, so that two starts
            // at once are taken in turn and the second sees the first's cycle.
            networks.findAndLock(meeting.getNetwork().getId());
            cycles.findFirstByMeetingNetworkIdAndClosedAtIsNull(meeting.getNetwork().getId()).ifPresent(running -> {
                throw new CycleRejectedException("The cycle " + running.getReference() + ", for the meeting of "
                        + ReadableDates.day(running.getMeeting().getMeetingDate()) + ", is still open: a network runs "
                        + "one cycle at a time. Open this one once it has closed, or leave it to the schedule, which "
                        + "opens it on " + ReadableDates.day(openingDay(meeting)) + ".");
            });
        }
        Cycle cycle = new Cycle(meeting, referenceOf(meeting), deadlines, now, openedBy);
        cycle.runBy(processInstanceId);
        return cycles.save(cycle);
    }

    /** The meeting a start names, as the start form or the REST API sends it; refused when it names none. */
    static long meetingIdIn(Object meetingId) {
        if (!(meetingId instanceof Number number)) {
            throw new CycleRejectedException("Choose the network meeting the cycle is for.");
        }
        return number.longValue();
    }

    /** Whether the signed-in user may open cycles of the meeting's network: its managers and administrators. */
    static boolean managesNetworkOf(Authentication user, NetworkMeeting meeting) {
        return Viewer.of(user).manages(meeting.getNetwork());
    }

    /**
     * A start refused as the engine refuses what a user has no right to (403). The same for a meeting of another
     * network and one that does not exist, so that no one learns of other networks' meetings.
     */
    static AuthorizationException notTheirNetwork(Authentication starter, Object meetingId) {
        return new AuthorizationException((starter == null ? "No one signed in" : starter.getUserId())
                + " may not open a cycle for meeting " + meetingId + ": only the managers of its network may.");
    }

    /** Whether the meeting exists and the user manages its network. */
    @Transactional(readOnly = true)
    boolean managesNetworkOfMeeting(long meetingId, Authentication user) {
        return user != null && meetings.findById(meetingId).filter(meeting -> managesNetworkOf(user, meeting))
                .isPresent();
    }

    /**
     * Whether the cycle's process has opened every return and waits for the close: before then a batch may be opening
     * returns on another node.
     */
    @Transactional(readOnly = true)
    public boolean waitsForItsClose(Cycle cycle) {
        return runtimeService.createExecutionQuery().processInstanceId(cycle.getProcessInstanceId())
                .activityId(CLOSE_TIME_REACHED).count() > 0;
    }

    void markClosed(Long cycleId, String processInstanceId) {
        runBy(cycleId, processInstanceId).close(clock.instant());
    }

    /**
     * The cycle, if the process asking is the one that opened it. A quarterlyCycle instance started part way (which
     * Camunda's REST API lets an administrator do, and no one else: {@code identity.ProcessesStartAtTheirStart}) must
     * not open or close another cycle's returns.
     */
    public Cycle runBy(Long cycleId, String processInstanceId) {
        Cycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new CycleRejectedException("There is no cycle with id " + cycleId + "."));
        if (!processInstanceId.equals(cycle.getProcessInstanceId())) {
            throw new CycleRejectedException("The cycle " + cycle.getReference() + " is run by another process.");
        }
        return cycle;
    }

    /** A meeting's deadlines by its network's offsets, from its updates to its cycle's close. */
    public CycleDeadlines deadlinesFor(NetworkMeeting meeting) {
        CycleOffsets offsets = meeting.getNetwork().getOffsets();
        HolidayRegion region = meeting.getNetwork().getRegion();
        LocalDate meetingDate = meeting.getMeetingDate();
        return new CycleDeadlines(
                deadline(meetingDate, offsets.updatesDueDaysBefore(), region),
                deadline(meetingDate, offsets.judgementsDueDaysBefore(), region),
                deadline(meetingDate, offsets.proposalsDueDaysBefore(), region),
                deadline(meetingDate, offsets.agreementsDueDaysBefore(), region),
                deadline(meetingDate, offsets.closeDaysBefore(), region));
    }

    private Instant deadline(LocalDate meetingDate, int workingDaysBefore, HolidayRegion region) {
        return calendar.workingDaysBefore(meetingDate, workingDaysBefore, region)
                .atTime(properties.deadlineTime())
                .atZone(properties.timeZone())
                .toInstant();
    }

    static String referenceOf(NetworkMeeting meeting) {
        return meeting.getNetwork().getCode() + "-" + meeting.getMeetingDate();
    }
}
