package org.deliveryprogress.cycles;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.deliveryprogress.networks.NetworkMeeting;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;

/**
 * The start form of quarterlyCycle: it offers the meetings ahead that have no cycle yet, and checks the choice before
 * the process starts.
 */
@Component
public class CycleStartForm {

    static final String MEETING_CHOICES = "meetingChoices";

    private final CycleService cycles;

    CycleStartForm(CycleService cycles) {
        this.cycles = cycles;
    }

    /** The meetings the signed-in user may open a cycle for: those of the networks they manage. */
    public Map<String, Object> formData(Authentication user) {
        List<Map<String, Object>> choices = meetingsFor(user).stream()
                .map(meeting -> Map.<String, Object>of(
                        "label", meeting.getNetwork().getName() + ", " + ReadableDates.day(meeting.getMeetingDate()),
                        "value", meeting.getId()))
                .toList();
        return Map.of(MEETING_CHOICES, choices);
    }

    /**
     * Rejects a start without a meeting that can still have a cycle (the message says which meetings can), or for a
     * meeting that is not of a network the user manages (403).
     */
    public void check(Map<String, ?> values, Authentication user) {
        Object meetingId = values.get(CycleVariables.MEETING_ID);
        long chosen = CycleService.meetingIdIn(meetingId);
        boolean offered = meetingsFor(user).stream().anyMatch(meeting -> meeting.getId() == chosen);
        if (!offered && !cycles.managesNetworkOfMeeting(chosen, user)) {
            throw CycleService.notTheirNetwork(user, meetingId);
        }
        if (!offered) {
            throw new CycleRejectedException("Meeting " + meetingId + " cannot have a new cycle: it is not ahead, or "
                    + "its cycle is already open. Choose one of the meetings the form offers.");
        }
    }

    private List<NetworkMeeting> meetingsFor(Authentication user) {
        return cycles.meetingsWithoutCycle().stream()
                .filter(meeting -> user != null && CycleService.managesNetworkOf(user, meeting))
                .toList();
    }
}
