package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.networks.NetworkMeetingRepository;
import org.deliveryprogress.notifications.Mailer;
import org.deliveryprogress.notifications.Notification;
import org.deliveryprogress.notifications.NotificationKind;
import org.deliveryprogress.notifications.NotificationRepository;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.ReturnVariables;
import org.deliveryprogress.support.Emails;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;

/**
 * A network manager withdraws a cycle opened by mistake, before any update is submitted: its returns, tasks and
 * drafts go, its officers are told why, and the meeting can have its cycle opened again.
 */
@ApplicationTest
@DisplayName("Withdrawing a cycle opened by mistake")
class CycleWithdrawalTest {

    private static final String WITHDRAWAL = "/api/networks/{code}/meetings/{date}/cycle/withdrawal";
    private static final String REASON = "Opened for the wrong meeting: the January one moved to <February>.";

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    CycleRepository cycles;
    @Autowired
    PlanReturnRepository returns;
    @Autowired
    NetworkMeetingRepository meetings;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    Mailer mailer;
    @Autowired
    GreenMail smtp;

    private Http http;
    private TestNetwork network;
    private ProcessInstance firstReturn;

    @BeforeEach
    void openCycle() {
        http = new Http(port);
        network = networks.create(2);
        firstReturn = openReturns.of(network);
    }

    @Test
    @DisplayName("removes its returns, tasks, grants and drafts, tells the officers why by email, and the meeting's "
            + "cycle opens again")
    void withdrawnAndOpenedAgain() throws Exception {
        Task update = task(firstReturn);
        assertThat(WebSession.signedInToTasklist(port, "clerk").tasklistPluginApi("PUT", "/drafts/" + update.getId(),
                "{\"achievements\": \"Half written\", \"plannedActivities\": \"\", \"blockages\": \"\"}", true)
                .status()).isEqualTo(200);
        Long cycleId = cycle().getId();
        String cycleInstance = cycle().getProcessInstanceId();
        smtp.purgeEmailFromAllMailboxes();
        String assigned = "assigned:" + update.getId() + ":lead";
        assertThat(notifications.findByRecipientOrderByIdAsc("lead")).as("queued: the mail server is down, say")
                .anyMatch(email -> email.getDedupeKey().equals(assigned));

        Reply withdrawn = withdraw("manager", REASON, false);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("returns").asInt()).isEqualTo(2);
        assertThat(withdrawn.json().get("drafts").asInt()).isEqualTo(1);
        assertThat(withdrawn.json().get("meeting").asText()).startsWith("The meeting of ").contains(" stays");
        assertThat(cycles.findByMeetingId(network.meeting().getId())).isEmpty();
        assertThat(returns.countByCycleId(cycleId)).isZero();
        assertThat(taskService.createTaskQuery().taskId(update.getId()).count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().resourceId(update.getId()).count())
                .as("no grant left on the deleted task").isZero();
        assertThat(authorizations.createAuthorizationQuery().resourceId(firstReturn.getId()).count())
                .as("no grant left on the deleted instance").isZero();
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(firstReturn.getId()).singleResult();
        assertThat(history.getDeleteReason()).as("the engine's history keeps who and why")
                .startsWith("Cycle withdrawn by ").contains("(manager)", REASON);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(cycleInstance)
                .singleResult().getEndTime()).as("the cycle's own process ended").isNotNull();

        List<Notification> toLead = notifications.findByRecipientOrderByIdAsc("lead").stream()
                .filter(email -> email.getKind() == NotificationKind.CYCLE_WITHDRAWN
                        && email.getDedupeKey().contains(update.getId()))
                .toList();
        assertThat(toLead).hasSize(1);
        assertThat(notifications.findByRecipientOrderByIdAsc("clerk")).as("the data-entry officer, a candidate")
                .anyMatch(email -> email.getDedupeKey().equals("withdrawn:" + update.getId() + ":clerk"));
        assertThat(notifications.findByRecipientOrderByIdAsc("lead"))
                .as("the email asking for the update, not sent yet, is not sent after the one saying it is not wanted")
                .noneMatch(email -> email.getDedupeKey().equals(assigned));
        mailer.sendQueued();
        MimeMessage email = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> Emails.subject(message).equals(toLead.get(0).getSubject()))
                .findFirst().orElseThrow();
        assertThat(Emails.subject(email)).isEqualTo("No longer wanted: " + update.getName());
        assertThat(Emails.text(email)).contains("is no longer wanted", "withdrew the cycle", REASON,
                "Anything you saved as a draft for it is gone too");

        ProcessInstance reopened = openReturns.of(network);
        assertThat(task(reopened).getAssignee()).as("the meeting's cycle opens again").isEqualTo("lead");
    }

    @Test
    @DisplayName("stays once an update is submitted, and is refused without a reason, to an officer and to another "
            + "network's manager")
    void whatIsRefused() {
        Reply noReason = withdraw("manager", " ", false);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asText()).startsWith("Say why the cycle is withdrawn");
        assertThat(withdraw("lead", REASON, false).status()).as("an officer of its plans").isEqualTo(403);
        assertThat(withdraw("manager2", REASON, false).status()).as("another network's manager").isEqualTo(404);

        Task update = task(firstReturn);
        officers.submit("lead", update, Map.of(ReturnVariables.ACHIEVEMENTS, "Done",
                ReturnVariables.PLANNED_ACTIVITIES, "More"));
        Reply submitted = withdraw("manager", REASON, false);
        assertThat(submitted.status()).isEqualTo(409);
        assertThat(submitted.json().get("detail").asText()).contains("1 update has been submitted ("
                + network.plan().getReference() + ")");

        assertThat(cycles.findByMeetingId(network.meeting().getId())).as("nothing withdrawn").isPresent();
        assertThat(returns.countByCycleId(cycle().getId())).isEqualTo(2);
    }

    @Test
    @DisplayName("on the network's page, with the meeting removed too")
    void onTheNetworksPage() {
        WebSession manager = signedInToPages(port, "manager");
        String path = "/networks/" + network.network().getCode();
        Page page = manager.get(path);
        assertThat(page.body()).contains("Withdraw the cycle");

        Page withdrawn = manager.postForm(path + "/meetings/" + network.meeting().getMeetingDate()
                + "/cycle/withdraw", Map.of("reason", REASON, "removeMeeting", "true",
                "_csrf", WebSession.csrfTokenIn(page.body())));

        assertThat(withdrawn.status()).isEqualTo(302);
        assertThat(manager.get(path).body()).contains("withdrawn: 2 returns and 0 drafts removed",
                "is removed too").doesNotContain("Withdraw the cycle");
        assertThat(meetings.findById(network.meeting().getId())).isEmpty();
    }

    private Reply withdraw(String user, String reason, boolean removeMeeting) {
        return http.post(user, WITHDRAWAL, Map.of("reason", reason, "removeMeeting", removeMeeting),
                network.network().getCode(), network.meeting().getMeetingDate());
    }

    private Cycle cycle() {
        return cycles.findByMeetingId(network.meeting().getId()).orElseThrow();
    }

    private Task task(ProcessInstance planReturn) {
        return taskService.createTaskQuery().processInstanceId(planReturn.getId()).singleResult();
    }
}
