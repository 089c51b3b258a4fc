package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.notifications.Notification;
import org.deliveryprogress.notifications.NotificationRepository;
import org.deliveryprogress.returns.ReturnDeadlines;
import org.deliveryprogress.shared.ReadableDates;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A network manager moves a return's deadline on the plan's page (Tasklist cannot: see the README), typing the day
 * first; the task's due date moves, its reminders follow, and the change is kept with its reason.
 */
@ApplicationTest
@DisplayName("Changing a return's deadline")
class DeadlineChangesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    TestNetworks networks;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    ManagementService managementService;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    ReturnDeadlines deadlines;
    @Autowired
    WorkingDayCalendar calendar;

    private TestNetwork network;
    private ProcessInstance planReturn;

    @BeforeEach
    void openReturn() {
        network = networks.create(1);
        planReturn = openReturns.of(network);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("a manager moves it; the due date keeps its time of day and the reminders follow the new day")
    void aManagerMovesItAndTheRemindersFollow() {
        Date dueBefore = task().getDueDate();
        LocalDate oldDue = LocalDate.ofInstant(dueBefore.toInstant(), LONDON);
        LocalDate newDue = oldDue.plusDays(7);
        while (!calendar.isWorkingDay(newDue, network.network().getRegion())) {
            newDue = newDue.plusDays(1);
        }
        String path = "/plans/" + network.plan().getReference() + "/deadline";

        WebSession manager = signedInToPages(port, "manager");
        Page page = manager.get(path);
        assertThat(page.body()).contains("Submit update", "is due on", ReadableDates.day(oldDue));
        Matcher closes = Pattern.compile("The cycle closes on <span>\\w+ (\\d+) (\\w+) (\\d{4})</span>")
                .matcher(page.body());
        assertThat(closes.find()).as(page.body()).isTrue();
        LocalDate lastDay = LocalDate.parse(closes.group(1) + " " + closes.group(2) + " " + closes.group(3),
                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        assertThat(page.body()).as("an example the page accepts, where it gave 27 1 2027, after the cycle closed")
                .contains("for example " + lastDay.getDayOfMonth() + " " + lastDay.getMonthValue() + " "
                        + lastDay.getYear() + " for " + ReadableDates.date(lastDay) + ".");
        Page moved = manager.postForm(path, Map.of("day", String.valueOf(newDue.getDayOfMonth()),
                "month", String.valueOf(newDue.getMonthValue()), "year", String.valueOf(newDue.getYear()),
                "reason", "The lead officer is on leave until <next week>.",
                "_csrf", WebSession.csrfTokenIn(page.body())));
        assertThat(moved.status()).isEqualTo(302);
        assertThat(manager.get(path).body()).contains("is now due on " + ReadableDates.day(newDue),
                "Its reminders follow the new date", "The lead officer is on leave until &lt;next week&gt;.",
                "Margaret Thistlewood");

        ZonedDateTime before = dueBefore.toInstant().atZone(LONDON);
        assertThat(task().getDueDate().toInstant()).isEqualTo(before.with(newDue).toInstant());
        assertThat(String.valueOf(formService.getTaskFormVariables(task().getId()).getValue("task", Object.class)))
                .as("the update's form says the day it is due now").contains("\"dueDate\":\"" + newDue + "\"");

        morningOf(oldDue);
        morningOf(newDue);
        LocalDate due = newDue;
        assertThat(reminderKeysOn("lead")).as("the reminder on the new day, none on the old one")
                .anyMatch(key -> key.contains(":" + due + ":due:"))
                .noneMatch(key -> key.contains(":" + oldDue + ":"));
    }

    @Test
    @DisplayName("a date that is not a day, in the past, after the cycle closes or not a working day, or no reason, is "
            + "refused in words")
    void whatIsRefused() {
        String path = "/plans/" + network.plan().getReference() + "/deadline";
        Date dueBefore = task().getDueDate();
        Viewer manager = new Viewer("manager", Set.of(TestNetworks.MANAGER_GROUP));
        LocalDate latest = deadlines.openTask(network.plan().getReference(), manager).orElseThrow().latest();
        LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
        WebSession session = signedInToPages(port, "manager");

        assertThat(refusal(session, path, "31", "2", "2027", "Why not"))
                .contains("There is no 31 February 2027: February 2027 has 28 days.");
        assertThat(refusal(session, path, String.valueOf(yesterday.getDayOfMonth()),
                String.valueOf(yesterday.getMonthValue()), String.valueOf(yesterday.getYear()), "Why not"))
                .contains("cannot be in the past");
        LocalDate afterClose = latest.plusDays(1);
        assertThat(refusal(session, path, String.valueOf(afterClose.getDayOfMonth()),
                String.valueOf(afterClose.getMonthValue()), String.valueOf(afterClose.getYear()), "Why not"))
                .contains("closes on " + ReadableDates.day(latest));
        assertThat(refusal(session, path, String.valueOf(latest.getDayOfMonth()),
                String.valueOf(latest.getMonthValue()), String.valueOf(latest.getYear()), " "))
                .contains("Say why the deadline moves");
        LocalDate saturday = LocalDate.now(LONDON).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        assertThat(refusal(session, path, String.valueOf(saturday.getDayOfMonth()),
                String.valueOf(saturday.getMonthValue()), String.valueOf(saturday.getYear()), "Why not"))
                .contains(ReadableDates.day(saturday) + " is not a working day in England and Wales");
        assertThat(task().getDueDate()).as("nothing moved").isEqualTo(dueBefore);
    }

    @Test
    @DisplayName("a refusal links to the box to correct: the month, the year or the reason when it is the one wrong, "
            + "the day for a day refused as a whole")
    void aRefusalLinksToTheBoxToCorrect() {
        String path = "/plans/" + network.plan().getReference() + "/deadline";
        LocalDate yesterday = LocalDate.now(LONDON).minusDays(1);
        Viewer manager = new Viewer("manager", Set.of(TestNetworks.MANAGER_GROUP));
        LocalDate latest = deadlines.openTask(network.plan().getReference(), manager).orElseThrow().latest();
        WebSession session = signedInToPages(port, "manager");

        assertThat(refusal(session, path, "1", "13", "2027", "Why not")).contains("<a href=\"#month\">");
        assertThat(refusal(session, path, "1", "Sept", "2027", "Why not")).contains("<a href=\"#month\">");
        assertThat(refusal(session, path, "1", "2", "27", "Why not")).contains("<a href=\"#year\">");
        assertThat(refusal(session, path, "1", "", "", "Why not")).contains("<a href=\"#month\">");
        assertThat(refusal(session, path, "31", "2", "2027", "Why not")).contains("<a href=\"#day\">");
        assertThat(refusal(session, path, String.valueOf(yesterday.getDayOfMonth()),
                String.valueOf(yesterday.getMonthValue()), String.valueOf(yesterday.getYear()), "Why not"))
                .contains("<a href=\"#day\">");
        assertThat(refusal(session, path, String.valueOf(latest.getDayOfMonth()),
                String.valueOf(latest.getMonthValue()), String.valueOf(latest.getYear()), " "))
                .contains("<a href=\"#reason\">");
    }

    @Test
    @DisplayName("only the network's managers may: an officer of the plan may not, nor through Camunda's task API")
    void onlyTheNetworksManagersMay() {
        String path = "/plans/" + network.plan().getReference() + "/deadline";
        Date dueBefore = task().getDueDate();
        WebSession lead = signedInToPages(port, "lead");
        assertThat(lead.get(path).status()).isEqualTo(403);
        String token = WebSession.csrfTokenIn(lead.get("/plans/" + network.plan().getReference()).body());
        assertThat(lead.postForm(path, Map.of("day", "1", "month", "1", "year", "2030", "reason", "Mine",
                "_csrf", token)).status()).isEqualTo(403);
        assertThat(lead.get("/plans/" + network.plan().getReference()).body())
                .doesNotContain("Change the deadline of its return");

        WebSession admin = WebSession.signedInToTasklist(port, "demo");
        Page changed = admin.camundaApi("PUT", "/task/" + task().getId(), "{\"name\": \"" + task().getName()
                + "\", \"due\": \"2030-01-01T12:00:00.000+0000\"}");
        assertThat(changed.status()).as("no recorded change, no new due date").isEqualTo(403);
        assertThat(task().getDueDate()).isEqualTo(dueBefore);
    }

    private String refusal(WebSession manager, String path, String day, String month, String year, String reason) {
        Page page = manager.get(path);
        Page refused = manager.postForm(path, Map.of("day", day, "month", month, "year", year, "reason", reason,
                "_csrf", WebSession.csrfTokenIn(page.body())));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).as("the page opens on what is wrong").endsWith(path + "#problem");
        String shown = manager.get(path).body();
        assertThat(shown).as("what is wrong takes the focus").contains("id=\"problem\" tabindex=\"-1\"");
        return shown;
    }

    private void morningOf(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(8, 0)).atZone(LONDON).toInstant()));
        Job everyMorning = managementService.createJobQuery().processInstanceId(planReturn.getId()).timers()
                .singleResult();
        managementService.executeJob(everyMorning.getId());
    }

    private List<String> reminderKeysOn(String user) {
        return notifications.findByRecipientOrderByIdAsc(user).stream().map(Notification::getDedupeKey)
                .filter(key -> key.contains(task().getId())).toList();
    }

    private Task task() {
        return taskService.createTaskQuery().processInstanceId(planReturn.getId()).singleResult();
    }
}
