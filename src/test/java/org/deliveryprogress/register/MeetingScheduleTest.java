package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.shared.ReadableDates;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The meetings a manager may add: the schedule opens a cycle for every meeting whose opening day has come, so a date
 * its cycle cannot run for (a weekend, a bank holiday, too soon, beside another meeting's cycle) is refused saying
 * why, and nothing is scheduled.
 */
@ApplicationTest
@DisplayName("A network's meetings")
class MeetingScheduleTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    NetworkMeetingRepository meetings;
    @Autowired
    WorkingDayCalendar calendar;

    private Http http;
    /** A network meeting in four weeks, its cycle opening 20 working days before. */
    private TestNetwork network;

    @BeforeEach
    void network() {
        http = new Http(port);
        network = networks.create(1);
    }

    @Test
    @DisplayName("are on working days of the network's region: a Saturday and Christmas Day are refused")
    void onWorkingDays() {
        LocalDate saturday = network.meeting().getMeetingDate().plusWeeks(14)
                .with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        assertThat(refusal(saturday, 400)).isEqualTo(ReadableDates.day(saturday) + " is not a working day in England "
                + "and Wales: a meeting is on a weekday that is not a bank holiday.");
        assertThat(refusal(LocalDate.of(2029, 12, 25), 400))
                .startsWith("Tuesday 25 December 2029 is not a working day");
    }

    @Test
    @DisplayName("leave time for the updates: a meeting whose updates would be due by today is refused")
    void notTooSoon() {
        LocalDate nextWeek = workingDayFrom(LocalDate.now().plusDays(7));
        assertThat(refusal(nextWeek, 400)).startsWith("A meeting on " + ReadableDates.date(nextWeek) + " is too "
                + "soon: its updates would be due ").endsWith(", 10 working days before it, and that day has come.");
    }

    @Test
    @DisplayName("have cycles that run one at a time: a meeting a week after another is refused, one a quarter after "
            + "is added")
    void oneCycleAtATime() {
        LocalDate scheduled = network.meeting().getMeetingDate();
        LocalDate weekAfter = workingDayFrom(scheduled.plusWeeks(1));
        assertThat(refusal(weekAfter, 409)).startsWith("A meeting on " + ReadableDates.date(weekAfter) + " would have "
                + "its cycle open from ").contains("while the cycle of the meeting on " + ReadableDates.date(scheduled)
                        + " runs").endsWith("a network's cycles run one at a time, 20 working days before each "
                        + "meeting.");

        LocalDate quarterAfter = workingDayFrom(scheduled.plusWeeks(13));
        Reply added = http.post("manager", "/api/networks/{code}/meetings", Map.of("date", quarterAfter.toString()),
                network.network().getCode());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("keep their cycles apart when the network's offsets change: opening the cycles so early that a "
            + "quarter's would open while the last runs is refused, and nothing changes")
    void offsetsThatWouldOverlapTheCycles() {
        LocalDate scheduled = network.meeting().getMeetingDate();
        LocalDate quarterAfter = workingDayFrom(scheduled.plusWeeks(13));
        assertThat(http.post("manager", "/api/networks/{code}/meetings", Map.of("date", quarterAfter.toString()),
                network.network().getCode()).status()).isEqualTo(201);
        ObjectNode document = (ObjectNode) http.get("demo", "/api/networks/{code}", network.network().getCode())
                .json();
        ((ObjectNode) document.get("offsets")).put("openDaysBefore", 70);

        Reply refused = http.put("demo", "/api/networks/{code}", document, network.network().getCode());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).startsWith("The cycle of the meeting on "
                + ReadableDates.date(quarterAfter) + " would open on ").contains("while the cycle of the meeting on "
                        + ReadableDates.date(scheduled) + " runs");
        assertThat(http.get("demo", "/api/networks/{code}", network.network().getCode()).json()
                .at("/offsets/openDaysBefore").asInt()).as("unchanged").isEqualTo(20);
    }

    @Test
    @DisplayName("that the API cannot read are told by where and what was expected, in the API's words")
    void unreadable() {
        Map<String, Object> bodies = Map.of(
                "The request could not be read: date is '2026-13-01', not a date, yyyy-mm-dd.",
                Map.of("date", "2026-13-01"),
                "The request could not be read: it is not JSON (",
                "{\"date\": ",
                "The request could not be read: date must be a date, yyyy-mm-dd.",
                Map.of("date", 12345));
        bodies.forEach((told, body) -> {
            Reply refused = body instanceof String raw
                    ? http.postBytes("manager", "/api/networks/{code}/meetings", MediaType.APPLICATION_JSON,
                            raw.getBytes(StandardCharsets.UTF_8), network.network().getCode())
                    : http.post("manager", "/api/networks/{code}/meetings", body, network.network().getCode());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).startsWith(told).doesNotContain("org.deliveryprogress",
                    "java.");
        });
        Reply notADate = http.delete("manager", "/api/networks/{code}/meetings/{date}", network.network().getCode(),
                "14 January");
        assertThat(notADate.json().get("detail").asText()).startsWith("The request could not be read: date is "
                + "'14 January', not a date, yyyy-mm-dd.");
    }

    /** The refusal's words, after checking its status and that nothing was scheduled. */
    private String refusal(LocalDate date, int status) {
        Reply refused = http.post("manager", "/api/networks/{code}/meetings", Map.of("date", date.toString()),
                network.network().getCode());
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(meetings.findByNetworkAndMeetingDate(network.network(), date)).isEmpty();
        return refused.json().get("detail").asText();
    }

    private LocalDate workingDayFrom(LocalDate day) {
        LocalDate working = day;
        while (!calendar.isWorkingDay(working, HolidayRegion.ENGLAND_AND_WALES)) {
            working = working.plusDays(1);
        }
        return working;
    }
}
