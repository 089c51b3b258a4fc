package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.NetworkSettings;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.Users;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The register's pages apply the API's rules: sign-in first, each officer their plans, each manager their network. */
@ApplicationTest
@DisplayName("Register pages")
class RegisterPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    DeliveryPlanRepository plans;

    @Test
    void pagesAskForSignInAndTheHomePageDoesNot() {
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        Page plans = anonymous.get("/plans");
        assertThat(plans.status()).isEqualTo(302);
        assertThat(plans.location()).endsWith("/login");

        users.withForgottenPassword();
        WebSession wrong = new WebSession(port);
        Page form = wrong.get("/login");
        Page refused = wrong.postForm("/login", Map.of("username", Users.WITH_FORGOTTEN_PASSWORD,
                "password", "not-it", "_csrf", WebSession.csrfTokenIn(form.body())));
        assertThat(refused.location()).endsWith("/login?error");
        assertThat(wrong.get("/login?error").body()).as("the user id box, which takes the focus, is described by the "
                + "refusal").contains("id=\"sign-in-refused\">Unknown user or wrong password.</p>")
                .containsPattern("<input [^>]*id=\"username\"[^>]* autofocus aria-describedby=\"sign-in-refused\">");
        assertThat(wrong.get("/login?signedOut").body()).containsPattern("id=\"username\"[^>]* aria-describedby="
                + "\"signed-out\">");
        assertThat(wrong.get("/login").body()).as("nothing said, nothing described").doesNotContain("aria-describedby");
    }

    @Test
    void anOfficerSeesTheirPlansOnlyAndNoForms() {
        WebSession lead = signedInToPages(port, "lead");
        String plans = lead.get("/plans").body();
        assertThat(plans).contains("CC-NI1", "CC-SCHOOLS").doesNotContain("CC-HATE", "HW-SMOKE");

        Page ni1 = lead.get("/plans/CC-NI1");
        assertThat(ni1.status()).isEqualTo(200);
        assertThat(ni1.body()).contains("Community Cohesion NI 1").doesNotContain("Retire this plan");
        assertThat(lead.get("/plans/CC-HATE").status()).isEqualTo(403);
        assertThat(lead.get("/plans/HW-SMOKE").status()).isEqualTo(404);
        assertThat(lead.get("/networks/HWB").status()).isEqualTo(404);
        assertThat(lead.get("/networks/SCN").body()).doesNotContain("Import from spreadsheets");
        assertThat(lead.get("/networks/SCN/export/plans.csv").status()).isEqualTo(403);
        Page refused = lead.postForm("/plans/CC-NI1/retire", Map.of("_csrf", WebSession.csrfTokenIn(ni1.body())));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void peopleAreShownByTheirNamesTheSignedInUserToo() {
        WebSession lead = signedInToPages(port, "lead");

        assertThat(lead.get("/plans").body()).as("the plans list")
                .contains("<td>Gareth Penhallow</td>", "<td>Eleanor Brackwater</td>", "<td>Priya Oakenshaw</td>")
                .doesNotContain("<td>lead</td>", "<td>judge</td>", "<td>clerk</td>");
        String plan = lead.get("/plans/CC-NI1").body();
        assertThat(plan).as("the plan, with each officer's user id for the spreadsheets")
                .contains("<span>Gareth Penhallow</span> <span class=\"muted\">(lead)</span>",
                        "<span>Eleanor Brackwater</span> <span class=\"muted\">(judge)</span>",
                        "<span>Priya Oakenshaw</span> <span class=\"muted\">(clerk)</span>");
        assertThat(plan).as("the header").containsPattern("class=\"who\">\\s*<span>Gareth Penhallow</span>");
    }

    @Test
    void aManagerGetsTheImportFormAndExportsTheirNetworkOnly() {
        WebSession manager = signedInToPages(port, "manager");
        Page network = manager.get("/networks/SCN");
        assertThat(network.body()).contains("Import from spreadsheets", "plans you may read",
                "For an action's status, <span>write one of &quot;not started&quot;, &quot;on track&quot;");
        assertThat(manager.get("/networks/HWB").status()).isEqualTo(404);
        Page export = manager.get("/networks/SCN/export/plans.csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("CC-NI1");

        Page withoutToken = manager.postForm("/plans/CC-NI1/retire", Map.of());
        assertThat(withoutToken.status()).as("no CSRF token, no change").isEqualTo(403);
        assertThat(manager.get("/plans/CC-NI1").body()).contains("Retire this plan");
    }

    @Test
    @DisplayName("A plan's Retire says what retiring does and asks for its box ticked, in the browser and on the "
            + "server: sent without it, the plan stays active and its page says why; ticked, the plan is retired and "
            + "its page says that later cycles ask it for no return and that one open goes on")
    void retiringSaysWhatItDoesAndAsksForConfirmation() {
        String reference = testNetworks.create(1).plan().getReference();
        WebSession manager = signedInToPages(port, "manager");
        Page plan = manager.get("/plans/" + reference);
        assertThat(plan.body()).containsPattern("<input type=\"checkbox\" id=\"retire-confirmed\" name=\"confirmed\""
                + " value=\"true\" required").containsPattern("Retire this plan: later cycles will ask it for no "
                        + "return. A return already\\s+open goes on until it is done or its cycle closes");

        Page refused = manager.postForm("/plans/" + reference + "/retire",
                Map.of("_csrf", WebSession.csrfTokenIn(plan.body())));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/plans/" + reference + "#retire-problem");
        assertThat(plans.findByReference(reference).orElseThrow().isActive()).as("not retired").isTrue();
        assertThat(manager.get("/plans/" + reference).body())
                .contains("Tick the box to confirm that the plan is to be retired.", "Retire this plan");

        Page retired = manager.postForm("/plans/" + reference + "/retire",
                Map.of("_csrf", WebSession.csrfTokenIn(plan.body()), "confirmed", "true"));
        assertThat(retired.status()).isEqualTo(302);
        assertThat(plans.findByReference(reference).orElseThrow().isActive()).isFalse();
        assertThat(manager.get("/plans/" + reference).body()).contains("Reinstate this plan")
                .containsPattern("later cycles ask this plan for no return. A return already\\s+open goes on until it "
                        + "is done or its cycle closes");
    }

    @Test
    @DisplayName("Every page names the application's icon, answered to anyone, signed in or not, and as /favicon.ico "
            + "too, which browsers ask for unbidden")
    void theIconIsAnsweredToAnyone() {
        WebSession visitor = new WebSession(port);

        assertThat(visitor.get("/login").body())
                .contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
        assertThat(signedInToPages(port, "lead").get("/plans").body())
                .contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
        Page svg = visitor.get("/favicon.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(visitor.bytes("/favicon.ico")).as("an icon file's header").startsWith(0, 0, 1, 0);
    }

    @Test
    @DisplayName("A plan's page shows its key partners, and its actions' resources and risk where the register holds "
            + "them")
    void aPlansPageShowsResourcesAndRiskWhereTheRegisterHoldsThem() {
        WebSession manager = signedInToPages(port, "manager");

        String leadership = manager.get("/plans/CC-LEAD").body();
        assertThat(leadership).contains("<th scope=\"row\">Key partners</th>", "<th scope=\"col\">Risk</th>",
                "LAA partners not agreeing to sign up to Strategy").doesNotContain("<th scope=\"col\">Resources</th>");
        assertThat(manager.get("/plans/CC-VOICE").body()).contains("<th scope=\"col\">Resources</th>",
                "<pre class=\"text\">Officer time</pre>").doesNotContain("<th scope=\"col\">Risk</th>");
        assertThat(manager.get("/plans/CC-NI1").body()).as("a plan whose register holds none of them")
                .doesNotContain("Key partners", "<th scope=\"col\">Resources</th>", "<th scope=\"col\">Risk</th>");
        assertThat(manager.get("/networks/SCN").body()).as("the import form")
                .contains("status, resources, risk (resources and risk may be left out: the register then keeps "
                        + "what it holds)");
    }

    @Test
    @DisplayName("A plan's page names each indicator's unit beside its baseline and targets, which the register "
            + "holds without it")
    void aPlansPageNamesEachIndicatorsUnit() {
        String hate = signedInToPages(port, "manager").get("/plans/CC-HATE").body();

        assertThat(hate).contains("<th scope=\"col\">Unit</th>", "<td>reports</td>", "<td>212</td>");
    }

    @Test
    @DisplayName("The network page's list of its plans is headed with the network's name and leads back to it and to "
            + "every plan; another network's list is not found")
    void aNetworksListOfPlansSaysWhoseItIs() {
        WebSession demo = signedInToPages(port, "demo");

        assertThat(demo.get("/plans?network=HWB").body())
                .contains("<h1>Delivery plans of Health and Wellbeing Network</h1>", "href=\"/networks/HWB\"",
                        "href=\"/plans\">Every plan you may read</a>", "HW-SMOKE")
                .doesNotContain("CC-NI1");
        assertThat(demo.get("/plans").body()).contains("<h1>Delivery plans</h1>", "CC-NI1", "HW-SMOKE");
        assertThat(signedInToPages(port, "manager").get("/plans?network=HWB").status()).isEqualTo(404);
    }

    @Test
    void aManagerImportsThroughTheNetworkPageAndSeesEveryMistake() {
        WebSession manager = signedInToPages(port, "manager2");
        String token = WebSession.csrfTokenIn(manager.get("/networks/HWB").body());
        byte[] badActions = ("plan_reference,reference,objective,action,milestones,owner,deadline,priority,status\n"
                + "HW-SMOKE,HW.1.9,Objective,,,,Oct 2009,,\n"
                + "NO-SUCH-PLAN,HW.9.1,Objective,An action,,,,,\n").getBytes(StandardCharsets.UTF_8);

        Page refused = manager.postMultipart("/networks/HWB", "/networks/HWB/import",
                Map.of("_csrf", token), Map.of("actions", badActions));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).as("the page opens on the mistakes").endsWith("/networks/HWB#import-problems");
        String page = manager.follow(refused).body();
        assertThat(page).as("the mistakes take the focus").contains("id=\"import-problems\" tabindex=\"-1\"");
        assertThat(page).contains("2 mistakes found: nothing was imported",
                "actions, line 2, column &quot;action&quot;", "actions, line 3, column &quot;plan_reference&quot;");

        byte[] goodAction = ("plan_reference,reference,objective,action,milestones,owner,deadline,priority,status\n"
                + "HW-SMOKE,HW.1.9,Objective,Run a <b>quit</b> week,,,Oct 2009,,\n").getBytes(StandardCharsets.UTF_8);
        Page imported = manager.postMultipart("/networks/HWB", "/networks/HWB/import",
                Map.of("_csrf", token), Map.of("actions", goodAction));
        assertThat(imported.location()).as("the page opens on what was imported, which takes the focus")
                .endsWith("/networks/HWB#done");
        assertThat(manager.follow(imported).body())
                .contains("Imported.");
        assertThat(manager.get("/plans/HW-SMOKE").body()).as("markup shown as text")
                .contains("Run a &lt;b&gt;quit&lt;/b&gt; week").doesNotContain("<b>quit</b>");

        Page misnamed = manager.postMultipart("/networks/HWB", "/networks/HWB/import",
                Map.of("_csrf", token), Map.of("Actions", goodAction));
        assertThat(manager.follow(misnamed).body()).as("a part "
                + "only a request made by hand can name").contains("The part &quot;Actions&quot; is not a file of the "
                        + "register, and nothing was imported");
    }

    @Test
    @DisplayName("A manager downloads the indicator values from the network page and imports them there again, "
            + "changing nothing")
    void aManagerDownloadsAndImportsIndicatorValuesOnTheNetworkPage() {
        WebSession manager = signedInToPages(port, "manager2");
        String network = manager.get("/networks/HWB").body();
        assertThat(network).contains("Indicator values file", "plan_reference, code, period, value, note",
                "/networks/HWB/export/indicator_values.xlsx");
        byte[] values = manager.bytes("/networks/HWB/export/indicator_values.csv");
        assertThat(new String(values, StandardCharsets.UTF_8)).contains("HW-SMOKE,NI 123,2026/27 Q2,");

        Page imported = manager.postMultipart("/networks/HWB", "/networks/HWB/import",
                Map.of("_csrf", WebSession.csrfTokenIn(network)), Map.of("indicator_values", values));

        assertThat(imported.status()).isEqualTo(302);
        assertThat(manager.follow(imported).body())
                .contains("Nothing changed: the files hold what the register holds.")
                .containsPattern("Indicator values: <span>0</span> new, <span>0</span> "
                        + "changed,\\s*<span>\\d+</span> unchanged");
    }

    @Test
    @DisplayName("A file over the upload limit sent with the network page's form is refused saying the limits, not "
            + "for its CSRF token, lost with the upload")
    void aFileOverTheUploadLimitOnTheNetworkPageIsRefusedSayingTheLimits() {
        WebSession manager = signedInToPages(port, "manager2");
        String network = manager.get("/networks/HWB").body();
        Matcher form = Pattern.compile("enctype=\"multipart/form-data\"\\s+action=\"([^\"]+)\"").matcher(network);
        assertThat(form.find()).as("the import form").isTrue();
        byte[] tooLarge = new byte[21 * 1024 * 1024];
        Arrays.fill(tooLarge, (byte) 'x');

        Page refused = manager.postMultipart("/networks/HWB", form.group(1).replace("&amp;", "&"),
                Map.of("_csrf", WebSession.csrfTokenIn(network)), Map.of("plans", tooLarge));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("The file is too large", "a file may be at most 20 MB",
                "<a href=\"/networks/HWB\">Back to the page you were on</a>");
    }

    @Test
    @DisplayName("The home page leads a manager to their networks' dashboards and packs, and no one else's; signed "
            + "out or an officer, it lists none")
    void theHomePageLeadsAManagerToTheirNetworks() {
        assertThat(signedInToPages(port, "manager2").get("/").body()).contains("The networks you manage",
                "/networks/HWB/dashboard", "/networks/HWB/packs").doesNotContain("/networks/SCN");
        assertThat(signedInToPages(port, "lead").get("/").body()).doesNotContain("The networks you manage");
        assertThat(new WebSession(port).get("/").body()).contains("Sign in")
                .doesNotContain("The networks you manage");
    }

    @Test
    @DisplayName("A manager adds and removes a meeting on the network page; a mistyped year is refused there, saying "
            + "which dates a meeting may have")
    void aManagerSchedulesMeetingsOnTheNetworkPage() {
        WebSession manager = signedInToPages(port, "manager2");
        String token = WebSession.csrfTokenIn(manager.get("/networks/HWB").body());

        Page added = manager.postForm("/networks/HWB/meetings", Map.of("_csrf", token, "date", "2031-02-12"));
        assertThat(added.location()).endsWith("/networks/HWB#meetings");
        assertThat(manager.follow(added).body())
                .contains("12 February 2031")
                .as("its Remove button named with the day as the row shows it, not 2031-02-12")
                .contains("aria-label=\"Remove the meeting of Wednesday 12 February 2031\"");
        Page mistyped = manager.postForm("/networks/HWB/meetings", Map.of("_csrf", token, "date", "2301-02-12"));
        assertThat(mistyped.status()).isEqualTo(302);
        assertThat(mistyped.location()).as("the page opens on the reason").endsWith("/networks/HWB#meeting-problem");
        assertThat(manager.follow(mistyped).body())
                .as("the reason takes the focus").contains("id=\"meeting-problem\" tabindex=\"-1\"")
                .contains("A meeting&#39;s date must be from 1 January 2000 to", "2301-02-12 is not.")
                .doesNotContain("12 February 2301");
        Page removed = manager.postForm("/networks/HWB/meetings/2031-02-12/remove", Map.of("_csrf", token));
        assertThat(manager.follow(removed).body())
                .doesNotContain("12 February 2031");
    }

    @Test
    @DisplayName("A meeting day the network page refuses stays in the date box beside the reason, to be corrected; "
            + "after a meeting is added the box is empty again")
    void aRefusedMeetingDayStaysInItsBox() {
        WebSession manager = signedInToPages(port, "manager2");
        String token = WebSession.csrfTokenIn(manager.get("/networks/HWB").body());

        Page weekend = manager.postForm("/networks/HWB/meetings", Map.of("_csrf", token, "date", "2031-05-17"));

        assertThat(manager.follow(weekend).body())
                .contains("Saturday 17 May 2031 is not a working day")
                .contains("id=\"date\" name=\"date\" required value=\"2031-05-17\"");
        Page added = manager.postForm("/networks/HWB/meetings", Map.of("_csrf", token, "date", "2031-05-15"));
        assertThat(manager.follow(added).body())
                .contains("15 May 2031").doesNotContain("value=\"2031-05-15\"");
        manager.postForm("/networks/HWB/meetings/2031-05-15/remove", Map.of("_csrf", token));
    }

    @Test
    void administratorsCreateNetworksOnTheNetworksPageAndManagersCannot() {
        String code = "PAGE" + System.nanoTime() % 100_000;
        WebSession demo = signedInToPages(port, "demo");
        String token = WebSession.csrfTokenIn(demo.get("/networks").body());
        Page created = demo.postForm("/networks", Map.of("_csrf", token, "code", code, "name", "Made on the page",
                "region", "SCOTLAND", "managerGroup", code.toLowerCase() + "-managers"));
        assertThat(created.location()).endsWith("/networks/" + code + "#done");
        Page network = demo.get("/networks/" + code);
        assertThat(network.body()).contains("Made on the page", code.toLowerCase() + "-managers")
                .as("Green only on target, by default").containsPattern("on the target for its own year or\\s+"
                        + "better than it suggests Green, no more than").doesNotContainPattern("more than <strong>0%");

        Page changed = demo.postForm("/networks/" + code, Map.ofEntries(Map.entry("_csrf", token),
                Map.entry("name", "Renamed"), Map.entry("region", "SCOTLAND"), Map.entry("openDaysBefore", "4"),
                Map.entry("updatesDueDaysBefore", "9"), Map.entry("judgementsDueDaysBefore", "7"),
                Map.entry("proposalsDueDaysBefore", "5"), Map.entry("agreementsDueDaysBefore", "4"),
                Map.entry("closeDaysBefore", "2"), Map.entry("reminderDaysBeforeDue", "3"),
                Map.entry("reminderEveryDaysOverdue", "2")));
        assertThat(changed.location()).as("the page opens on the mistakes, half way down it")
                .endsWith("/networks/" + code + "#network-problems");
        assertThat(demo.follow(changed).body())
                .as("opening after updates are due is refused").contains("Nothing was changed", "in order")
                .as("the mistakes take the focus").contains("id=\"network-problems\" tabindex=\"-1\"");
        Map<String, String> belfast = new HashMap<>(Map.ofEntries(Map.entry("_csrf", token),
                Map.entry("name", "Renamed"), Map.entry("region", "SCOTLAND"), Map.entry("openDaysBefore", "20"),
                Map.entry("updatesDueDaysBefore", "10"), Map.entry("judgementsDueDaysBefore", "7"),
                Map.entry("proposalsDueDaysBefore", "5"), Map.entry("agreementsDueDaysBefore", "4"),
                Map.entry("closeDaysBefore", "2"), Map.entry("reminderDaysBeforeDue", "3"),
                Map.entry("reminderEveryDaysOverdue", "2"), Map.entry("greenWithinPercent", "1"),
                Map.entry("amberWithinPercent", "5")));
        demo.postForm("/networks/" + code, belfast);
        JsonNode rules = new Http(port).get("demo", "/api/networks/{code}", code).json().get("statusRules");
        assertThat(rules.get("greenWithinPercent").decimalValue()).as("the status rules, set on the page")
                .isEqualByComparingTo("1");
        assertThat(rules.get("amberWithinPercent").decimalValue()).isEqualByComparingTo("5");
        assertThat(List.of(rules.get("greenWithinPercent").toString(), rules.get("amberWithinPercent").toString()))
                .as("written as the page writes them, not as the columns keep them (1.00)").containsExactly("1", "5");
        assertThat(rules.get("redOnlyWhenNotImproving").asBoolean()).isFalse();
        belfast.put("redOnlyWhenNotImproving", "true");
        demo.postForm("/networks/" + code, belfast);
        assertThat(demo.get("/networks/" + code).body()).as("the box ticked")
                .contains("Red is for an indicator off target and not improving")
                .containsPattern("no\\s+more than <strong>1%</strong>\\s+short of the target for its own year");
        Map<String, Object> withoutTheRule = NetworkSettings.document(code);
        withoutTheRule.put("statusRules", Map.of("greenWithinPercent", 1, "amberWithinPercent", 10));
        assertThat(new Http(port).put("demo", "/api/networks/{code}", withoutTheRule, code).json()
                .at("/statusRules/redOnlyWhenNotImproving").asBoolean()).as("left out of the API's change, it stays")
                .isTrue();
        belfast.put("greenWithinPercent", "6");
        Page wider = demo.postForm("/networks/" + code, belfast);
        assertThat(demo.follow(wider).body())
                .contains("Nothing was changed", "Green&#39;s tolerance (6%) cannot be wider than Amber&#39;s (5%).");

        Page invalid = demo.postForm("/networks", Map.of("_csrf", token, "code", "not valid", "name", "x",
                "region", "SCOTLAND", "managerGroup", "x-managers"));
        assertThat(invalid.location()).endsWith("/networks#network-problems");
        assertThat(demo.get("/networks").body()).as(invalid.location()).contains("The network was not created",
                "id=\"network-problems\" tabindex=\"-1\"",
                "Code must be 1 to 20 capital letters").as("the form as it was filled in")
                .contains("value=\"not valid\"", "value=\"x-managers\"");

        WebSession manager = signedInToPages(port, "manager");
        Page refused = manager.postForm("/networks", Map.of("_csrf", WebSession.csrfTokenIn(
                manager.get("/networks").body()), "code", code + "X", "name", "x", "region", "SCOTLAND",
                "managerGroup", "x-managers"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(manager.get("/networks").body()).doesNotContain("Create a network");
    }

    @Test
    void theApiIsDescribedWithOpenApiAndBrowsable() throws Exception {
        WebSession anyone = new WebSession(port);
        Page description = anyone.get("/v3/api-docs");
        assertThat(description.status()).isEqualTo(200);
        assertThat(description.body()).contains("\"/api/plans\"", "\"/api/networks/{code}/import\"",
                "\"/api/networks/{code}/export/{file}.csv\"", "basic").doesNotContain("\"/engine-rest");
        JsonNode api = new ObjectMapper().readTree(description.body());
        JsonNode paths = api.get("paths");
        assertThat(paths.at("/~1api~1networks/post/responses").has("201"))
                .as("a network is created with 201 and its Location, as the API answers").isTrue();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> assertThat(operation
                .getValue().at("/responses/4XX/$ref").asText()).as(operation.getKey() + " " + path.getKey())
                .isEqualTo("#/components/responses/Refusal")));
        assertThat(api.at("/components/responses/Refusal/content").has("application/problem+json")).isTrue();
        assertThat(api.at("/components/responses/Refusal/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ProblemDetail");
        assertThat(api.at("/components/schemas/ProblemDetail/properties").has("detail")).isTrue();
        assertThat(paths.at("/~1api~1plans/get/responses/200/content").has("application/json")).isTrue();
        assertThat(paths.at("/~1api~1networks~1{code}~1export~1{file}.csv/get/responses/200/content")
                .has("text/csv")).isTrue();
        assertThat(paths.at("/~1api~1networks~1{code}~1import~1{file}/post/requestBody/content").has("text/csv"))
                .as("the types the 415 says the description lists").isTrue();

        Page swagger = anyone.get("/swagger-ui/index.html");
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(swagger.body()).contains("swagger-ui");
    }
}
