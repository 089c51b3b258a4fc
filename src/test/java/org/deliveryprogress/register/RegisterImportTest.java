package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The register from spreadsheets: the seeds' plans, indicators and actions as CSV files, imported by a network's
 * manager through the API, read back, imported again and exported.
 */
@ApplicationTest
@DisplayName("Importing and exporting the register")
class RegisterImportTest {

    private static final AtomicInteger NETWORKS = new AtomicInteger();
    private static final String MANAGER = "importer";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    TransactionTemplate transaction;

    private Http http;
    private String network;
    private String prefix;

    /** A new network for each test, managed by {@value #MANAGER}; the seeds' references get the network's prefix. */
    @BeforeEach
    void newNetwork() {
        http = new Http(port);
        int number = NETWORKS.incrementAndGet();
        network = "IMP" + number + "-" + System.nanoTime() % 10_000;
        prefix = network + "-";
        String group = network.toLowerCase() + "-managers";
        Reply created = http.post("demo", "/api/networks", Map.of("code", network, "name", "Import network " + number,
                "region", "ENGLAND_AND_WALES", "managerGroup", group));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (identityService.createUserQuery().userId(MANAGER).count() == 0) {
            User user = identityService.newUser(MANAGER);
            user.setPassword(Http.DEMO_PASSWORD);
            user.setEmail("importer@example.org");
            identityService.saveUser(user);
        }
        identityService.createMembership(MANAGER, group);
    }

    @Test
    void theSeedsImportThenReadBackAndImportingThemAgainChangesNothing() throws IOException {
        Reply first = importSeeds();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().at("/plans/created").asInt()).isEqualTo(10);
        assertThat(first.json().at("/indicators/created").asInt()).isEqualTo(7);
        assertThat(first.json().at("/actions/created").asInt()).isEqualTo(66);

        JsonNode ni1 = http.get(MANAGER, "/api/plans/{reference}", prefix + "NI1").json();
        assertThat(ni1.get("title").asText())
                .isEqualTo("Community Cohesion NI 1 – People from different backgrounds getting on well with "
                        + "each other");
        assertThat(ni1.get("network").asText()).isEqualTo(network);
        assertThat(ni1.get("leadOfficer").asText()).isEqualTo("lead");
        assertThat(ni1.get("judgingOfficer").asText()).isEqualTo("judge");
        assertThat(ni1.get("dataEntryOfficer").asText()).isEqualTo("clerk");
        assertThat(ni1.get("contact").asText()).contains("Tel: 0115 496 0374");
        assertThat(ni1.at("/indicators/0/code").asText()).isEqualTo("NI 1");
        assertThat(ni1.at("/indicators/0/targetsByYear").size()).isGreaterThan(0);
        assertThat(ni1.get("actions")).hasSize(5);

        DeliveryPlan hate = transaction.execute(status -> {
            DeliveryPlan plan = plans.findByReference(prefix + "HATE").orElseThrow();
            plan.getActions().size();
            return plan;
        });
        assertThat(hate.getActions()).extracting(PlanAction::getDeadlineText).doesNotContainNull();
        for (PlanAction action : hate.getActions()) {
            if (action.getDeadlineText().equals("Oct 2009")) {
                assertThat(action.getDeadline()).isEqualTo(LocalDate.of(2009, 10, 31));
            }
            if (action.getDeadlineText().equalsIgnoreCase("Ongoing")) {
                assertThat(action.getDeadline()).isNull();
            }
        }

        Reply again = importSeeds();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/plans/unchanged").asInt()).isEqualTo(10);
        assertThat(again.json().at("/indicators/unchanged").asInt()).isEqualTo(7);
        assertThat(again.json().at("/actions/unchanged").asInt()).isEqualTo(66);
        assertThat(again.json().get("changedNothing").asBoolean()).isTrue();
    }

    @Test
    void anExportImportedAgainChangesNothingAndExportsTheSameBytes() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        Map<String, byte[]> exported = new LinkedHashMap<>();
        for (String file : List.of("plans", "indicators", "actions")) {
            Reply export = http.get(MANAGER, "/api/networks/{code}/export/{file}.csv", network, file);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.contentType().toString()).startsWith("text/csv");
            exported.put(file, export.bytes());
        }
        assertThat(new String(exported.get("plans"), StandardCharsets.UTF_8))
                .startsWith("\uFEFFreference,title,lead_officer,judging_officer,data_entry_officer,agency,"
                        + "partnership_group,priority,theme,contact\r\n");

        Reply reimport = http.upload(MANAGER, "/api/networks/{code}/import", exported, network);
        assertThat(reimport.status()).as(reimport.body()).isEqualTo(200);
        assertThat(reimport.json().get("changedNothing").asBoolean()).isTrue();
        for (String file : exported.keySet()) {
            assertThat(http.get(MANAGER, "/api/networks/{code}/export/{file}.csv", network, file).bytes())
                    .as(file).isEqualTo(exported.get(file));
        }

        for (String file : List.of("plans", "indicators", "actions")) {
            Reply xlsx = http.get(MANAGER, "/api/networks/{code}/export/{file}.xlsx", network, file);
            assertThat(xlsx.status()).isEqualTo(200);
            Reply imported = http.postBytes(MANAGER, "/api/networks/{code}/import/{file}", XLSX, xlsx.bytes(),
                    network, file);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("changedNothing").asBoolean()).as(file).isTrue();
        }
    }

    @Test
    void aChangedCellUpdatesOnlyItsRowAndTextIsKeptAsWritten() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        String tricky = "Line one, with a comma\r\n\"Quoted\" line two\n"
                + "<script>alert('x')</script> '; DROP TABLE plan;--";
        byte[] plan = csv("reference,title,lead_officer,judging_officer,data_entry_officer,agency,partnership_group,"
                + "priority,theme,contact",
                prefix + "NI1,\"" + tricky.replace("\"", "\"\"") + "\",lead2,judge,,,,,,");
        Reply reply = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV,
                plan, network);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/plans/updated").asInt()).isEqualTo(1);
        JsonNode ni1 = http.get(MANAGER, "/api/plans/{reference}", prefix + "NI1").json();
        assertThat(ni1.get("title").asText()).isEqualTo(tricky);
        assertThat(ni1.get("leadOfficer").asText()).isEqualTo("lead2");
        assertThat(ni1.has("dataEntryOfficer")).as("blank cell clears the data-entry officer").isFalse();
        assertThat(ni1.get("actions")).as("actions are untouched by a plans file").hasSize(5);
    }

    @Test
    void aFileWithADozenMistakesImportsNothingAndNamesEachOneByLineAndColumn() {
        String longTitle = "x".repeat(501);
        byte[] plansFile = csv("reference,title,lead_officer,judging_officer,data_entry_officer,agency,"
                + "partnership_group,priority,theme,contact,colour",
                prefix + "A,A good plan,lead,judge,,,,,,,",
                ",No reference,lead,judge,,,,,,,",
                prefix + "C,,lead,judge,,,,,,,",
                prefix + "D,Nobody leads,,judge,,,,,,,",
                prefix + "E,An unknown judge,lead,no-such-officer,,,,,,,",
                prefix + "A,The same reference again,lead,judge,,,,,,,",
                prefix + "G," + longTitle + ",lead,judge,,,,,,,",
                prefix + "H,Too many cells,lead,judge,,,,,,,,surplus");
        byte[] indicatorsFile = csv("plan_reference,code,description,baseline,unit,higher_is_better,target_year,target",
                prefix + "A,NI 1,People getting on,70%,%,maybe,2009/10,75%",
                "NO-SUCH-PLAN,NI 2,Participation,,,yes,,",
                prefix + "A,NI 3,Volunteering,,,yes,2010/11,");
        byte[] actionsFile = csv("plan_reference,reference,objective,action,milestones,owner,deadline,priority,status",
                prefix + "A,A.1,Objective,,Milestones,Owner,Oct 2009,High,on track",
                prefix + "A,A.2,Objective,An action,,Owner,March 2010,High,on track",
                prefix + "A,A.2,Objective,The same action reference,,Owner,March 2010,High,on track");

        Reply reply = http.upload(MANAGER, "/api/networks/{code}/import",
                Map.of("plans", plansFile, "indicators", indicatorsFile, "actions", actionsFile), network);

        assertThat(reply.status()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        reply.json().get("errors").forEach(error -> problems.add(error.get("file").asText() + ":"
                + error.get("line").asInt() + ":" + error.path("column").asText("")));
        assertThat(problems).contains(
                "plans:1:colour",
                "plans:3:reference",
                "plans:4:title",
                "plans:5:lead_officer",
                "plans:6:judging_officer",
                "plans:7:reference",
                "plans:8:title",
                "plans:9:",
                "indicators:2:higher_is_better",
                "indicators:3:plan_reference",
                "indicators:4:target",
                "actions:2:action",
                "actions:4:reference");
        assertThat(reply.json().get("problems").toString()).contains("no-such-officer", "already on line 2",
                "is 501 characters long", "write yes or no");
        assertThat(plans.findByReference(prefix + "A")).as("nothing imported").isEmpty();
        assertThat(http.get(MANAGER, "/api/plans?network={code}", network).json()).isEmpty();
    }

    @Test
    void referencesIgnoreCaseAsTheDatabaseDoes() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        byte[] plan = csv("reference,title,lead_officer,judging_officer,data_entry_officer,agency,partnership_group,"
                + "priority,theme,contact", prefix.toLowerCase() + "ni1,Renamed,lead,judge,clerk,,,,,");
        Reply renamed = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV, plan, network);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().at("/plans/updated").asInt()).as("the same plan, not a new one").isEqualTo(1);
        assertThat(http.get(MANAGER, "/api/plans/{reference}", prefix + "NI1").json().get("title").asText())
                .isEqualTo("Renamed");

        byte[] actions = csv("plan_reference,reference,objective,action,milestones,owner,deadline,priority,status",
                prefix + "NI1,X.1,Objective,One action,,,,,",
                prefix + "ni1,x.1,Objective,The same action in other letters,,,,,");
        Reply twice = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, actions, network);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(twice.json().at("/errors/0/column").asText()).isEqualTo("reference");
    }

    @Test
    void aFileWithoutSomeColumnsSaysWhichAndStillHasItsRowsChecked() {
        byte[] plansFile = csv("reference,title,lead_officer,judging_officer",
                prefix + "A,,lead,judge",
                prefix + "B,A plan,nobody-here,judge");

        Reply reply = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV, plansFile, network);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("problems")).hasSize(3);
        assertThat(reply.json().at("/problems/0").asText()).contains("the columns data_entry_officer, agency, "
                + "partnership_group, priority, theme, contact are missing");
        assertThat(reply.json().at("/problems/1").asText()).startsWith("plans, line 2, column \"title\"");
        assertThat(reply.json().at("/problems/2").asText()).startsWith("plans, line 3, column \"lead_officer\"");
    }

    @Test
    void unreadableFilesAreRefusedWithTheLineToLookAt() {
        byte[] notUtf8 = "reference,title\nA,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Reply latin1 = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV,
                notUtf8, network);
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.json().at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(latin1.body()).contains("UTF-8");

        byte[] unterminated = csv("reference,title,lead_officer,judging_officer,data_entry_officer,agency,"
                + "partnership_group,priority,theme,contact", prefix + "Q,\"Never closed,lead,judge,,,,,,");
        Reply open = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV,
                unterminated, network);
        assertThat(open.status()).isEqualTo(400);
        assertThat(open.json().at("/errors/0/line").asInt()).isEqualTo(2);

        assertThat(http.postBytes(MANAGER, "/api/networks/{code}/import/budgets", CSV,
                unterminated, network).status()).isEqualTo(404);
    }

    private Reply importSeeds() throws IOException {
        return http.upload(MANAGER, "/api/networks/{code}/import", Map.of(
                "plans", seed("seed-plans.csv"),
                "indicators", seed("seed-indicators.csv"),
                "actions", seed("seed-actions.csv")), network);
    }

    private byte[] seed(String file) throws IOException {
        String text = new String(new ClassPathResource("register/" + file).getContentAsByteArray(),
                StandardCharsets.UTF_8);
        return text.replace("SEED-", prefix).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] csv(String header, String... lines) {
        return (header + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
