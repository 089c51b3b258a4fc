package org.deliveryprogress.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deliveryprogress.support.Emails.html;
import static org.deliveryprogress.support.Emails.text;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.WorkingDayCalendar;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.notifications.Mailer;
import org.deliveryprogress.notifications.Notification;
import org.deliveryprogress.notifications.NotificationKind;
import org.deliveryprogress.notifications.NotificationRepository;
import org.deliveryprogress.notifications.Notifications;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.shared.ReadableDates;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The emails of a return, with a real SMTP server (GreenMail) and the engine's clock moved day by day. */
@ApplicationTest
class RemindersTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    GreenMail smtp;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    Notifications notificationQueue;
    @Autowired
    Mailer mailer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    WorkingDayCalendar calendar;

    private final Map<String, String> userIdByEmail = new HashMap<>();
    private TestNetwork network;
    private ProcessInstance planReturn;
    private LocalDate updateDue;

    @BeforeEach
    void openReturn() throws Exception {
        // Other tests share the application and leave mail queued: send it now, before this test's return opens.
        sendQueuedMailAndEmptyTheMailboxes();
        identityService.createUserQuery().list().stream().filter(user -> user.getEmail() != null)
                .forEach(user -> userIdByEmail.put(user.getEmail(), user.getId()));
        network = networks.create(1);
        openReturnOf(network);
    }

    private void openReturnOf(TestNetwork network) {
        planReturn = openReturns.of(network);
        updateDue = LocalDate.ofInstant(task().getDueDate().toInstant(), LONDON);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

    /**
     * In a new network the lead officer submits: the data-entry officer is asked to prepare the update, not to submit
     * it, which they would be refused.
     */
    @Test
    void theLeadAndTheDataEntryOfficerAreAskedForTheUpdateWithALinkToIt() throws Exception {
        sendQueuedMail();

        // each told what is theirs, as "you": until 7 December 2026 both read of themselves by name, and the data-entry
        // officer, asked to prepare the update, that they "may" prepare it
        Map<String, String> whoSubmits = Map.of("lead", "You submit it; the data-entry officer, " + fullName("clerk")
                + ", may prepare it on the update's page and hand it to you there.",
                "clerk", "The lead officer, Gareth Penhallow, submits it: prepare it on the update's page and hand "
                        + "it to them there.");
        for (Map.Entry<String, String> asked : Map.of("lead", "submit", "clerk", "prepare").entrySet()) {
            MimeMessage mail = onlyMailTo(asked.getKey());
            assertThat(mail.getSubject()).isEqualTo("Please " + asked.getValue() + " the quarterly update - "
                    + planLabel());
            assertThat(firstLine(text(mail))).isEqualTo("Please " + asked.getValue() + " the quarterly update for "
                    + planLabel() + " by " + ReadableDates.day(updateDue) + ".");
            assertThat(firstLine(html(mail))).isEqualTo(firstLine(text(mail)));
            assertThat(text(mail)).as("a new network's lead officer submits").contains("/tasks/" + task().getId(),
                    whoSubmits.get(asked.getKey())).doesNotContain("may prepare it on the update's page and hand it "
                            + "to the lead officer");
        }
    }

    @Test
    void anUpdateSentBackAsksItsOfficersTheJudgesQuestionAsWrittenAndTheResubmissionAsksTheJudgeToJudgeIt()
            throws Exception {
        // The data-entry officer resubmits, so the network lets them; its emails say so.
        networks.letEntryOfficersSubmit(network, true);
        officers.submit("lead", task(), Map.of(ReturnVariables.ACHIEVEMENTS, "Done",
                ReturnVariables.PLANNED_ACTIVITIES, "More"));
        sendQueuedMail();
        assertThat(onlyMailTo("judge").getSubject()).isEqualTo("Please judge the quarterly update - " + planLabel());
        smtp.purgeEmailFromAllMailboxes();

        officers.submit("judge", task(), Map.of(ReturnVariables.JUDGEMENT_OUTCOME, ReturnVariables.OUTCOME_SENT_BACK,
                ReturnVariables.JUDGEMENT_COMMENT, "Which wards?\nSay how many, and <b>three</b> schools."));
        sendQueuedMail();

        Map<String, String> whoSubmits = Map.of("lead", "You or the data-entry officer, " + fullName("clerk")
                + ", may submit it.", "clerk", "You or the lead officer, Gareth Penhallow, may submit it.");
        for (String officer : List.of("lead", "clerk")) {
            MimeMessage mail = onlyMailTo(officer);
            assertThat(mail.getSubject()).isEqualTo("Update sent back: please answer the judging officer's question - "
                    + planLabel());
            assertThat(firstLine(text(mail))).startsWith("Please answer the judging officer's question and resubmit "
                    + "the update for " + planLabel() + " by ");
            assertThat(text(mail)).contains("Update sent back for more information by Eleanor Brackwater on ",
                    "Which wards?\nSay how many, and <b>three</b> schools.", "/tasks/" + task().getId(),
                    whoSubmits.get(officer));
            assertThat(html(mail)).contains("Which wards?\nSay how many, and &lt;b&gt;three&lt;/b&gt; schools.")
                    .doesNotContain("<b>three</b>");
            assertDatesWrittenInFull(text(mail));
        }
        smtp.purgeEmailFromAllMailboxes();

        officers.submit("clerk", task(), Map.of(ReturnVariables.ACHIEVEMENTS, "Done in Ashfield",
                ReturnVariables.PLANNED_ACTIVITIES, "More"));
        sendQueuedMail();
        MimeMessage toJudge = onlyMailTo("judge");
        assertThat(toJudge.getSubject()).isEqualTo("Update resubmitted: please judge it - " + planLabel());
        assertThat(text(toJudge)).contains("Submitted by " + fullName("clerk") + " on ", "Which wards?");
        assertDatesWrittenInFull(text(toJudge));
    }

    @Test
    void remedialActionsSentBackCarryTheManagersCommentAndTheirAgreementIsToldToTheLeadAndTheJudge()
            throws Exception {
        String label = planLabel();
        sendQueuedMailAndEmptyTheMailboxes();
        openReturns.judgeRed(planReturn, "No data since March.");
        sendQueuedMail();
        MimeMessage toPropose = onlyMailTo("lead");
        assertThat(toPropose.getSubject()).isEqualTo("Please propose remedial actions - " + label);
        assertThat(text(toPropose)).contains("Eleanor Brackwater judged the plan Red and commented:",
                "No data since March.");
        smtp.purgeEmailFromAllMailboxes();

        propose("Restore the statistics");
        sendQueuedMail();
        MimeMessage toAgree = onlyMailTo("manager");
        assertThat(toAgree.getSubject()).isEqualTo("Please agree the remedial actions or send them back - "
                + label);
        assertThat(firstLine(text(toAgree))).as("the plan after the actions, not after 'send them back'")
                .startsWith("Please agree or send back the remedial actions for " + label + " by ");
        assertThat(text(toAgree)).contains("- Restore the statistics (Police, by ");
        assertThat(text(toAgree)).as("the judgement once, with its comment")
                .contains("Proposed by " + fullName("lead") + ".",
                        "Eleanor Brackwater judged the plan Red and commented:", "No data since March.")
                .containsOnlyOnce("judged");
        smtp.purgeEmailFromAllMailboxes();

        decide(ReturnVariables.OUTCOME_SENT_BACK, "Who in the police, and <b>three</b> schools?");
        sendQueuedMail();
        MimeMessage sentBack = onlyMailTo("lead");
        assertThat(sentBack.getSubject()).isEqualTo("Remedial actions sent back: please answer the network manager's "
                + "comment - " + label);
        assertThat(firstLine(text(sentBack))).startsWith("Please change the remedial actions and propose them again "
                + "for " + label);
        assertThat(text(sentBack)).contains("Remedial actions sent back by " + fullName("manager") + " on ",
                "Who in the police, and <b>three</b> schools?");
        assertThat(html(sentBack)).contains("Who in the police, and &lt;b&gt;three&lt;/b&gt; schools?");
        smtp.purgeEmailFromAllMailboxes();

        propose("Restore the statistics, with DI Hale");
        sendQueuedMail();
        MimeMessage toAgreeAgain = onlyMailTo("manager");
        assertThat(toAgreeAgain.getSubject()).isEqualTo("Remedial actions proposed again: please agree them or send "
                + "them back - " + label);
        assertThat(firstLine(text(toAgreeAgain))).startsWith("Please agree or send back the remedial actions "
                + "proposed again for " + label + " by ");
        smtp.purgeEmailFromAllMailboxes();

        decide(ReturnVariables.OUTCOME_AGREED, "Agreed; report back in <i>March</i>.");
        sendQueuedMail();
        for (String officer : List.of("lead", "judge")) {
            MimeMessage agreed = onlyMailTo(officer);
            assertThat(agreed.getSubject()).isEqualTo("Remedial actions agreed - " + label);
            assertThat(firstLine(text(agreed))).startsWith("The remedial actions for " + label
                    + " were agreed by " + fullName("manager") + " on ");
            assertThat(text(agreed)).contains("- Restore the statistics, with DI Hale (Police, by ",
                    "Agreed; report back in <i>March</i>.");
            assertThat(html(agreed)).contains("Agreed; report back in &lt;i&gt;March&lt;/i&gt;.");
            assertDatesWrittenInFull(text(agreed));
        }
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(this::recipient)).containsOnly("lead", "judge");
    }

    /** The emails speak for the network's manager: one asking the manager to agree does not speak for them. */
    @Test
    void theManagerIsNotToldTheirEmailComesOnBehalfOfTheNetworkManager() throws Exception {
        sendQueuedMailAndEmptyTheMailboxes();
        openReturns.judgeRed(planReturn, "No data since March.");
        propose("Restore the statistics");
        sendQueuedMail();

        MimeMessage toAgree = onlyMailTo("manager");
        String sentToTheManager = "Sent to " + fullName("manager") + " by Delivery Progress.";
        assertThat(text(toAgree)).contains(sentToTheManager).doesNotContain("on behalf of");
        assertThat(html(toAgree)).contains(sentToTheManager).doesNotContain("on behalf of");
        assertThat(text(onlyMailTo("lead"))).as("an officer's email still does")
                .contains("Sent to Gareth Penhallow by Delivery Progress on behalf of the network manager.");
        smtp.purgeEmailFromAllMailboxes();

        // As an email queued before the recipient's role was kept in its model, with a reminder's closing line
        notificationQueue.queue(NotificationKind.REMINDER, "footer:" + planReturn.getId(), "lead", "Reminder",
                Map.of("firstLine", "Reminder.", "planTitle", planLabel(), "link", "/tasks/1", "linkText", "Open",
                        "closing", "You will not be reminded again once the task is done."));
        sendQueuedMail();
        assertThat(text(onlyMailTo("lead"))).contains("Sent to Gareth Penhallow by Delivery Progress on behalf of "
                + "the network manager.\nYou will not be reminded again once the task is done.");
    }

    @Test
    void aRemedialActionWrittenOnTwoLinesIsOneItemOfTheListWithItsLineBreak() throws Exception {
        sendQueuedMailAndEmptyTheMailboxes();
        openReturns.judgeRed(planReturn, "No data since March.");
        sendQueuedMail();
        smtp.purgeEmailFromAllMailboxes();

        propose("Review the hate crime reporting\nwith police");
        sendQueuedMail();
        MimeMessage toAgree = onlyMailTo("manager");
        assertThat(text(toAgree)).as("the second line indented under the item's dash")
                .contains("\n- Review the hate crime reporting\n  with police (Police, by ");
        assertThat(html(toAgree)).contains("<li><span style=\"white-space: pre-wrap;\">Review the hate crime "
                + "reporting\nwith police</span>");
    }

    @Test
    void aFullCycleTellsTheDataEntryOfficerOfTheUpdateAndItsRemindersBesideTheLead() throws Exception {
        sendQueuedMailAndEmptyTheMailboxes();

        morningOf(updateDue);

        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(this::recipient))
                .containsExactlyInAnyOrder("lead", "clerk");
        for (MimeMessage reminder : smtp.getReceivedMessages()) {
            // The lead officer submits; the data-entry officer prepares it.
            String asked = recipient(reminder).equals("lead") ? "submit" : "prepare";
            assertThat(reminder.getSubject()).isEqualTo("Reminder: please " + asked + " the quarterly update, which "
                    + "is due today - " + planLabel());
            assertThat(firstLine(text(reminder))).isEqualTo("Reminder: please " + asked + " the quarterly update for "
                    + planLabel() + ", which is due today.");
        }
    }

    @Test
    void remindersFallOnTheirWorkingDaysUntilTheTaskIsDoneAndTheManagerHearsAtTheSecondOverdueOne()
            throws Exception {
        sendQueuedMailAndEmptyTheMailboxes();

        List<String> remindedOn = new ArrayList<>();
        List<String> escalations = new ArrayList<>();
        LocalDate lastDay = workingDaysAfter(updateDue, 5);
        for (LocalDate day = LocalDate.now(LONDON).plusDays(1); !day.isAfter(lastDay); day = day.plusDays(1)) {
            morningOf(day);
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                remindedOn.add(day + " " + recipient(mail) + " " + mail.getSubject());
                if (recipient(mail).equals("manager")) {
                    escalations.add(body(mail));
                }
            }
            smtp.purgeEmailFromAllMailboxes();
        }

        String before = calendar.workingDaysBefore(updateDue, 3, HolidayRegion.ENGLAND_AND_WALES)
                + " %s Reminder: please %s the quarterly update, which is due in 3 working days, on "
                + ReadableDates.day(updateDue) + " - " + planLabel();
        String onTheDay = updateDue + " %s Reminder: please %s the quarterly update, which is due today - "
                + planLabel();
        String overdue = " %s Reminder: please %s the quarterly update, which is overdue: it was due on "
                + ReadableDates.day(updateDue) + " - " + planLabel();
        assertThat(remindedOn).containsExactlyInAnyOrder(
                before.formatted("lead", "submit"), before.formatted("clerk", "prepare"),
                onTheDay.formatted("lead", "submit"), onTheDay.formatted("clerk", "prepare"),
                workingDaysAfter(updateDue, 2) + overdue.formatted("lead", "submit"),
                workingDaysAfter(updateDue, 2) + overdue.formatted("clerk", "prepare"),
                workingDaysAfter(updateDue, 4) + overdue.formatted("lead", "submit"),
                workingDaysAfter(updateDue, 4) + overdue.formatted("clerk", "prepare"),
                workingDaysAfter(updateDue, 4) + " manager Overdue after 2 reminders: " + task().getName());
        assertThat(escalations).singleElement().asString().contains("has had 2 overdue reminders and is still");

        officers.submit("lead", task(), Map.of(ReturnVariables.ACHIEVEMENTS, "Done",
                ReturnVariables.PLANNED_ACTIVITIES, "More"));
        sendQueuedMailAndEmptyTheMailboxes();
        morningOf(workingDaysAfter(updateDue, 6));
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(this::recipient))
                .as("no more reminders to lead once the update is in").doesNotContain("lead", "clerk");
    }

    @Test
    void noReminderFallsOnABankHolidayOrAWeekend() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(LONDON).toInstant()));
        openReturnOf(networks.create(1, LocalDate.of(2027, 1, 12)));
        assertThat(updateDue).as("10 working days before 12 January 2027, over Christmas and New Year")
                .isEqualTo(LocalDate.of(2026, 12, 24));
        sendQueuedMailAndEmptyTheMailboxes();

        List<String> mailed = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 12, 2); day.isBefore(LocalDate.of(2027, 1, 8)); day = day.plusDays(1)) {
            morningOf(day);
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                mailed.add(day + " " + recipient(mail));
            }
            smtp.purgeEmailFromAllMailboxes();
        }

        // Not on Christmas Day, the Boxing Day holiday (28th), New Year's Day, or any weekend.
        assertThat(mailed).containsExactlyInAnyOrder("2026-12-21 lead", "2026-12-21 clerk", "2026-12-24 lead",
                "2026-12-24 clerk", "2026-12-30 lead", "2026-12-30 clerk", "2027-01-04 lead", "2027-01-04 clerk",
                "2027-01-04 manager", "2027-01-06 lead", "2027-01-06 clerk");
    }

    @Test
    void aReassignedTaskRemindsItsOfficersOncePerSlotEvenIfTheTimerFiresTwice() throws Exception {
        taskService.setAssignee(task().getId(), "clerk");
        sendQueuedMail();
        assertThat(onlyMailTo("clerk").getSubject()).as("told once, as the update's data-entry officer, who prepares "
                + "it where the lead officer submits").startsWith("Please prepare the quarterly update - ");
        smtp.purgeEmailFromAllMailboxes();

        morningOf(updateDue);
        morningOf(updateDue);

        assertThat(smtp.getReceivedMessages()).extracting(this::recipient)
                .containsExactlyInAnyOrder("clerk", "lead");
    }

    @Test
    void queuedMailIsARowInTheOfficersTransactionNotAProcessInstance() {
        Notification assigned = lastNotificationTo("lead");

        assertThat(assigned.getState()).isEqualTo(Notification.State.QUEUED);
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("notification-" + assigned.getId()).count()).isZero();
    }

    @Test
    void anEmailANodeStoppedWhileSendingIsSentByItsOwnProcessOnceItIsAbandoned() throws MessagingException {
        Notification assigned = lastNotificationTo("lead");
        transaction.executeWithoutResult(written -> jdbc.update(
                "UPDATE notification SET state = 'SENDING', claimed_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))), assigned.getId()));
        mailer.sendQueued();
        assertThat(smtp.getReceivedMessages()).extracting(this::recipient)
                .as("not yet: its node may still be sending it").doesNotContain("lead");

        transaction.executeWithoutResult(written -> jdbc.update(
                "UPDATE notification SET claimed_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(3))), assigned.getId()));
        sendQueuedMail();

        assertThat(notifications.findById(assigned.getId()).orElseThrow().getState())
                .isEqualTo(Notification.State.SENT);
        assertThat(smtp.getReceivedMessages()).extracting(this::recipient).containsOnlyOnce("lead");
    }

    @Test
    void twoNodesEmptyingTheOutboxAtOnceSendEachEmailOnce() throws Exception {
        for (int i = 0; i < 250; i++) {
            notificationQueue.queue(NotificationKind.CYCLE_CLOSED, "outbox-race:" + planReturn.getId() + ":" + i,
                    "lead", "Race " + i, Map.of("cycleReference", "race", "meetingDate", "today",
                            "noReturn", List.of()));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = nodes.invokeAll(List.of(mailer::sendQueued, mailer::sendQueued));

            assertThat(sent.get(0).get() + sent.get(1).get()).as("the emails the two nodes sent")
                    .isEqualTo(smtp.getReceivedMessages().length);
        } finally {
            nodes.shutdown();
        }
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(this::subject).filter(s -> s.startsWith("Race ")))
                .hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void aMailServerThatIsDownDelaysTheMailWhichArrivesOnceWhenItIsBack() throws MessagingException {
        smtp.stop();
        assertThat(mailer.sendQueued()).isZero();
        assertThat(notifications.findByRecipientOrderByIdAsc("lead")).last()
                .extracting(Notification::getState).isEqualTo(Notification.State.RETRYING);
        Job send = retryJobs().get(0);

        assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("mail server");
        assertThat(managementService.createJobQuery().jobId(send.getId()).singleResult().getRetries())
                .as("the job is retried later").isEqualTo(4);
        assertThat(taskService.createTaskQuery().processInstanceId(planReturn.getId()).count())
                .as("the officer's work is not affected").isEqualTo(1);
        assertThat(mailer.sendQueued()).as("the outbox leaves it to its job").isZero();

        smtp.start();
        managementService.executeJob(send.getId());
        sendQueuedMail();

        assertThat(smtp.getReceivedMessages()).extracting(this::recipient).containsOnlyOnce("lead");
    }

    @Test
    void aMailServerThatStaysDownEndsInAnIncidentForCockpitOnceTheRetriesAreSpent() {
        smtp.stop();
        mailer.sendQueued();
        Job send = retryJobs().get(0);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(send.getId()));
        }

        assertThat(managementService.createJobQuery().jobId(send.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService.createIncidentQuery().configuration(send.getId())
                .processInstanceId(send.getProcessInstanceId()).singleResult().getIncidentMessage())
                .contains("The mail server did not take email ").doesNotContain("@example.org");
    }

    @Test
    void theManagersAreToldWhenTheCycleClosesWhichPlansMadeNoReturn() throws Exception {
        ProcessInstance cycle = openReturns.cycleOf(planReturn);
        sendQueuedMailAndEmptyTheMailboxes();

        officers.fireTimer(cycle.getId());
        officers.runJobs(cycle.getId());
        sendQueuedMail();

        MimeMessage notice = onlyMailTo("manager");
        assertThat(notice.getSubject()).isEqualTo("Cycle " + cycle.getBusinessKey() + " closed: 1 plan with no return");
        assertThat(body(notice)).contains("Test plan 1 of");
    }

    @Test
    void theDemoShowsTheMailItSentOnItsMailPageUnderThePagesHeader() throws Exception {
        sendQueuedMail();

        WebSession anyone = new WebSession(port);
        assertThat(anyone.get("/mail").status()).as("signed in first").isEqualTo(302);
        WebSession lead = signedInToPages(port, "lead");
        assertThat(lead.get("/mail").status()).as("everyone's mail is the administrator's to read").isEqualTo(403);
        WebSession administrator = signedInToPages(port, "demo");
        String page = administrator.get("/mail").body();

        assertThat(page).contains("<title>Mail sent by the demo – Delivery Progress</title>")
                .as("the pages' header").contains("<nav aria-label=\"Main\">", "href=\"#content\"",
                        "<main id=\"content\">", "/css/site.css", "Sign out")
                .as("the mail")
                .contains(HtmlUtils.htmlEscape("Please submit the quarterly update - " + planLabel()))
                .as("the task's link to follow")
                .containsPattern("<a href=\"(http[^\"]+/tasks/" + task().getId() + ")\">\\1</a>");
    }

    @Test
    void aNotificationAlreadyTakenByTheMailServerIsNotSentAgainWhenItsJobRunsAgain() throws MessagingException {
        Notification assigned = notifications.findByRecipientOrderByIdAsc("lead").stream()
                .filter(notification -> notification.getDedupeKey().equals("assigned:" + task().getId() + ":lead"))
                .findFirst().orElseThrow();
        sendQueuedMail();

        runtimeService.createProcessInstanceByKey("sendNotification")
                .setVariable("notificationId", assigned.getId()).execute();
        sendQueuedMail();

        assertThat(smtp.getReceivedMessages()).extracting(this::recipient).containsOnlyOnce("lead");
    }

    @Test
    void anAddressTheMailCannotGoToLeavesTheRestOfTheBatchAndEndsInAnIncidentNamingIt() throws Exception {
        org.camunda.bpm.engine.identity.User clerk = identityService.createUserQuery().userId("clerk")
                .singleResult();
        String address = clerk.getEmail();
        sendQueuedMailAndEmptyTheMailboxes();
        clerk.setEmail("Clerk <" + address);
        identityService.saveUser(clerk);
        try {
            openReturnOf(networks.create(1));
            Notification toClerk = lastNotificationTo("clerk");

            assertThat(mailer.sendQueued()).as("lead's email in the same batch").isEqualTo(1);
            assertThat(onlyMailTo("lead").getSubject()).startsWith("Please submit the quarterly update - ");
            assertThat(notifications.findById(toClerk.getId()).orElseThrow().getState())
                    .isEqualTo(Notification.State.RETRYING);
            Job send = retryJobs().get(0);
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThatThrownBy(() -> managementService.executeJob(send.getId()));
            }
            assertThat(runtimeService.createIncidentQuery().configuration(send.getId()).singleResult()
                    .getIncidentMessage()).as("the officer by their user id, whose address Camunda Admin shows")
                    .contains(" to clerk: ", "Missing '>'").doesNotContain(address);
        } finally {
            clerk.setEmail(address);
            identityService.saveUser(clerk);
        }
    }

    @Test
    void anOfficerWithoutAnEmailAddressIsRecordedNotAFailedJobAndTheManagerIsTold() throws Exception {
        org.camunda.bpm.engine.identity.User clerk = identityService.createUserQuery().userId("clerk")
                .singleResult();
        String address = clerk.getEmail();
        sendQueuedMailAndEmptyTheMailboxes();
        clerk.setEmail(null);
        identityService.saveUser(clerk);
        try {
            openReturnOf(networks.create(1));

            assertThat(notifications.findByRecipientOrderByIdAsc("clerk")).last()
                    .extracting(Notification::getState).isEqualTo(Notification.State.NO_ADDRESS);
            sendQueuedMail();
            assertThat(retryJobs()).allSatisfy(job -> assertThat(job.getExceptionMessage()).isNull());
            MimeMessage toManager = onlyMailTo("manager");
            assertThat(toManager.getSubject()).endsWith("has no email address");
            assertThat(body(toManager)).contains("(user clerk)")
                    .contains("Please prepare the quarterly update - " + planLabel());
        } finally {
            clerk.setEmail(address);
            identityService.saveUser(clerk);
        }
    }

    /** Eight in the morning of the day: the return's daily timer fires and the mail it queued is sent. */
    private void morningOf(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(8, 0)).atZone(LONDON).toInstant()));
        Job everyMorning = managementService.createJobQuery().processInstanceId(planReturn.getId()).timers()
                .singleResult();
        managementService.executeJob(everyMorning.getId());
        sendQueuedMail();
    }

    /** What the outbox would send, and the emails handed to their own process that are due for another try. */
    /** Sends what is queued, by this test or by others sharing the application, and starts the mailboxes anew. */
    private void sendQueuedMailAndEmptyTheMailboxes() throws FolderException {
        sendQueuedMail();
        smtp.purgeEmailFromAllMailboxes();
    }

    private void sendQueuedMail() {
        mailer.sendQueued();
        retryJobs().forEach(job -> managementService.executeJob(job.getId()));
    }

    private List<Job> retryJobs() {
        return managementService.createJobQuery().processDefinitionKey("sendNotification").executable().list();
    }

    private Notification lastNotificationTo(String user) {
        List<Notification> theirs = notifications.findByRecipientOrderByIdAsc(user);
        return theirs.get(theirs.size() - 1);
    }

    private Task task() {
        return taskService.createTaskQuery().processInstanceId(planReturn.getId()).singleResult();
    }

    private LocalDate workingDaysAfter(LocalDate day, int workingDays) {
        LocalDate result = day;
        for (int counted = 0; counted < workingDays;) {
            result = result.plusDays(1);
            if (calendar.isWorkingDay(result, HolidayRegion.ENGLAND_AND_WALES)) {
                counted++;
            }
        }
        return result;
    }

    private MimeMessage onlyMailTo(String user) {
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> user.equals(recipient(mail))).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user id the mail was sent to, from the address in their profile. */
    private String recipient(MimeMessage mail) {
        try {
            String to = mail.getAllRecipients()[0].toString();
            return userIdByEmail.getOrDefault(to, to);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail);
    }

    /** The plan as the return's tasks and emails name it. */
    private String planLabel() {
        return (String) taskService.getVariable(task().getId(), ReturnVariables.PLAN_LABEL);
    }

    private String fullName(String userId) {
        org.camunda.bpm.engine.identity.User user = identityService.createUserQuery().userId(userId).singleResult();
        return user.getFirstName() + " " + user.getLastName();
    }

    private void propose(String action) {
        officers.submit("lead", task(), Map.of(ReturnVariables.REMEDIAL_ACTIONS, List.of(Map.of("action", action,
                "owner", "Police", "dueDate", LocalDate.now().plusWeeks(6).toString()))));
    }

    private void decide(String outcome, String comment) {
        taskService.claim(task().getId(), "manager");
        officers.submit("manager", task(), Map.of(ReturnVariables.REMEDIAL_OUTCOME, outcome,
                ReturnVariables.REMEDIAL_COMMENT, comment));
    }

    /** The first line of an email's text, or of its HTML's text. */
    /**
     * Every date of an email written one way, as the pages write it: the UK's, with its month in full, never "Sept"
     * nor an ISO date.
     */
    private static void assertDatesWrittenInFull(String text) {
        List<String> months = Pattern.compile("\\b\\d{1,2} (\\p{L}+) \\d{4}\\b").matcher(text).results()
                .map(date -> date.group(1)).toList();
        assertThat(months).isNotEmpty().allSatisfy(month -> assertThat(Arrays.stream(Month.values())
                .map(inFull -> inFull.getDisplayName(TextStyle.FULL, Locale.UK))).contains(month));
        assertThat(text).doesNotContainPattern("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}");
    }

    private static String firstLine(String body) {
        return body.replaceAll("(?s)<(head|style)>.*?</\\1>", "").replaceAll("<[^>]+>", "").strip()
                .lines().findFirst().orElseThrow().strip();
    }
}
