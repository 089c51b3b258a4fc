package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deliveryprogress.returns.ReturnVariables.*;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.NetworkSettings;
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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A network's setting "data-entry officers may submit the update": off for a new network (the data-entry officer
 * prepares the update and hands it to the lead officer, who submits it, as on the paper form), changed by
 * administrators through the network's API and page, kept by the engine whatever the route (see also
 * {@code OneWritePathTest}), and told to the officers on the draft page and in Tasklist's form before they try.
 */
@ApplicationTest
@DisplayName("Whether data-entry officers may submit the update")
class EntryOfficerSubmissionTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    NetworkRepository networkRepository;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    FormService formService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RecordedReturns recordedReturns;

    private Http http;
    private TestNetwork network;
    private ProcessInstance planReturn;
    private String draftPage;

    @BeforeEach
    void openReturn() {
        http = new Http(port);
        network = networks.create(1);
        planReturn = openReturns.of(network);
        draftPage = "/plans/" + network.plan().getReference() + "/update";
    }

    @Test
    @DisplayName("a network created through the API has its lead officers submit unless it says otherwise; an "
            + "administrator changes it, and a change that leaves it out keeps it")
    void administratorsSetItThroughTheApi() {
        String code = "EOS" + System.nanoTime() % 100_000;
        Reply created = http.post("demo", "/api/networks", network(code, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("entryOfficersMaySubmit").asBoolean()).as("a new network's default").isFalse();

        Reply allowed = http.put("demo", "/api/networks/{code}", network(code, true), code);
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(entryOfficersMaySubmit(code)).isTrue();
        assertThat(http.put("demo", "/api/networks/{code}", network(code, null), code).status()).isEqualTo(200);
        assertThat(entryOfficersMaySubmit(code)).as("left out of a change, it stays").isTrue();
        assertThat(http.put("demo", "/api/networks/{code}", network(code, false), code).status()).isEqualTo(200);
        assertThat(entryOfficersMaySubmit(code)).isFalse();

        String allowingCode = code + "A";
        Reply createdAllowing = http.post("demo", "/api/networks", network(allowingCode, true));
        assertThat(createdAllowing.json().get("entryOfficersMaySubmit").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("the network's managers and its officers may not change it through the API (403), and it stays")
    void othersMayNotChangeItThroughTheApi() {
        String code = network.network().getCode();
        Map<String, Object> allowing = network(code, true);
        allowing.put("managerGroup", TestNetworks.MANAGER_GROUP);
        for (String user : new String[] { "manager", "lead", "clerk" }) {
            Reply refused = http.put(user, "/api/networks/{code}", allowing, code);
            assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(entryOfficersMaySubmit(code)).isFalse();
        assertThat(http.get("manager", "/api/networks/{code}", code).json().get("entryOfficersMaySubmit")
                .asBoolean()).as("managers read it").isFalse();
    }

    @Test
    @DisplayName("an administrator ticks and unticks it on the network's page, which says who submits; a manager "
            + "reads it there but has no box, and a post of theirs is refused (403)")
    void administratorsSetItOnTheNetworkPage() {
        String path = "/networks/" + network.network().getCode();
        WebSession demo = signedInToPages(port, "demo");
        String page = demo.get(path).body();
        assertThat(page).contains("A plan's lead officer submits its update; its", "id=\"entryOfficersMaySubmit\"");

        assertThat(demo.postForm(path, networkForm(page, true)).status()).isEqualTo(302);
        assertThat(entryOfficersMaySubmit(network.network().getCode())).isTrue();
        page = demo.get(path).body();
        assertThat(page).contains("A plan's lead officer or its data-entry officer")
                .containsPattern("id=\"entryOfficersMaySubmit\"[^>]*checked=\"checked\"");
        assertThat(demo.postForm(path, networkForm(page, false)).status()).isEqualTo(302);
        assertThat(entryOfficersMaySubmit(network.network().getCode())).as("the box left unticked").isFalse();

        WebSession manager = signedInToPages(port, "manager");
        String managersPage = manager.get(path).body();
        assertThat(managersPage).contains("A plan's lead officer submits its update")
                .doesNotContain("id=\"entryOfficersMaySubmit\"");
        assertThat(manager.postForm(path, networkForm(managersPage, true)).status()).isEqualTo(403);
        assertThat(entryOfficersMaySubmit(network.network().getCode())).isFalse();
    }

    @Test
    @DisplayName("where the lead officer submits, the draft page tells the data-entry officer to hand the draft over, "
            + "and Tasklist's form says so; the lead officer then submits the handed-over draft")
    void theDataEntryOfficerIsToldToHandOver() {
        WebSession clerk = signedInToPages(port, "clerk");
        assertThat(clerk.get(draftPage).body()).contains("In this network the lead officer,",
                "Gareth Penhallow</span>, submits the update, not the data-entry officer.",
                "Save and hand to Gareth Penhallow to submit").doesNotContain("Submit the update in Tasklist");
        assertThat(signedInToPages(port, "lead").get(draftPage).body()).as("the lead officer submits")
                .contains("Submit the update in Tasklist").doesNotContain("In this network the lead officer");
        assertThat(formPlan("clerk").get("dataEntryOfficerMaySubmit").asBoolean()).isFalse();

        Page handed = save(clerk, Map.of("achievements", "Prepared by the data-entry officer.",
                "plannedActivities", "More.", "then", "handToLead"));
        assertThat(handed.status()).isEqualTo(302);
        assertThat(update().getAssignee()).isEqualTo("lead");
        Map<String, Object> drafted = officers.as("lead", () -> formService.getTaskFormVariables(update().getId()));
        officers.submit("lead", update(), Map.of(ACHIEVEMENTS, drafted.get(ACHIEVEMENTS),
                PLANNED_ACTIVITIES, drafted.get(PLANNED_ACTIVITIES)));
        PlanReturn submitted = recordedReturns.load(returnId());
        assertThat(submitted.getSubmittedBy()).isEqualTo("lead");
        assertThat(submitted.getAchievements()).isEqualTo("Prepared by the data-entry officer.");
    }

    @Test
    @DisplayName("where data-entry officers may submit, the draft page and Tasklist's form tell them so")
    void theDataEntryOfficerIsToldTheyMaySubmit() {
        networks.letEntryOfficersSubmit(network, true);
        assertThat(signedInToPages(port, "clerk").get(draftPage).body()).contains("Submit the update in Tasklist",
                "You may also hand it to the lead officer for review.", "Save and hand to Gareth Penhallow for review")
                .doesNotContain("In this network the lead officer");
        assertThat(formPlan("clerk").get("dataEntryOfficerMaySubmit").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("the update's form says which of its officers reads it, as the engine knows them signed in: each "
            + "reads the hand-over instruction meant for them, and a manager neither")
    void theFormKnowsWhichOfficerReadsIt() {
        assertThat(formVariables("lead").at("/reader/value").asText()).isEqualTo("leadOfficer");
        assertThat(formVariables("clerk").at("/reader/value").asText()).isEqualTo("dataEntryOfficer");
        assertThat(formVariables("manager").has("reader")).as("a manager watching").isFalse();
    }

    @Test
    @DisplayName("a change of the setting applies to an update already open: refused before, recorded after")
    void aChangeAppliesToOpenUpdates() {
        Map<String, Object> update = Map.of(ACHIEVEMENTS, "Prepared.", PLANNED_ACTIVITIES, "More.");
        assertThatThrownBy(() -> officers.submit("clerk", update(), update))
                .isInstanceOf(NotYourTaskException.class)
                .hasMessage("In " + network.network().getName() + " the lead officer submits the update, not the "
                        + "data-entry officer: hand the draft to the lead officer, Gareth Penhallow, on the update's "
                        + "page (" + draftPage + "), and they will submit it.");
        recordedReturns.assertStillOpen(update().getId());

        Map<String, Object> allowing = network(network.network().getCode(), true);
        allowing.put("managerGroup", TestNetworks.MANAGER_GROUP);
        assertThat(http.put("demo", "/api/networks/{code}", allowing, network.network().getCode()).status())
                .isEqualTo(200);
        officers.submit("clerk", update(), update);
        assertThat(recordedReturns.load(returnId()).getSubmittedBy()).isEqualTo("clerk");
    }

    private boolean entryOfficersMaySubmit(String code) {
        return networkRepository.findByCode(code).orElseThrow().isEntryOfficersMaySubmit();
    }

    /** A network as the API takes it; the setting left out when null. */
    private static Map<String, Object> network(String code, Boolean entryOfficersMaySubmit) {
        return NetworkSettings.with(NetworkSettings.document(code), "entryOfficersMaySubmit", entryOfficersMaySubmit);
    }

    /** The network page's form as a browser sends it: an unticked box is not sent at all. */
    private Map<String, String> networkForm(String page, boolean ticked) {
        return NetworkSettings.with(NetworkSettings.pageForm(page, network.network().getName()),
                "entryOfficersMaySubmit", ticked ? "true" : null);
    }

    /** The plan as the update's form shows it to the user, read as Tasklist reads it. */
    private JsonNode formPlan(String user) {
        return Http.jsonValue(formVariables(user), "plan");
    }

    private JsonNode formVariables(String user) {
        return http.formVariables(user, update().getId());
    }

    private Page save(WebSession session, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", WebSession.csrfTokenIn(session.get(draftPage).body()));
        return session.postForm(draftPage, form);
    }

    private Task update() {
        return officers.task(planReturn.getId(), TASK_SUBMIT_UPDATE);
    }

    private Long returnId() {
        return (Long) runtimeService.getVariable(planReturn.getId(), RETURN_ID);
    }
}
