package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.OpenReturns;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the people of a plan see of each other in Tasklist, through the REST API Tasklist itself calls: the names on
 * task cards (the task list in HAL, with its assignees' users embedded), the name in the header (a user's profile), and
 * the filters each of them reads, the one Tasklist opens on first. People of their own, so that no other test's plans
 * add to what they may read.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("What the people of a plan see of each other in Tasklist")
class OfficerRightsTest {

    private static final String LEAD = "rights-lead";
    private static final String JUDGE = "rights-judge";
    private static final String CLERK = "rights-clerk";
    private static final String MANAGER = "rights-manager";
    private static final String OTHER_MANAGER = "rights-manager2";
    private static final String MANAGERS = "rights-managers";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    TestNetworks networks;
    @Autowired
    OpenReturns openReturns;
    @Autowired
    IdentityService identityService;

    private Http http;
    private ProcessInstance planReturn;

    @BeforeAll
    void aPlanWhoseReturnIsOpen() {
        http = new Http(port);
        users.person(LEAD, "Lowena", "Treloar");
        users.person(JUDGE, "Jory", "Penrose");
        users.person(CLERK, "Kerensa", "Nance");
        users.person(MANAGER, "Morwenna", "Kitto", MANAGERS);
        users.person(OTHER_MANAGER, "Tamsin", "Rowe", MANAGERS);
        TestNetwork network = networks.create(1, MANAGERS, LEAD, JUDGE, CLERK);
        planReturn = openReturns.of(network);
    }

    @Test
    void theDataEntryOfficerSeesTheLeadOfficersNameOnTheUpdate() {
        JsonNode tasks = http.getHal(CLERK, "/engine-rest/task?processInstanceId={id}", planReturn.getId()).json();

        assertThat(tasks.at("/_embedded/task/0/assignee").asText()).isEqualTo(LEAD);
        assertThat(embeddedNames(tasks)).containsExactly("Lowena Treloar");
    }

    @Test
    void theNetworksManagersSeeTheOfficersNamesOnEveryTaskOfTheNetwork() {
        JsonNode tasks = http.getHal(MANAGER, "/engine-rest/task?processInstanceId={id}", planReturn.getId()).json();

        assertThat(embeddedNames(tasks)).containsExactly("Lowena Treloar");
        assertThat(profile(OTHER_MANAGER, MANAGER).at("/lastName").asText()).as("a fellow manager").isEqualTo("Kitto");
    }

    @Test
    void everyoneSeesTheirOwnNameInTheHeaderAndTheNamesOfTheirPlansPeople() {
        assertThat(profile(JUDGE, JUDGE).at("/firstName").asText()).isEqualTo("Jory");
        assertThat(profile(JUDGE, LEAD).at("/firstName").asText()).isEqualTo("Lowena");
        assertThat(profile(LEAD, CLERK).at("/firstName").asText()).isEqualTo("Kerensa");
        assertThat(ids(http.get(JUDGE, "/engine-rest/user").json())).as("the users the judge may list")
                .containsExactlyInAnyOrder(JUDGE, LEAD, CLERK);
    }

    @Test
    void nobodyReadsThePeopleTheyDoNotWorkWith() {
        assertThat(http.get("lead6", "/engine-rest/user/{id}/profile", LEAD).status())
                .as("an officer of another network's plans").isEqualTo(404);
        assertThat(http.get(JUDGE, "/engine-rest/user/{id}/profile", MANAGER).status())
                .as("an officer, the network's managers").isEqualTo(404);
        assertThat(http.get("manager2", "/engine-rest/user/{id}/profile", JUDGE).status())
                .as("another network's manager").isEqualTo(404);
    }

    @Test
    void onlyAnAdministratorChangesSomeonesNameOrEmailAddress() {
        Http.Reply renamed = http.put(LEAD, "/engine-rest/user/{id}/profile", Map.of("id", LEAD,
                "firstName", "Jory", "lastName", "Penrose", "email", JUDGE + "@example.org"), LEAD);
        assertThat(renamed.status()).as("an officer naming themselves after their judge: " + renamed.body())
                .isEqualTo(403);
        assertThat(renamed.json().get("message").asText()).startsWith("Only an administrator changes a user's name");
        JsonNode unchanged = profile(LEAD, LEAD);
        assertThat(unchanged.at("/firstName").asText() + " " + unchanged.at("/lastName").asText() + " "
                + unchanged.at("/email").asText()).isEqualTo("Lowena Treloar " + LEAD + "@example.org");
        assertThat(http.put(MANAGER, "/engine-rest/user/{id}/profile", Map.of("id", MANAGER, "firstName", "Morwenna",
                "lastName", "Kitto", "email", "elsewhere@example.com"), MANAGER).status())
                .as("a manager sending their emails elsewhere").isEqualTo(403);

        users.person("rights-renamed", "Demelza", "Carne");
        assertThat(http.put("demo", "/engine-rest/user/{id}/profile", Map.of("id", "rights-renamed",
                "firstName", "Demelza", "lastName", "Poldark", "email", "demelza@example.org"), "rights-renamed")
                .status()).as("the administrator").isEqualTo(204);
        assertThat(profile("demo", "rights-renamed").at("/lastName").asText()).isEqualTo("Poldark");
    }

    @Test
    void everyoneChangesTheirOwnPassword() {
        users.person("rights-new-password", "Wenna", "Hosking");
        Http.Reply changed = http.put("rights-new-password", "/engine-rest/user/{id}/credentials",
                Map.of("password", "Tregenna-Castle-2026", "authenticatedUserPassword", Http.DEMO_PASSWORD),
                "rights-new-password");
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(identityService.checkPassword("rights-new-password", "Tregenna-Castle-2026")).isTrue();
    }

    @Test
    void eachPersonReadsTheFiltersOfTheirRolesAndTasklistOpensOnTheOneWithTheirWork() {
        assertThat(filtersOf(JUDGE)).containsExactly(TasklistFilters.MY_WORK, TasklistFilters.AWAITING_JUDGEMENT);
        assertThat(filtersOf(LEAD)).containsExactly(TasklistFilters.MY_WORK, TasklistFilters.RETURNS_TO_SUBMIT,
                TasklistFilters.REMEDIAL_TO_PROPOSE);
        assertThat(filtersOf(CLERK)).containsExactly(TasklistFilters.MY_WORK, TasklistFilters.RETURNS_TO_SUBMIT);
        assertThat(filtersOf(MANAGER)).containsExactly(TasklistFilters.REMEDIAL_TO_AGREE, TasklistFilters.MY_WORK,
                TasklistFilters.NETWORK_WORK);

        assertThat(count(LEAD, TasklistFilters.MY_WORK)).as("the lead's update").isEqualTo(1);
        assertThat(count(CLERK, TasklistFilters.MY_WORK)).as("offered to the data-entry officer").isEqualTo(1);
        assertThat(count(JUDGE, TasklistFilters.MY_WORK)).as("nothing to judge yet").isZero();
    }

    @Test
    void everyFilterSaysWhatItHoldsAndRefreshesItsList() {
        for (JsonNode filter : http.get("demo", "/engine-rest/filter?resourceType=Task").json()) {
            JsonNode properties = filter.get("properties");
            assertThat(properties.get("description").asText()).as(filter.get("name").asText()).isNotBlank();
            assertThat(properties.get("color").asText()).as(filter.get("name").asText()).startsWith("#");
            assertThat(properties.get("refresh").asBoolean()).as(filter.get("name").asText()).isTrue();
        }
    }

    /** The names of the filters the user reads, as Tasklist lists them: the one it opens on first. */
    private List<String> filtersOf(String user) {
        return StreamSupport.stream(http.get(user, "/engine-rest/filter?resourceType=Task").json().spliterator(), false)
                .sorted(Comparator.comparingInt(filter -> filter.at("/properties/priority").asInt()))
                .map(filter -> filter.get("name").asText()).toList();
    }

    private int count(String user, String filterName) {
        String id = StreamSupport.stream(http.get(user, "/engine-rest/filter?resourceType=Task&name={name}",
                filterName).json().spliterator(), false).findFirst().orElseThrow().get("id").asText();
        return http.get(user, "/engine-rest/filter/{id}/count", id).json().get("count").asInt();
    }

    private JsonNode profile(String reader, String userId) {
        Http.Reply profile = http.get(reader, "/engine-rest/user/{id}/profile", userId);
        assertThat(profile.status()).as(reader + " reads " + userId + ": " + profile.body()).isEqualTo(200);
        return profile.json();
    }

    private static List<String> embeddedNames(JsonNode halTasks) {
        return StreamSupport.stream(halTasks.at("/_embedded/assignee").spliterator(), false)
                .map(user -> user.get("firstName").asText() + " " + user.get("lastName").asText()).toList();
    }

    private static List<String> ids(JsonNode users) {
        return StreamSupport.stream(users.spliterator(), false).map(user -> user.get("id").asText()).toList();
    }
}
