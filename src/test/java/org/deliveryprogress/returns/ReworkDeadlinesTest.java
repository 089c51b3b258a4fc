package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.CycleDeadlines;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Work sent back after its step's deadline has passed, or arriving after it (a judgement after a late update), is
 * given time to be done, rather than being overdue as it arrives; the step after it too; never beyond the cycle's
 * close.
 */
@ApplicationTest
@DisplayName("The deadline of work sent back")
class ReworkDeadlinesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final HolidayRegion ENGLAND = HolidayRegion.ENGLAND_AND_WALES;
    private static final Map<String, Object> UPDATE = Map.of(ACHIEVEMENTS, "Meetings held.",
            PLANNED_ACTIVITIES, "Review reporting.");

    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    CycleRepository cycles;
    @Autowired
    WorkingDayCalendar calendar;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("is two working days after it is sent back when its deadline is sooner, and at most the cycle's close")
    void twoWorkingDaysAndNoLaterThanTheClose() {
        TestNetwork network = networks.create(1);
        ProcessInstance planReturn = openReturns.of(network);
        CycleDeadlines deadlines = cycles.findByMeetingId(network.meeting().getId()).orElseThrow().deadlines();
        assertThat(due(planReturn, TASK_SUBMIT_UPDATE)).as("a first round keeps the cycle's deadline")
                .isEqualTo(deadlines.updatesDue());
        officers.submit("lead", officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE), UPDATE);
        assertThat(due(planReturn, TASK_JUDGE_STATUS)).isEqualTo(deadlines.judgementsDue());

        LocalDate dayBeforeJudgementsDue = calendar.workingDaysBefore(day(deadlines.judgementsDue()), 1, ENGLAND);
        morningOf(dayBeforeJudgementsDue);
        sendBack(planReturn);
        LocalDate twoDaysOn = calendar.workingDaysAfter(dayBeforeJudgementsDue, 2, ENGLAND);
        assertThat(due(planReturn, TASK_SUBMIT_UPDATE)).as("the update's own deadline has passed")
                .isEqualTo(at17(twoDaysOn));
        officers.submit("lead", officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE), UPDATE);
        assertThat(due(planReturn, TASK_JUDGE_STATUS)).as("the judgement's is the next day")
                .isEqualTo(at17(twoDaysOn));

        morningOf(calendar.workingDaysBefore(day(deadlines.close()), 1, ENGLAND));
        sendBack(planReturn);
        assertThat(due(planReturn, TASK_SUBMIT_UPDATE)).as("the cycle closes sooner").isEqualTo(deadlines.close());
    }

    @Test
    @DisplayName("of a judgement after a late update is two working days on, not the judgement's day gone by")
    void aJudgementAfterALateUpdate() {
        TestNetwork network = networks.create(1);
        ProcessInstance planReturn = openReturns.of(network);
        CycleDeadlines deadlines = cycles.findByMeetingId(network.meeting().getId()).orElseThrow().deadlines();

        LocalDate dayAfterJudgementsDue = calendar.workingDaysAfter(day(deadlines.judgementsDue()), 1, ENGLAND);
        morningOf(dayAfterJudgementsDue);
        officers.submit("lead", officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE), UPDATE);

        Instant twoDaysOn = at17(calendar.workingDaysAfter(dayAfterJudgementsDue, 2, ENGLAND));
        assertThat(due(planReturn, TASK_JUDGE_STATUS)).as("the judging officer was not late")
                .isEqualTo(twoDaysOn.isBefore(deadlines.close()) ? twoDaysOn : deadlines.close());
    }

    private void sendBack(ProcessInstance planReturn) {
        officers.submit("judge", officers.task(planReturn.getId(), TASK_JUDGE_STATUS), Map.of(JUDGEMENT_OUTCOME,
                OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, "Which localities?"));
    }

    private Instant due(ProcessInstance planReturn, String taskDefinitionKey) {
        return officers.task(planReturn.getId(), taskDefinitionKey).getDueDate().toInstant();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, LONDON);
    }

    private static Instant at17(LocalDate day) {
        return day.atTime(LocalTime.of(17, 0)).atZone(LONDON).toInstant();
    }

    private static void morningOf(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant()));
    }
}
