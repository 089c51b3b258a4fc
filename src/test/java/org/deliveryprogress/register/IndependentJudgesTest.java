package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.returns.ReturnVariables.*;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.NetworkSettings;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * A network's choice whether a plan's judging officer may also be its lead or data-entry officer ("The lead officer
 * and the judging officer may be the same person, but a partnership may forbid that"): they may, as on the paper
 * form, until an administrator forbids it, which the register must allow first. The judgement itself is refused to
 * the update's own officers on every route ({@code OneWritePathTest}).
 */
@ApplicationTest
@DisplayName("Whether officers may judge their own plans")
class IndependentJudgesTest {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String PLANS_HEADER = "reference,title,lead_officer,judging_officer,data_entry_officer,"
            + "agency,partnership_group,priority,theme,contact";

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    NetworkRepository networkRepository;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    Officers officers;
    @Autowired
    RuntimeService runtimeService;

    private Http http;
    /** Two plans that their lead officer judges, as the seed's progress form has it. */
    private TestNetwork network;
    private String code;

    @BeforeEach
    void networkWhoseLeadJudges() {
        http = new Http(port);
        network = networks.create(2, TestNetworks.MANAGER_GROUP, "lead", "lead", "clerk");
        code = network.network().getCode();
    }

    @Test
    @DisplayName("a network may forbid it only once its register names no plan's own officer as its judge (409 "
            + "naming the plans); then an import that does is refused by line and column, and nothing is stored")
    void theRegisterComesFirst() {
        assertThat(setting()).as("as the paper form allows").isTrue();
        Reply refused = http.put("demo", "/api/networks/{code}", document(false), code);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).isEqualTo("Judging officers cannot yet be kept "
                + "independent: the register names a plan's lead or data-entry officer as its judging officer in "
                + reference(1) + ", " + reference(2) + ". Give these plans another judging officer (import the plans "
                + "file), then change this.");
        assertThat(setting()).isTrue();

        assertThat(importPlans(reference(1) + ",Plan 1,lead,judge,clerk,,,,,",
                reference(2) + ",Plan 2,lead,clerk,,,,,,").status()).as("a data-entry officer no more").isEqualTo(200);
        Reply allowed = http.put("demo", "/api/networks/{code}", document(false), code);
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.json().get("officersMayJudgeOwnPlans").asBoolean()).isFalse();
        assertThat(setting()).isFalse();

        Reply judgedByTheirWriters = importPlans(reference(1) + ",Plan 1,lead,lead,,,,,,",
                reference(2) + ",Plan 2,lead,clerk,clerk,,,,,");
        assertThat(judgedByTheirWriters.status()).as(judgedByTheirWriters.body()).isEqualTo(400);
        String rule = "in " + network.network().getName() + " a plan's judging officer must be someone other than "
                + "its lead and data-entry officers: name another officer";
        assertThat(judgedByTheirWriters.json().get("problems")).extracting(problem -> problem.asText())
                .containsExactly("plans, line 2, column \"judging_officer\": " + rule,
                        "plans, line 3, column \"judging_officer\": " + rule);
        assertThat(plans.findByReference(reference(1)).orElseThrow().getJudgingOfficer()).isEqualTo("judge");
        assertThat(plans.findByReference(reference(2)).orElseThrow().getDataEntryOfficer()).isNull();

        Map<String, Object> leftOut = document(null);
        assertThat(http.put("demo", "/api/networks/{code}", leftOut, code).status()).isEqualTo(200);
        assertThat(setting()).as("left out of a change, it stays").isFalse();
    }

    @Test
    @DisplayName("an update still to be judged keeps the officers it opened with, so it holds the change back until "
            + "it is judged")
    void openUpdatesHoldItBack() {
        ProcessInstance first = openReturns.of(network);
        assertThat(importPlans(reference(1) + ",Plan 1,lead,judge,clerk,,,,,",
                reference(2) + ",Plan 2,lead,judge,clerk,,,,,").status()).isEqualTo(200);
        assertThat(refusal()).isEqualTo("Judging officers cannot yet be kept independent: updates still to be judged "
                + "have their lead or data-entry officer as their judging officer, as they opened, in " + reference(1)
                + ", " + reference(2) + ". Change this once they are judged or their cycle has closed.");

        submitAndJudgeAsLead(first);
        assertThat(refusal()).contains("as they opened, in " + reference(2) + ". Change");
        submitAndJudgeAsLead(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(first.getBusinessKey().replace(reference(1), reference(2)))
                .singleResult());
        assertThat(http.put("demo", "/api/networks/{code}", document(false), code).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a network created without the setting allows it; one created with it forbids it")
    void newNetworks() {
        String created = "IJ" + System.nanoTime() % 100_000;
        Map<String, Object> withoutIt = newNetwork(created, null);
        assertThat(http.post("demo", "/api/networks", withoutIt).json().get("officersMayJudgeOwnPlans").asBoolean())
                .isTrue();
        Map<String, Object> forbidding = newNetwork(created + "F", false);
        assertThat(http.post("demo", "/api/networks", forbidding).json().get("officersMayJudgeOwnPlans").asBoolean())
                .isFalse();
    }

    @Test
    @DisplayName("the network's page says who judges; an administrator changes it there, and is told what holds the "
            + "change back")
    void administratorsChooseOnTheNetworkPage() {
        String path = "/networks/" + code;
        WebSession demo = signedInToPages(port, "demo");
        String page = demo.get(path).body();
        assertThat(page).contains("and may also be its lead or data-entry officer, as the paper form allows")
                .containsPattern("id=\"officersMayJudgeOwnPlans\"[^>]*checked=\"checked\"");

        Map<String, String> renamedToo = networkForm(page, "false");
        renamedToo.put("name", "Renamed with the choice");
        assertThat(demo.postForm(path, renamedToo).location()).as("the page opens on the refusal")
                .endsWith(path + "#network-problems");
        assertThat(demo.get(path).body()).contains("Nothing was changed.", "Judging officers cannot yet be kept "
                + "independent: the register names a plan&#39;s lead or data-entry officer")
                .as("the form as it was filled in").contains("value=\"Renamed with the choice\"")
                .containsPattern("id=\"judgesIndependent\"[^>]*checked=\"checked\"");
        assertThat(setting()).isTrue();
        assertThat(networkRepository.findByCode(code).orElseThrow().getName()).isEqualTo(network.network().getName());

        importPlans(reference(1) + ",Plan 1,lead,judge,clerk,,,,,", reference(2) + ",Plan 2,lead,judge,,,,,,");
        page = demo.get(path).body();
        assertThat(demo.postForm(path, networkForm(page, "false")).status()).isEqualTo(302);
        assertThat(setting()).isFalse();
        assertThat(demo.get(path).body()).contains("Saved: " + network.network().getName() + " as shown below.")
                .contains("and must be someone other than its lead and data-entry officers, who write it")
                .containsPattern("id=\"judgesIndependent\"[^>]*checked=\"checked\"");

        Map<String, String> openedBefore = networkForm(demo.get(path).body(), null);
        assertThat(demo.postForm(path, openedBefore).status()).isEqualTo(302);
        assertThat(setting()).as("a page opened before the choice was on it leaves it as it is").isFalse();
    }

    private String refusal() {
        Reply refused = http.put("demo", "/api/networks/{code}", document(false), code);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(setting()).isTrue();
        return refused.json().get("detail").asText();
    }

    private void submitAndJudgeAsLead(ProcessInstance planReturn) {
        openReturns.submitUpdate(planReturn);
        officers.submit("lead", officers.task(planReturn.getId(), TASK_JUDGE_STATUS), Map.of(RAG_STATUS, "Green"));
    }

    private boolean setting() {
        return networkRepository.findByCode(code).orElseThrow().isOfficersMayJudgeOwnPlans();
    }

    private String reference(int plan) {
        return network.plans().get(plan - 1).getReference();
    }

    private Reply importPlans(String... lines) {
        byte[] file = (PLANS_HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return http.postBytes("manager", "/api/networks/{code}/import/plans", CSV, file, code);
    }

    /** The test network as the API takes it; the setting left out when null. */
    private Map<String, Object> document(Boolean officersMayJudgeOwnPlans) {
        Map<String, Object> document = newNetwork(code, officersMayJudgeOwnPlans);
        document.put("name", network.network().getName());
        document.put("managerGroup", TestNetworks.MANAGER_GROUP);
        return document;
    }

    private static Map<String, Object> newNetwork(String code, Boolean officersMayJudgeOwnPlans) {
        return NetworkSettings.with(NetworkSettings.document(code), "officersMayJudgeOwnPlans",
                officersMayJudgeOwnPlans);
    }

    /** The network page's form as a browser sends it; the choice left out when null. */
    private Map<String, String> networkForm(String page, String officersMayJudgeOwnPlans) {
        return NetworkSettings.with(NetworkSettings.pageForm(page, network.network().getName()),
                "officersMayJudgeOwnPlans", officersMayJudgeOwnPlans);
    }
}
