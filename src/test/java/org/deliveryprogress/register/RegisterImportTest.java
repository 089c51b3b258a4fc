package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The register from spreadsheets: the seeds' plans, indicators and actions as CSV files, with past values of their
 * indicators, imported by a network's manager through the API, read back, imported again and exported.
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
    IndicatorValueRepository values;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

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
                        + "partnership_group,priority,theme,contact,key_partners,retired\r\n");

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
                "is 501 characters long", "write yes or no", "\\\"colour\\\" is not a column of the plans file, whose "
                        + "columns are reference, title, lead_officer, judging_officer, data_entry_officer, agency, "
                        + "partnership_group, priority, theme, contact, key_partners, retired\"");
        assertThat(plans.findByReference(prefix + "A")).as("nothing imported").isEmpty();
        assertThat(http.get(MANAGER, "/api/plans?network={code}", network).json()).isEmpty();
    }

    @Test
    @DisplayName("an officer who left once their plans were retired (their user deleted) stays on those plans through "
            + "an import of the export, which changes nothing; a plan still reporting, or a retired one newly naming "
            + "them, is refused naming them")
    void anOfficerWhoLeftAfterTheirPlansWereRetired() {
        String leaver = network.toLowerCase() + "-leaver";
        String clerk = network.toLowerCase() + "-clerk";
        identityService.saveUser(identityService.newUser(leaver));
        identityService.saveUser(identityService.newUser(clerk));
        Reply imported = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV, csv(PLANS_HEADER,
                prefix + "ENDED,A plan that has ended,lead," + leaver + ",,,,,,",
                prefix + "GOING,A plan still reporting,lead,judge," + clerk + ",,,,,"), network);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(http.post(MANAGER, "/api/plans/{reference}/retire", null, prefix + "ENDED").status())
                .isEqualTo(200);
        identityService.deleteUser(leaver);

        Reply export = http.get(MANAGER, "/api/networks/{code}/export/plans.csv", network);
        assertThat(new String(export.bytes(), StandardCharsets.UTF_8)).contains(leaver);
        Reply again = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV, export.bytes(), network);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("changedNothing").asBoolean()).isTrue();

        Reply naming = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV, csv(PLANS_HEADER,
                prefix + "ENDED,A plan that has ended," + leaver + "," + leaver + ",,,,,,",
                prefix + "GOING,A plan still reporting,lead," + leaver + "," + clerk + ",,,,,"), network);
        assertThat(naming.status()).as(naming.body()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        naming.json().get("errors").forEach(error -> problems.add(error.get("line").asInt() + ":"
                + error.path("column").asText("")));
        assertThat(problems).containsExactly("2:lead_officer", "3:judging_officer");
        assertThat(naming.json().get("problems").toString()).contains("there is no user \\\"" + leaver + "\\\"");
        assertThat(http.get(MANAGER, "/api/plans/{reference}", prefix + "ENDED").json().get("leadOfficer").asText())
                .as("nothing imported").isEqualTo("lead");

        // Gone from the users while a plan still reporting names them, as an officer LDAP no longer has: that plan
        // needs another officer before its next return.
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM ACT_ID_USER WHERE ID_ = ?", clerk));
        Reply stillReporting = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV, export.bytes(),
                network);
        assertThat(stillReporting.status()).as(stillReporting.body()).isEqualTo(400);
        assertThat(stillReporting.json().get("errors")).singleElement().satisfies(error -> assertThat(
                error.get("line").asInt() + ":" + error.get("column").asText()).isEqualTo("3:data_entry_officer"));
    }

    @Test
    @DisplayName("the plans file's retired column: yes retires a plan, no or nothing reinstates it, and a file "
            + "without the column leaves it as it is; any other word is refused by line and column")
    void theRetiredColumn() {
        String plan = prefix + "P,A plan,lead,judge,,,,,,";
        assertThat(importPlans(PLANS_HEADER + ",retired", plan + ",Yes").status()).isEqualTo(200);
        assertThat(isActive(prefix + "P")).as("created retired").isFalse();
        assertThat(importPlans(PLANS_HEADER, plan).json().get("changedNothing").asBoolean()).isTrue();
        assertThat(isActive(prefix + "P")).as("left retired by a file without the column").isFalse();
        assertThat(importPlans(PLANS_HEADER + ",retired", plan + ",").json().at("/plans/updated").asInt()).isOne();
        assertThat(isActive(prefix + "P")).as("reinstated").isTrue();
        assertThat(importPlans(PLANS_HEADER + ",retired", plan + ",yes").json().at("/plans/updated").asInt()).isOne();
        assertThat(importPlans(PLANS_HEADER + ",retired", plan + ",no").json().at("/plans/updated").asInt()).isOne();
        assertThat(isActive(prefix + "P")).as("reinstated").isTrue();

        Reply refused = importPlans(PLANS_HEADER + ",retired", plan + ",since March");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("problems").get(0).asText()).isEqualTo("plans, line 2, column \"retired\": "
                + "write yes for a plan that reports no more, or no (or nothing) for one that does, not \"since "
                + "March\"");
        assertThat(isActive(prefix + "P")).isTrue();
    }

    private Reply importPlans(String header, String... lines) {
        return http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV, csv(header, lines), network);
    }

    private boolean isActive(String reference) {
        return http.get(MANAGER, "/api/plans/{reference}", reference).json().get("active").asBoolean();
    }

    @Test
    @DisplayName("an action whose stored deadline date is not the one its words give (as the demo stores the seeds' "
            + "2009 deadlines, as words only) is updated by an import of the same row, and said to be")
    void aDeadlineDateSetByTheImportIsAChange() {
        byte[] plan = csv(PLANS_HEADER, prefix + "A,A plan,lead,judge,,,,,,");
        byte[] action = csv(ACTIONS_HEADER, prefix + "A,CS.1,Objective,Run the survey,,,Dec 2026,,on track");
        assertThat(http.upload(MANAGER, "/api/networks/{code}/import", Map.of("plans", plan, "actions", action),
                network).status()).isEqualTo(200);
        transaction.executeWithoutResult(status -> plans.findByReference(prefix + "A").orElseThrow()
                .action("CS.1").orElseThrow().setDeadline("Dec 2026", null));

        Reply again = http.upload(MANAGER, "/api/networks/{code}/import", Map.of("actions", action), network);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().at("/actions/updated").asInt()).isEqualTo(1);
        assertThat(again.json().get("changedNothing").asBoolean()).isFalse();
        LocalDate deadline = transaction.execute(status -> plans.findByReference(prefix + "A").orElseThrow()
                .action("CS.1").orElseThrow().getDeadline());
        assertThat(deadline).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(http.upload(MANAGER, "/api/networks/{code}/import", Map.of("actions", action), network).json()
                .get("changedNothing").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a file chosen for another's place (the actions file as the plans file) is one mistake saying so, "
            + "not one on every line")
    void aFileInAnothersPlace() {
        byte[] actions = csv(ACTIONS_HEADER, prefix + "A,CS.1,Objective,Run the survey,,,Dec 2026,,on track",
                prefix + "A,CS.2,Objective,Train the staff,,,,,not started");
        Reply refused = http.upload(MANAGER, "/api/networks/{code}/import", Map.of("plans", actions), network);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("problems")).extracting(JsonNode::asText).containsExactly("plans, line 1: "
                + "these are the columns of the actions file, not of the plans file: choose this file as the actions "
                + "file");
    }

    @Test
    @DisplayName("a part named as no file of the register (Actions, indicator-values) is refused, naming it and the "
            + "files' parts, and nothing is imported, not even the files named right")
    void aPartNamedAsNoFileIsRefused() {
        byte[] plan = csv(PLANS_HEADER, prefix + "A,A plan,lead,judge,,,,,,");
        byte[] action = csv(ACTIONS_HEADER, prefix + "A,CS.1,Objective,Run the survey,,,Dec 2026,,on track");
        byte[] values = csv(VALUES_HEADER, prefix + "A,NI 1,2025/26 Q4,76.2,");

        Reply refused = http.upload(MANAGER, "/api/networks/{code}/import", Map.of("plans", plan, "Actions", action,
                "indicator-values", values), network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.json().get("detail").asText()).matches("The parts \"(Actions|indicator-values)\" and "
                + "\"(Actions|indicator-values)\" are not a file of the register, and nothing was imported: the "
                + "files' parts are named plans, indicators, actions and indicator_values, as written here\\.")
                .contains("Actions", "indicator-values");
        assertThat(plans.findByReference(prefix + "A")).as("nothing imported").isEmpty();
    }

    @Test
    @DisplayName("a file's part sent as text, not as a file (curl's -F actions=<actions.csv), is refused with a 400 "
            + "saying how to send it, and nothing is imported")
    void aFilesPartSentAsTextIsRefused() {
        byte[] plan = csv(PLANS_HEADER, prefix + "A,A plan,lead,judge,,,,,,");
        String action = new String(csv(ACTIONS_HEADER, prefix + "A,CS.1,Objective,Run the survey,,,Dec 2026,,on track"),
                StandardCharsets.UTF_8);

        Reply refused = http.upload(MANAGER, "/api/networks/{code}/import", Map.of("plans", plan),
                Map.of("actions", action), network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).isEqualTo("The part \"actions\" is text, not a file, and "
                + "nothing was imported: send each file as a file (with curl, -F actions=@actions.csv, not =<).");
        assertThat(plans.findByReference(prefix + "A")).as("nothing imported").isEmpty();
    }

    @Test
    @DisplayName("a file sent as the body with a Content-Type the import does not take, or an upload without one, is "
            + "refused as the API's other refusals, saying the types it takes")
    void aContentTypeTheImportDoesNotTakeIsRefusedSayingWhichItTakes() throws Exception {
        byte[] plan = csv(PLANS_HEADER, prefix + "A,A plan,lead,judge,,,,,,");

        Reply html = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", MediaType.TEXT_HTML, plan, network);

        assertThat(html.status()).as(html.body()).isEqualTo(415);
        assertThat(html.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(html.json().get("detail").asText()).isEqualTo("The request's Content-Type is text/html, which this "
                + "does not take: send the body as one of text/csv, text/plain, application/octet-stream, "
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, as the API's description says "
                + "(/swagger-ui.html).");
        HttpResponse<String> untyped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/networks/" + network + "/import")).header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString((MANAGER + ":" + Http.DEMO_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(plan)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(untyped.statusCode()).as(untyped.body()).isEqualTo(415);
        assertThat(untyped.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(untyped.body()).contains("The request has no Content-Type, which this does not take: send the body "
                + "as multipart/form-data, as the API's description says (/swagger-ui.html).");
        assertThat(plans.findByReference(prefix + "A")).as("nothing imported").isEmpty();
    }

    @Test
    @DisplayName("an empty file, chosen, is said to be empty, not taken for no file")
    void anEmptyFile() {
        Reply refused = http.upload(MANAGER, "/api/networks/{code}/import", Map.of("plans", new byte[0]), network);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("problems")).extracting(JsonNode::asText)
                .containsExactly("plans, line 1: the file is empty");
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
    @DisplayName("a reference that differs from another only in its accents, which the database does not tell apart, "
            + "is refused by line and column, naming the spelling used, with nothing stored")
    void referencesThatDifferOnlyInAccentsAreRefused() {
        byte[] plansFile = csv(PLANS_HEADER, prefix + "A,A plan,lead,judge,,,,,,");
        assertThat(http.upload(MANAGER, "/api/networks/{code}/import", Map.of("plans", plansFile,
                "indicators", csv(INDICATORS_HEADER, prefix + "A,NI 1,People getting on,70,%,yes,2009/10,75")),
                network).status()).isEqualTo(200);

        Reply refused = http.upload(MANAGER, "/api/networks/{code}/import", Map.of(
                "plans", csv(PLANS_HEADER, prefix + "B,Another plan,lead,judge,,,,,,",
                        prefix + "\u00c1,Spelt with an accent,lead,judge,,,,,,"),
                "indicators", csv(INDICATORS_HEADER, prefix + "A,N\u00cd 1,The same code to the database,70,%,yes,,"),
                "actions", csv(ACTIONS_HEADER, prefix + "B,E.1,Objective,One action,,,,,",
                        prefix + "B,\u00c9.1,Objective,The same action to the database,,,,,")), network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("problems")).extracting(JsonNode::asText).containsExactly(
                "plans, line 3, column \"reference\": the plan " + prefix + "\u00c1 is " + prefix + "A to the "
                        + "register, which does not tell letters with and without accents apart: write " + prefix + "A",
                "indicators, line 2, column \"code\": the indicator N\u00cd 1 is NI 1 to the register, which does not "
                        + "tell letters with and without accents apart: write NI 1",
                "actions, line 3, column \"reference\": the action \u00c9.1 is E.1 to the register, which does not "
                        + "tell letters with and without accents apart: write E.1");
        assertThat(http.get(MANAGER, "/api/plans/{reference}", prefix + "B").status()).as("nothing stored")
                .isEqualTo(404);
    }

    @Test
    @DisplayName("a reference with an emoji, which the process engine cannot keep in the returns' names, is refused by "
            + "line and column")
    void aReferenceTheEngineCannotKeepIsRefused() {
        Reply refused = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV,
                csv(PLANS_HEADER, prefix + "VOICE\uD83D\uDE42,Youth voice,lead,judge,,,,,,"), network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().at("/problems/0").asText()).isEqualTo("plans, line 2, column \"reference\": '"
                + prefix + "VOICE\uD83D\uDE42' has a character the process engine cannot keep (an emoji, say): a "
                + "reference names its returns in the engine; use letters, digits and punctuation");
    }

    @Test
    void aFileWithoutSomeColumnsSaysWhichAndStillHasItsRowsChecked() {
        byte[] plansFile = csv("reference,title,lead_officer,judging_officer",
                prefix + "A,,lead,judge",
                prefix + "B,A plan,nobody-here,judge");

        Reply reply = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV, plansFile, network);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("problems")).hasSize(3);
        assertThat(reply.json().at("/problems/0").asText()).isEqualTo("plans, line 1: the columns "
                + "data_entry_officer, agency, partnership_group, priority, theme, contact are missing; the plans file "
                + "has the columns reference, title, lead_officer, judging_officer, data_entry_officer, agency, "
                + "partnership_group, priority, theme, contact, key_partners, retired (key_partners and retired may "
                + "be left out: the register then keeps what it holds); every other column must be there, if only "
                + "empty");
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
        assertThat(latin1.json().at("/errors/0/column").asText()).isEqualTo("title");
        assertThat(latin1.body()).contains("UTF-8");

        byte[] unterminated = csv("reference,title,lead_officer,judging_officer,data_entry_officer,agency,"
                + "partnership_group,priority,theme,contact", prefix + "Q,\"Never closed,lead,judge,,,,,,");
        Reply open = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV,
                unterminated, network);
        assertThat(open.status()).isEqualTo(400);
        assertThat(open.json().at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(open.json().at("/errors/0/column").asText()).isEqualTo("title");
        assertThat(open.json().at("/errors/0/message").asText()).contains("closing quote is missing");

        assertThat(http.postBytes(MANAGER, "/api/networks/{code}/import/budgets", CSV,
                unterminated, network).status()).isEqualTo(404);
    }

    // The layouts before V24's columns, which a file may still leave out.
    private static final String PLANS_HEADER = "reference,title,lead_officer,judging_officer,data_entry_officer,"
            + "agency,partnership_group,priority,theme,contact";
    private static final String INDICATORS_HEADER = "plan_reference,code,description,baseline,unit,higher_is_better,"
            + "target_year,target";
    private static final String ACTIONS_HEADER = "plan_reference,reference,objective,action,milestones,owner,"
            + "deadline,priority,status";

    @Test
    @DisplayName("A line with a cell too many is refused by its line and the counts, even when that cell is empty, "
            + "and nothing is imported")
    void aLineWithACellTooManyIsRefusedEvenWhenTheCellIsEmpty() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        byte[] actions = csv(ACTIONS_HEADER,
                prefix + "NI1,X.1,Objective,An action,,Owner,Oct 2009,High,on track",
                // A stray comma after the reference: read shifted, "Objective" would be the action.
                prefix + "NI1,X.2,,Objective,Another action,,Owner,Oct 2009,High,");

        Reply refused = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, actions, network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("line").asInt()).isEqualTo(3);
            assertThat(error.has("column")).isFalse();
            assertThat(error.get("message").asText()).startsWith("has 10 cells, the header has 9");
        });
        assertThat(http.get(MANAGER, "/api/plans/{reference}", prefix + "NI1").json().get("actions"))
                .as("nothing imported").hasSize(5);
    }

    @Test
    @DisplayName("An action's status the register cannot read is refused by line and column, saying what to write, "
            + "and nothing is imported")
    void anActionsStatusTheRegisterCannotReadIsRefused() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        byte[] unreadable = csv(ACTIONS_HEADER,
                prefix + "NI1,X.1,Objective,An action,,Owner,Oct 2009,High,Done",
                prefix + "NI1,X.2,Objective,Another action,,Owner,Oct 2009,High,Planned");

        Reply refused = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, unreadable, network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("problems")).extracting(JsonNode::asText).containsExactly(
                "actions, line 3, column \"status\": \"Planned\" is not a status the register knows: write one of "
                        + "\"not started\", \"on track\", \"behind\", \"completed\", \"update requested\", "
                        + "\"removed\" (\"Done\" is read as completed, \"Ongoing\" as on track, \"Delayed\" as behind, "
                        + "\"Withdrawn\" as removed); a remark beside it goes in milestones");
        assertThat(http.get(MANAGER, "/api/plans/{reference}", prefix + "NI1").json().get("actions"))
                .as("nothing imported").hasSize(5);

        byte[] readable = csv(ACTIONS_HEADER, prefix + "NI1,X.1,Objective,An action,,Owner,Oct 2009,High,Done");
        assertThat(http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, readable, network).status())
                .isEqualTo(200);
        Reply again = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, readable, network);
        assertThat(again.json().at("/actions/unchanged").asInt()).as("the same file again changes nothing")
                .isEqualTo(1);
    }

    @Test
    @DisplayName("An action's deadline written as a date that is none, or that no plan is due on, is refused by line "
            + "and column, saying what to write, and nothing is imported; words and months without a day are kept")
    void aDeadlineThatIsNoDateIsRefused() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        List<String> deadlines = List.of("Mar 2010", "31/02/2027", "2027-02-30", "11/18/09", "01/01/0001",
                "31/12/9999", "Ongoing", "");
        List<String> lines = new ArrayList<>();
        for (int action = 0; action < deadlines.size(); action++) {
            lines.add(prefix + "NI1,X." + action + ",Objective,An action,,Owner," + deadlines.get(action)
                    + ",High,on track");
        }

        Reply refused = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV,
                csv(ACTIONS_HEADER, lines.toArray(String[]::new)), network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        refused.json().get("problems").forEach(problem -> problems.add(problem.asText()));
        String expected = ": write a day from 1 January 2000 to ";
        assertThat(problems).hasSize(5).satisfiesExactly(
                problem -> assertThat(problem).startsWith("actions, line 3, column \"deadline\": \"31/02/2027\" is "
                        + "not a date (February 2027 has 28 days)" + expected).endsWith(", day before month as in "
                                + "18/11/2009, a month as in Mar 2010, or words without a date, such as Ongoing"),
                problem -> assertThat(problem).startsWith("actions, line 4, column \"deadline\": \"2027-02-30\" is "
                        + "not a date (February 2027 has 28 days)" + expected),
                problem -> assertThat(problem).isEqualTo("actions, line 5, column \"deadline\": \"11/18/09\" is not "
                        + "a date (there is no month 18): write the day before the month, 18/11/2009 for 18 November "
                        + "2009"),
                problem -> assertThat(problem).startsWith("actions, line 6, column \"deadline\": \"01/01/0001\" is 1 "
                        + "January 0001, before 2000" + expected),
                problem -> assertThat(problem).startsWith("actions, line 7, column \"deadline\": \"31/12/9999\" is 31 "
                        + "December 9999, more than 20 years ahead" + expected));
        assertThat(http.get(MANAGER, "/api/plans/{reference}", prefix + "NI1").json().get("actions"))
                .as("nothing imported").hasSize(5);

        byte[] right = csv(ACTIONS_HEADER, lines.get(0), lines.get(6), lines.get(7));
        Reply imported = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, right, network);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode actions = http.get(MANAGER, "/api/plans/{reference}", prefix + "NI1").json().get("actions");
        assertThat(actions).hasSize(8);
        assertThat(actions.findValuesAsText("deadline")).contains("Mar 2010", "Ongoing");
        assertThat(actions.findValuesAsText("deadlineDate")).contains("2010-03-31");
    }

    @Test
    @DisplayName("A row with text in a column the header does not name has its other mistakes listed too")
    void aRowWithTextInAnUnnamedColumnHasItsOtherMistakesListed() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        byte[] actions = csv(ACTIONS_HEADER + ",", prefix + "NI1,X.1,Objective,An action,,Owner,31/02/2027,High,"
                + "on track,Ask Priya");

        Reply refused = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, actions, network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        refused.json().get("problems").forEach(problem -> problems.add(problem.asText()));
        assertThat(problems).satisfiesExactlyInAnyOrder(
                problem -> assertThat(problem).isEqualTo("actions, line 2: column J has text, but the header gives "
                        + "the column no name: name it, or empty the cell"),
                problem -> assertThat(problem).startsWith("actions, line 2, column \"deadline\": \"31/02/2027\" is "
                        + "not a date"));
    }

    @Test
    @DisplayName("The paper forms' Resources, Risk and Key partners are imported and exported, and a file made without "
            + "those columns keeps what the register holds in them")
    void resourcesRiskAndKeyPartnersAreKeptByAFileWithoutThem() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        String plan = prefix + "NI1,Community Cohesion NI 1,lead,judge,,,,,,";
        String action = prefix + "NI1,CC.1.1,Objective,An action,,Owner,Oct 2009,High,on track";
        Reply imported = http.upload(MANAGER, "/api/networks/{code}/import", Map.of(
                "plans", csv(PLANS_HEADER + ",key_partners", plan + ",\"LAA partners, Nottinghamshire Police\""),
                "actions", csv(ACTIONS_HEADER + ",resources,risk",
                        action + ",Officer time RIEP money,LAA partners not agreeing to sign up to Strategy")),
                network);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Paper written = new Paper("LAA partners, Nottinghamshire Police", "Officer time RIEP money",
                "LAA partners not agreeing to sign up to Strategy");
        assertThat(paperOf("NI1", "CC.1.1")).isEqualTo(written);
        assertThat(new String(http.get(MANAGER, "/api/networks/{code}/export/actions.csv", network).bytes(),
                StandardCharsets.UTF_8)).startsWith("\uFEFF" + ACTIONS_HEADER + ",resources,risk\r\n")
                .contains(action + ",Officer time RIEP money,LAA partners not agreeing to sign up to Strategy\r\n");

        Reply older = http.upload(MANAGER, "/api/networks/{code}/import", Map.of(
                "plans", csv(PLANS_HEADER, plan), "actions", csv(ACTIONS_HEADER, action)), network);

        assertThat(older.status()).as(older.body()).isEqualTo(200);
        assertThat(older.json().get("changedNothing").asBoolean()).as(older.body()).isTrue();
        assertThat(paperOf("NI1", "CC.1.1")).isEqualTo(written);

        Reply emptied = http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV,
                csv(PLANS_HEADER + ",key_partners", plan + ","), network);
        assertThat(emptied.json().at("/plans/updated").asInt()).as(emptied.body()).isEqualTo(1);
        assertThat(paperOf("NI1", "CC.1.1")).as("an empty cell empties it")
                .isEqualTo(new Paper(null, written.resources(), written.risk()));
    }

    @Test
    @DisplayName("An action's resources longer than the register keeps are refused by line and column, and nothing "
            + "is imported")
    void resourcesTooLongAreRefused() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        byte[] actionsFile = csv(ACTIONS_HEADER + ",resources,risk",
                prefix + "NI1,CC.1.1,Objective,An action,,Owner,Oct 2009,High,on track,Officer time,A risk",
                prefix + "NI1,CC.1.2,Objective,An action,,Owner,Oct 2009,High,on track," + "£".repeat(501) + ",");

        Reply refused = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, actionsFile, network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("problems")).extracting(JsonNode::asText).singleElement().asString()
                .startsWith("actions, line 3, column \"resources\": ");
        assertThat(paperOf("NI1", "CC.1.1").risk()).as("nothing imported").isNull();
    }

    /** What the paper forms' Key partners, Resources and Risk columns hold for a plan and one of its actions. */
    record Paper(String keyPartners, String resources, String risk) {
    }

    private Paper paperOf(String seedPlan, String actionReference) {
        JsonNode plan = http.get(MANAGER, "/api/plans/{reference}", prefix + seedPlan).json();
        JsonNode action = StreamSupport.stream(plan.get("actions").spliterator(), false)
                .filter(candidate -> candidate.get("reference").asText().equals(actionReference)).findFirst()
                .orElseThrow();
        return new Paper(text(plan, "keyPartners"), text(action, "resources"), text(action, "risk"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    @Test
    @DisplayName("A status the register kept as written before statuses were read comes back in its export, and the "
            + "export imported again changes nothing; written on another action it is refused")
    void aStatusKeptAsWrittenBeforeComesBackInTheExport() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        // As V23 leaves a status it cannot read.
        transaction.executeWithoutResult(status -> plans.findByReference(prefix + "NI1").orElseThrow()
                .action("CC.1.1").orElseThrow().reportStatus("Planned"));
        byte[] exported = http.get(MANAGER, "/api/networks/{code}/export/actions.csv", network).bytes();

        Reply again = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, exported, network);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().at("/actions/updated").asInt()).isZero();
        Reply elsewhere = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, csv(ACTIONS_HEADER,
                prefix + "NI1,CC.1.2,Objective,An action,,Owner,Oct 2009,High,Planned"), network);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(400);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"2010", "2009-10", "2009/11", "2009/10 Q1", "2009/2010", "next year"})
    @DisplayName("A target year that is not a financial year is refused by line and column, from CSV and xlsx alike")
    void aTargetYearThatIsNotAYearIsRefused(String year) {
        byte[] plansFile = csv(PLANS_HEADER, prefix + "A,A plan,lead,judge,,,,,,");
        String indicator = prefix + "A,NI 1,People getting on,70,%,yes," + year + ",75";

        for (byte[] indicators : List.of(csv(INDICATORS_HEADER, indicator), xlsx(INDICATORS_HEADER, indicator))) {
            Reply refused = http.upload(MANAGER, "/api/networks/{code}/import",
                    Map.of("plans", plansFile, "indicators", indicators), network);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors")).singleElement().satisfies(error -> {
                assertThat(error.get("file").asText()).isEqualTo("indicators");
                assertThat(error.get("line").asInt()).isEqualTo(2);
                assertThat(error.get("column").asText()).isEqualTo("target_year");
                assertThat(error.get("message").asText()).isEqualTo("\"" + year + "\" is not a year: write the "
                        + "financial year, such as 2009/10 (April 2009 to March 2010)");
            });
        }
        assertThat(plans.findByReference(prefix + "A")).as("nothing imported").isEmpty();
    }

    @Test
    @DisplayName("A financial year Excel took for a month (2009/10 saved as Oct-09) is imported as the year typed")
    void aFinancialYearTakenForAMonthIsImportedAsTyped() {
        byte[] plansFile = csv(PLANS_HEADER, prefix + "A,A plan,lead,judge,,,,,,");
        byte[] indicators = csv(INDICATORS_HEADER, prefix + "A,NI 1,People getting on,70,%,yes,Sep-08,74.6",
                prefix + "A,NI 1,People getting on,70,%,yes,Oct-09,76");
        byte[] values = csv("plan_reference,code,period,value,note", prefix + "A,NI 1,Oct-09,75.2,");

        Reply imported = http.upload(MANAGER, "/api/networks/{code}/import",
                Map.of("plans", plansFile, "indicators", indicators, "indicator_values", values), network);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode indicator = http.get(MANAGER, "/api/plans/{reference}", prefix + "A").json().get("indicators").get(0);
        assertThat(indicator.get("targetsByYear").fieldNames()).toIterable().containsExactly("2008/09", "2009/10");
        assertThat(indicator.get("values").get(0).get("period").asText()).isEqualTo("2009/10");
    }

    @Test
    @DisplayName("An action's status is read as one of the register's, as action plans write them (Done is "
            + "completed), an empty one kept empty, from CSV and xlsx alike, and exported so")
    void anActionsStatusIsReadAsOneOfTheRegisters() throws IOException {
        assertThat(importSeeds().status()).isEqualTo(200);
        Reply fromCsv = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", CSV, csv(ACTIONS_HEADER,
                prefix + "NI1,X.1,Objective,An action,,Owner,Oct 2009,High,",
                prefix + "NI1,X.2,Objective,Another action,,Owner,Oct 2009,High,On Track",
                prefix + "NI1,X.3,Objective,A third action,,Owner,Oct 2009,High,Done",
                prefix + "NI1,X.4,Objective,A fourth action,,Owner,Oct 2009,High,NOT STARTED."), network);
        Reply fromXlsx = http.postBytes(MANAGER, "/api/networks/{code}/import/actions", XLSX, xlsx(ACTIONS_HEADER,
                prefix + "NI1,X.5,Objective,A fifth action,,Owner,Oct 2009,High,",
                prefix + "NI1,X.6,Objective,A sixth action,,Owner,Oct 2009,High,In-progress"), network);

        assertThat(fromCsv.status()).as(fromCsv.body()).isEqualTo(200);
        assertThat(fromXlsx.status()).as(fromXlsx.body()).isEqualTo(200);
        Map<String, String> statuses = new LinkedHashMap<>();
        http.get(MANAGER, "/api/plans/{reference}", prefix + "NI1").json().get("actions").forEach(action ->
                statuses.put(action.get("reference").asText(), action.path("status").asText(null)));
        assertThat(statuses).containsEntry("X.1", null).containsEntry("X.2", "on track")
                .containsEntry("X.3", "completed").containsEntry("X.4", "not started").containsEntry("X.5", null)
                .containsEntry("X.6", "on track");
        assertThat(http.get(MANAGER, "/api/networks/{code}/export/actions.csv", network).body())
                .contains("\r\n" + prefix + "NI1,X.1,Objective,An action,,Owner,Oct 2009,High,,,\r\n")
                .contains("\r\n" + prefix + "NI1,X.2,Objective,Another action,,Owner,Oct 2009,High,on track,,\r\n");
    }

    @Test
    @DisplayName("higher_is_better is read as yes or no in any letter case and exported as yes or no; any other "
            + "answer is refused")
    void higherIsBetterIsYesOrNo() {
        byte[] plansFile = csv(PLANS_HEADER, prefix + "A,A plan,lead,judge,,,,,,");
        Reply imported = http.upload(MANAGER, "/api/networks/{code}/import", Map.of("plans", plansFile,
                "indicators", csv(INDICATORS_HEADER,
                        prefix + "A,NI 1,People getting on,70,%,yes,2009/10,75",
                        prefix + "A,NI 2,Repeat victims,18,%,No,2009/10,16")), network);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Reply export = http.get(MANAGER, "/api/networks/{code}/export/indicators.csv", network);
        assertThat(export.body()).isEqualTo("\uFEFF" + INDICATORS_HEADER + "\r\n"
                + prefix + "A,NI 1,People getting on,70,%,yes,2009/10,75\r\n"
                + prefix + "A,NI 2,Repeat victims,18,%,no,2009/10,16\r\n");
        Reply again = http.postBytes(MANAGER, "/api/networks/{code}/import/indicators", CSV, export.bytes(), network);
        assertThat(again.json().get("changedNothing").asBoolean()).as(again.body()).isTrue();

        Reply refused = http.postBytes(MANAGER, "/api/networks/{code}/import/indicators", CSV, csv(INDICATORS_HEADER,
                prefix + "A,NI 1,People getting on,70,%,true,2009/10,75",
                prefix + "A,NI 2,Repeat victims,18,%,0,2009/10,16"), network);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("problems")).extracting(JsonNode::asText).containsExactly(
                "indicators, line 2, column \"higher_is_better\": write yes or no, not \"true\"",
                "indicators, line 3, column \"higher_is_better\": write yes or no, not \"0\"");

        Reply oneWrong = http.postBytes(MANAGER, "/api/networks/{code}/import/indicators", CSV, csv(
                INDICATORS_HEADER, prefix + "A,NI 1,People getting on,70,%,true,2009/10,75",
                prefix + "A,NI 1,People getting on,70,%,yes,2010/11,76"), network);
        assertThat(oneWrong.json().get("problems")).extracting(JsonNode::asText)
                .as("the line after it, right, is not said to differ from it").containsExactly(
                        "indicators, line 2, column \"higher_is_better\": write yes or no, not \"true\"");
    }

    @Test
    @DisplayName("A file over the upload limit is refused with 413 and a problem detail saying the limit, sent as a "
            + "part or as the body; a file at the limit is read")
    void aFileOverTheUploadLimitIsRefusedWithAProblemDetailSayingTheLimit() {
        int limit = 20 * 1024 * 1024;
        byte[] atLimit = new byte[limit];
        Arrays.fill(atLimit, (byte) '\n');
        // Read, and refused at once for its first byte.
        atLimit[0] = (byte) 0xFF;
        byte[] overLimit = new byte[limit + 1024 * 1024];
        Arrays.fill(overLimit, (byte) '\n');
        String boundary = "import-boundary";
        MediaType multipart = MediaType.parseMediaType("multipart/form-data; boundary=" + boundary);
        String importPath = "/api/networks/" + network + "/import";

        // Tomcat stops reading an upload over the limit and closes the connection after the answer: read as curl and
        // browsers read it, not waiting for the whole body to be sent.
        List<Reply> refusals = List.of(
                http.postAnsweredEarly(MANAGER, importPath, multipart, multipart(boundary, "plans", overLimit)),
                http.postAnsweredEarly(MANAGER, importPath + "/plans", CSV, overLimit));

        for (Reply tooLarge : refusals) {
            assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
            assertThat(tooLarge.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(tooLarge.json().get("detail").asText()).isEqualTo("The upload is too large: a file may be at "
                    + "most 20 MB, and all the files sent at once at most 60 MB. Split the file, or leave out what "
                    + "is not needed.");
        }
        for (Reply read : List.of(http.upload(MANAGER, "/api/networks/{code}/import", Map.of("plans", atLimit),
                network), http.postBytes(MANAGER, "/api/networks/{code}/import/plans", CSV, atLimit, network))) {
            assertThat(read.status()).as(read.body()).isEqualTo(400);
            assertThat(read.json().at("/errors/0/message").asText()).startsWith("in column A, the text is not UTF-8");
        }
    }

    private static final String VALUES_HEADER = "plan_reference,code,period,value,note";

    @Test
    @DisplayName("Past values import with the plans and indicators they belong to, as the importing manager's, and "
            + "importing them again changes nothing")
    void pastValuesImportWithTheRegisterAndImportingThemAgainChangesNothing() throws IOException {
        byte[] valuesFile = csv(VALUES_HEADER,
                prefix + "NI1,NI 1,2025/26 Q4,76.20,\"Tracker survey, \"\"Q4\"\" wave: <b>1,180</b> respondents\"",
                prefix + "ni1,ni 1, 2026/27 Q1 ,75.7%,",
                prefix + "NI1,NI 1,2025/26,76.4,Place Survey",
                prefix + "HATE,LI HC1,2026/27 Q1,\"1,207\",");

        Reply first = importSeedsWith(valuesFile);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().at("/indicatorValues/created").asInt()).isEqualTo(4);
        List<IndicatorValue> ni1 = seriesOf("NI1");
        assertThat(ni1).extracting(IndicatorValue::getIndicatorCode).as("the indicator's own code")
                .containsOnly("NI 1");
        assertThat(ni1).extracting(value -> value.getPeriod().toString())
                .containsExactly("2025/26 Q4", "2025/26", "2026/27 Q1");
        assertThat(ni1).extracting(IndicatorValue::getValue).containsExactly("76.2", "76.4", "75.7");
        assertThat(ni1.get(0).getNote()).isEqualTo("Tracker survey, \"Q4\" wave: <b>1,180</b> respondents");
        assertThat(ni1).allSatisfy(value -> {
            assertThat(value.getReturnId()).as("no return reported it").isNull();
            assertThat(value.getRecordedBy()).isEqualTo(MANAGER);
        });
        assertThat(seriesOf("HATE")).extracting(IndicatorValue::getValue).containsExactly("1207");

        Reply again = importSeedsWith(valuesFile);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().at("/indicatorValues/unchanged").asInt()).isEqualTo(4);
        assertThat(again.json().get("changedNothing").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("A value for a period its indicator has a value for replaces it; an indicator measured in words "
            + "takes text, even one new in the same import")
    void aValueForAPeriodReplacesItsValueAndAnIndicatorInWordsTakesText() throws IOException {
        assertThat(importSeedsWith(csv(VALUES_HEADER, prefix + "NI1,NI 1,2026/27 Q1,75.7,")).status())
                .isEqualTo(200);

        Reply corrected = http.postBytes(MANAGER, "/api/networks/{code}/import/indicator_values", CSV,
                csv(VALUES_HEADER, prefix + "NI1,NI 1,2026/27 Q1,75.9,Reweighted by age and district"), network);

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().at("/indicatorValues/updated").asInt()).isEqualTo(1);
        assertThat(seriesOf("NI1")).singleElement().satisfies(value -> {
            assertThat(value.getValue()).isEqualTo("75.9");
            assertThat(value.getNote()).isEqualTo("Reweighted by age and district");
        });
        List<String> replaced = transaction.execute(status -> seriesOf("NI1").get(0).getReplaced().stream()
                .map(replacedValue -> replacedValue.getRecorded().getValue()).toList());
        assertThat(replaced).as("the plan's history keeps the value replaced")
                .containsExactly("75.7");

        Reply inWords = http.upload(MANAGER, "/api/networks/{code}/import", Map.of(
                "indicators", csv("plan_reference,code,description,baseline,unit,higher_is_better,target_year,target",
                        prefix + "NI1,CS 1,Cohesion strategy adopted by every district,Not started,,yes,,"),
                "indicator_values", csv(VALUES_HEADER, prefix + "NI1,CS 1,2026/27 Q2,Consultation draft agreed,")),
                network);

        assertThat(inWords.status()).as(inWords.body()).isEqualTo(200);
        assertThat(seriesOf("NI1")).filteredOn(value -> value.getIndicatorCode().equals("CS 1")).singleElement()
                .satisfies(value -> {
                    assertThat(value.getNumber()).isNull();
                    assertThat(value.getText()).isEqualTo("Consultation draft agreed");
                });
    }

    @Test
    @DisplayName("An export of the values imported again changes nothing, as CSV and as xlsx, and exports the same "
            + "bytes")
    void anExportOfTheValuesImportedAgainChangesNothing() throws IOException {
        assertThat(importSeedsWith(csv(VALUES_HEADER,
                prefix + "NI1,NI 1,2026/27 Q1,75.70%,\"Lower in Ashfield,\nhigher elsewhere\"",
                prefix + "NI1,NI 1,2025/26,76.4,",
                prefix + "HATE,LI HC1,2026/27 Q1,\"1,207\",",
                prefix + "PREVENT,NI 35,2026/27 Q2,4,+1 on the self-assessment")).status()).isEqualTo(200);
        List<Instant> recorded = seriesOf("NI1").stream().map(IndicatorValue::getRecordedAt).toList();

        Reply export = http.get(MANAGER, "/api/networks/{code}/export/indicator_values.csv", network);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType().toString()).startsWith("text/csv");
        assertThat(export.body()).isEqualTo("\uFEFF" + VALUES_HEADER + "\r\n"
                + prefix + "HATE,LI HC1,2026/27 Q1,1207,\r\n"
                + prefix + "NI1,NI 1,2025/26,76.4,\r\n"
                + prefix + "NI1,NI 1,2026/27 Q1,75.7,\"Lower in Ashfield,\nhigher elsewhere\"\r\n"
                // A spreadsheet would run the note as a formula: it is marked as text, and read back without the mark.
                + prefix + "PREVENT,NI 35,2026/27 Q2,4,'+1 on the self-assessment\r\n");

        Reply reimport = http.postBytes(MANAGER, "/api/networks/{code}/import/indicator_values", CSV,
                export.bytes(), network);
        assertThat(reimport.status()).as(reimport.body()).isEqualTo(200);
        assertThat(reimport.json().at("/indicatorValues/unchanged").asInt()).isEqualTo(4);
        assertThat(reimport.json().get("changedNothing").asBoolean()).isTrue();
        assertThat(seriesOf("NI1")).extracting(IndicatorValue::getRecordedAt).isEqualTo(recorded);
        assertThat(http.get(MANAGER, "/api/networks/{code}/export/indicator_values.csv", network).bytes())
                .isEqualTo(export.bytes());

        Reply xlsx = http.get(MANAGER, "/api/networks/{code}/export/indicator_values.xlsx", network);
        assertThat(xlsx.status()).isEqualTo(200);
        Reply fromXlsx = http.postBytes(MANAGER, "/api/networks/{code}/import/indicator_values", XLSX, xlsx.bytes(),
                network);
        assertThat(fromXlsx.status()).as(fromXlsx.body()).isEqualTo(200);
        assertThat(fromXlsx.json().get("changedNothing").asBoolean()).isTrue();
    }

    static Stream<Arguments> badValues() {
        ReportingPeriod current = ReportingPeriod.quarterOf(LocalDate.now(ZoneId.of("Europe/London")));
        ReportingPeriod nextQuarter = current.quarter() == 4 ? new ReportingPeriod(current.startYear() + 1, 1)
                : new ReportingPeriod(current.startYear(), current.quarter() + 1);
        ReportingPeriod nextYear = new ReportingPeriod(current.startYear() + 1, null);
        return Stream.of(
                Arguments.of("a plan that is not in the network", "NO-SUCH-PLAN,NI 1,2026/27 Q2,75.4,",
                        "plan_reference", "there is no plan NO-SUCH-PLAN"),
                Arguments.of("an indicator of another plan", "P-NI1,NI 110,2026/27 Q2,66,", "code",
                        "has no indicator NI 110"),
                Arguments.of("no code", "P-NI1,,2026/27 Q2,75.4,", "code", "is empty"),
                Arguments.of("a period written another way", "P-NI1,NI 1,Q2 2026,75.4,", "period",
                        "\"Q2 2026\" is not a period"),
                Arguments.of("a month", "P-NI1,NI 1,September 2026,75.4,", "period", "\"September 2026\" is not a "
                        + "period: write the quarter of the financial year it falls in, 2026/27 Q2 (July to September "
                        + "2026)"),
                Arguments.of("a financial year of two years", "P-NI1,NI 1,2026/28 Q2,75.4,", "period",
                        "is not a period"),
                Arguments.of("a fifth quarter", "P-NI1,NI 1,2026/27 Q5,75.4,", "period", "is not a period"),
                Arguments.of("a quarter that has not begun", "P-NI1,NI 1," + nextQuarter + ",75.4,", "period",
                        nextQuarter + " has not begun yet: the latest quarter is " + current),
                Arguments.of("a year that has not begun", "P-NI1,NI 1," + nextYear + ",75.4,", "period",
                        nextYear + " has not begun yet"),
                Arguments.of("a value in words for a numeric indicator", "P-NI1,NI 1,2026/27 Q2,about 75,", "value",
                        "\"about 75\" is not a number"),
                Arguments.of("a percentage for an indicator measured in reports", "P-HATE,LI HC1,2026/27 Q2,12 %,",
                        "value", "\"12 %\" is a percentage, and LI HC1 is measured in reports: write it as 12"),
                Arguments.of("a number in markup", "P-NI1,NI 1,2026/27 Q2,<b>75.4</b>,", "value", "is not a number"),
                Arguments.of("no value", "P-NI1,NI 1,2026/27 Q2,,No survey this quarter", "value", "is empty"),
                Arguments.of("more decimal places than are kept", "P-NI1,NI 1,2026/27 Q2,75.1234567,", "value",
                        "at most 14 before the decimal point and 6 after it"),
                Arguments.of("a number too large to keep", "P-NI1,NI 1,2026/27 Q2,123456789012345,", "value",
                        "at most 14 before the decimal point"),
                Arguments.of("a note too long", "P-NI1,NI 1,2026/27 Q2,75.4," + "n".repeat(2_001), "note",
                        "is 2001 characters long; at most 2000 are kept"),
                Arguments.of("the same plan, indicator and period twice", "p-ni1,ni 1, 2026/27 Q1 ,76,", "period",
                        "is already on line 2"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("badValues")
    @DisplayName("A values file with one mistake is refused with its line and column, and nothing is stored")
    void aValuesFileWithOneMistakeIsRefusedAndNothingIsStored(String mistake, String line, String column,
            String message) throws IOException {
        assertThat(importSeedsWith(csv(VALUES_HEADER, prefix + "NI1,NI 1,2026/27 Q1,75.7,")).status())
                .isEqualTo(200);
        byte[] file = csv(VALUES_HEADER, prefix + "NI1,NI 1,2026/27 Q1,80.1,A good line that would change it",
                line.replace("P-", prefix).replace("p-", prefix.toLowerCase()));

        Reply refused = http.postBytes(MANAGER, "/api/networks/{code}/import/indicator_values", CSV, file, network);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("file").asText()).isEqualTo("indicator_values");
            assertThat(error.get("line").asInt()).isEqualTo(3);
            assertThat(error.get("column").asText()).isEqualTo(column);
            assertThat(error.get("message").asText()).contains(message);
        });
        assertThat(seriesOf("NI1")).as("nothing stored, nothing changed").singleElement()
                .satisfies(value -> assertThat(value.getValue()).isEqualTo("75.7"));
    }

    private List<IndicatorValue> seriesOf(String seedPlan) {
        return transaction.execute(status -> values.seriesOf(plans.findByReference(prefix + seedPlan)
                .orElseThrow()));
    }

    private Reply importSeedsWith(byte[] valuesFile) throws IOException {
        return http.upload(MANAGER, "/api/networks/{code}/import", Map.of(
                "plans", seed("seed-plans.csv"),
                "indicators", seed("seed-indicators.csv"),
                "actions", seed("seed-actions.csv"),
                "indicator_values", valuesFile), network);
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

    /** One file as the part of a multipart/form-data body, as a browser sends it. */
    private static byte[] multipart(String boundary, String part, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + part + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** The same lines as a workbook's text cells; a line's cells are split at its commas. */
    private static byte[] xlsx(String header, String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "RegisterImportTest", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            List<String> rows = Stream.concat(Stream.of(header), Stream.of(lines)).toList();
            for (int row = 0; row < rows.size(); row++) {
                String[] cells = rows.get(row).split(",", -1);
                for (int column = 0; column < cells.length; column++) {
                    sheet.value(row, column, cells[column]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
