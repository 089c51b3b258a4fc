package org.deliveryprogress.cycles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkMeeting;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A cycle's deadlines and opening day are counted back from the meeting in the working days of the network's region,
 * with the network's offsets (here the defaults: open 20, updates 10, judgements 7, proposals 5, agreements 4,
 * close 2). No Spring: counting needs only the calendar, the time zone and the time of day of a deadline.
 */
class CycleDeadlinesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CycleRepository cycles = mock(CycleRepository.class);

    @Test
    @DisplayName("a meeting on 12 May 2026 in England: every deadline counts the early May bank holiday out")
    void deadlinesSkipABankHoliday() {
        NetworkMeeting meeting = meeting(HolidayRegion.ENGLAND_AND_WALES, "2026-05-12");

        CycleDeadlines deadlines = serviceOn("2026-04-01").deadlinesFor(meeting);

        // Counting back from Tuesday 12 May: 11, 8, 7, 6, 5 May, then (Monday 4 May being a holiday) 1 May,
        // 30, 29, 28 and 27 April.
        assertThat(deadlines.updatesDue()).isEqualTo(at5pm("2026-04-27"));
        assertThat(deadlines.judgementsDue()).isEqualTo(at5pm("2026-04-30"));
        assertThat(deadlines.proposalsDue()).isEqualTo(at5pm("2026-05-05"));
        assertThat(deadlines.agreementsDue()).isEqualTo(at5pm("2026-05-06"));
        assertThat(deadlines.close()).isEqualTo(at5pm("2026-05-08"));
    }

    @Test
    @DisplayName("a meeting on 8 December 2026 falls due a day earlier in Scotland, which keeps St Andrew's Day")
    void deadlinesFollowTheNetworksRegion() {
        CycleService service = serviceOn("2026-11-01");

        assertThat(service.deadlinesFor(meeting(HolidayRegion.ENGLAND_AND_WALES, "2026-12-08")).updatesDue())
                .isEqualTo(at5pm("2026-11-24"));
        assertThat(service.deadlinesFor(meeting(HolidayRegion.SCOTLAND, "2026-12-08")).updatesDue())
                .as("Monday 30 November is a holiday in Scotland").isEqualTo(at5pm("2026-11-23"));
    }

    @Test
    @DisplayName("a cycle opens on the 20th working day of the network's region before the meeting")
    void openingDayFollowsTheNetworksRegion() {
        NetworkMeeting english = meeting(HolidayRegion.ENGLAND_AND_WALES, "2026-12-08");
        NetworkMeeting scottish = meeting(HolidayRegion.SCOTLAND, "2026-12-08");
        when(cycles.findMeetingsWithoutCycleAfter(date("2026-11-09"))).thenReturn(List.of(english, scottish));
        when(cycles.findMeetingsWithoutCycleAfter(date("2026-11-10"))).thenReturn(List.of(english, scottish));

        assertThat(serviceOn("2026-11-09").meetingsDueToOpen()).as("Monday 9 November").containsExactly(scottish);
        assertThat(serviceOn("2026-11-10").meetingsDueToOpen()).as("Tuesday 10 November")
                .containsExactly(english, scottish);
    }

    /** The service as it counts on the given day; what counting does not use is left out. */
    private CycleService serviceOn(String today) {
        Clock clock = Clock.fixed(date(today).atTime(9, 0).atZone(LONDON).toInstant(), LONDON);
        return new CycleService(null, null, cycles, null, new WorkingDayCalendar(),
                new CycleProperties(100, LONDON, LocalTime.of(17, 0)), clock);
    }

    private static NetworkMeeting meeting(HolidayRegion region, String date) {
        Network network = new Network("N-" + region, "A network in " + region, region, "managers",
                CycleOffsets.defaults());
        return new NetworkMeeting(network, date(date));
    }

    private static Instant at5pm(String date) {
        return date(date).atTime(17, 0).atZone(LONDON).toInstant();
    }

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
