package org.deliveryprogress.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.engine.AsApplication;
import org.deliveryprogress.engine.EngineText;
import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.shared.ConflictException;
import org.deliveryprogress.shared.NotFoundException;
import org.deliveryprogress.shared.ReadableDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A network manager withdraws a cycle opened by mistake (for the wrong meeting, or before the register was ready)
 * while none of its updates has been submitted. Its returns' processes end in the engine with the manager's reason,
 * which the engine's history keeps; its returns, their drafts and deadline changes, and the cycle itself are deleted,
 * so that the meeting can have its cycle opened again, or be removed with it. The officers whose tasks go are told
 * ({@link CycleWithdrawn}). Once an update has been submitted the cycle stays: a judging officer has work in it, and
 * the update belongs to the plan's history.
 */
@Service
public class CycleWithdrawal {

    private static final Logger log = LoggerFactory.getLogger(CycleWithdrawal.class);

    /** What a withdrawal removed, and what becomes of the meeting, in words. */
    public record Withdrawn(String cycleReference, int returns, int drafts, String meeting) {
    }

    private final RegisterAccess access;
    private final NetworkMeetingRepository meetings;
    private final CycleRepository cycles;
    private final CycleService cycleService;
    private final PlanReturnRepository returns;
    private final ReturnDraftRepository drafts;
    private final DeadlineChangeRepository deadlineChanges;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    CycleWithdrawal(RegisterAccess access, NetworkMeetingRepository meetings, CycleRepository cycles,
            CycleService cycleService, PlanReturnRepository returns, ReturnDraftRepository drafts,
            DeadlineChangeRepository deadlineChanges, RuntimeService runtimeService, IdentityService identityService,
            UserDirectory directory, ApplicationEventPublisher events, Clock clock, CycleProperties cycleProperties) {
        this.access = access;
        this.meetings = meetings;
        this.cycles = cycles;
        this.cycleService = cycleService;
        this.returns = returns;
        this.drafts = drafts;
        this.deadlineChanges = deadlineChanges;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.zone = cycleProperties.timeZone();
    }

    /** Whether the cycle may be withdrawn: open, and no update of it submitted. */
    @Transactional(readOnly = true)
    public boolean mayWithdraw(Cycle cycle) {
        return runs(cycle) && returns.countByCycleId(cycle.getId())
                        == returns.countByCycleIdAndState(cycle.getId(), ReturnState.AWAITING_UPDATE);
    }

    /**
     * Withdraws the cycle of the network's meeting on the given day, with the reason the officers are told; removes
     * the meeting as well when asked (a meeting on a wrong day whose opening day has come would otherwise have its
     * cycle opened again by the hourly schedule).
     */
    @Transactional
    public Withdrawn withdraw(String networkCode, LocalDate meetingDate, String reason, boolean removeMeeting,
            Viewer viewer) {
        Network network = access.networkToManage(networkCode, viewer);
        NetworkMeeting meeting = meetings.findByNetworkAndMeetingDate(network, meetingDate)
                .orElseThrow(() -> new NotFoundException(network.getName() + " has no meeting on "
                        + ReadableDates.date(meetingDate) + "."));
        Cycle cycle = cycles.findByMeetingId(meeting.getId()).flatMap(found -> cycles.findAndLock(found.getId()))
                .orElseThrow(() -> new NotFoundException("The meeting of " + ReadableDates.date(meetingDate)
                        + " has no cycle to withdraw."));
        String why = ManagersReason.required(reason, "Say why the cycle is withdrawn",
                "its officers are told, and the engine's history keeps it");
        if (!runs(cycle)) {
            throw new ConflictException("The cycle " + cycle.getReference() + " has closed: it stays, with its "
                    + "meeting pack.");
        }
        if (!cycleService.waitsForItsClose(cycle)) {
            throw new ConflictException("The cycle " + cycle.getReference() + " is still opening its returns: "
                    + "withdraw it in a minute, once every return is open.");
        }
        List<PlanReturn> withdrawn = returns.lockByCycleId(cycle.getId());
        List<String> submitted = withdrawn.stream().filter(planReturn -> planReturn.getState()
                != ReturnState.AWAITING_UPDATE).map(planReturn -> planReturn.getPlan().getReference()).toList();
        if (!submitted.isEmpty()) {
            throw new ConflictException("The cycle " + cycle.getReference() + " stays: " + submitted.size()
                    + (submitted.size() == 1 ? " update has" : " updates have") + " been submitted ("
                    + String.join(", ", submitted.stream().limit(10).toList())
                    + (submitted.size() > 10 ? ", ..." : "") + "). A cycle is withdrawn only before any is.");
        }
        String withdrawnBy = directory.nameOf(viewer.userId());
        events.publishEvent(new CycleWithdrawn(cycle.getReference(), meetingDate, withdrawnBy, why,
                network.getManagerGroup(), withdrawn.stream()
                        .map(planReturn -> new CycleWithdrawn.Return(planReturn.getProcessInstanceId(),
                                planReturn.label()))
                        .toList()));
        List<String> instances = new ArrayList<>(withdrawn.stream().map(PlanReturn::getProcessInstanceId).toList());
        instances.add(cycle.getProcessInstanceId());
        String deleteReason = EngineText.fitted("Cycle withdrawn by " + withdrawnBy + " (" + viewer.userId() + "): "
                + why);
        // As the application: the manager may see the returns' processes but not delete them, and the engine would
        // refuse; the application has checked above that the viewer manages the network.
        AsApplication.run(identityService,
                () -> runtimeService.deleteProcessInstances(instances, deleteReason, true, true));
        int drafts = this.drafts.deleteOfCycle(cycle.getId());
        deadlineChanges.deleteOfCycle(cycle.getId());
        returns.deleteOfCycle(cycle.getId());
        cycles.delete(cycle);
        if (removeMeeting) {
            meetings.delete(meeting);
        }
        log.info("Cycle {} withdrawn by {}: {} returns, {} drafts{}", cycle.getReference(), viewer.userId(),
                withdrawn.size(), drafts, removeMeeting ? ", meeting removed" : "");
        return new Withdrawn(cycle.getReference(), withdrawn.size(), drafts, whatBecomesOf(meeting, removeMeeting));
    }

    /** Open, and not yet at its close (whose job may not have run). */
    private boolean runs(Cycle cycle) {
        return cycle.getState() == Cycle.State.OPEN && cycle.getCloseAt().isAfter(clock.instant());
    }

    private String whatBecomesOf(NetworkMeeting meeting, boolean removed) {
        String theMeeting = "The meeting of " + ReadableDates.date(meeting.getMeetingDate());
        if (removed) {
            return theMeeting + " is removed too.";
        }
        LocalDate opens = cycleService.openingDay(meeting);
        if (opens.isAfter(LocalDate.now(clock.withZone(zone)))) {
            return theMeeting + " stays: its cycle opens again on " + ReadableDates.day(opens) + ".";
        }
        return theMeeting + " stays, and its cycle's opening day has come: the schedule opens it again within the "
                + "hour. Remove the meeting if it was a mistake.";
    }
}
