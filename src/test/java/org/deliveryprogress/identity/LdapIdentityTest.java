package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.support.Officers;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;

/**
 * The application with the {@code ldap} profile, its users and groups read from a directory: an in-memory LDAP
 * server loaded from {@code ldap/directory.ldif}, reached through the same environment variables as a deployment.
 * It proves Camunda's LDAP plugin (7.23, the last on Maven Central) on this engine, and that everything that signs
 * people in (the application's API, Camunda's REST API and webapps) takes the directory's passwords and groups.
 * <p>
 * Not the demo profile, which creates users: the directory is read-only. Nor the mariadb profile that a deployment
 * adds: the database is the embedded one. Its engine has a name of its own, as
 * {@code ExternalMariaDbTest}'s has, so that it lives beside the shared test context's "default" engine; the REST
 * API and webapps are asked for it by that name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camunda.bpm.process-engine-name=" + LdapIdentityTest.ENGINE,
                // The mail server the mariadb profile would name; nothing is sent here.
                "spring.mail.host=localhost" })
@ActiveProfiles({ "ldap", "test" })
class LdapIdentityTest {

    static final String ENGINE = "ldap";
    private static final String BASE_DN = "dc=example,dc=org";
    private static final String MANAGER_DN = "cn=manager," + BASE_DN;
    private static final String MANAGER_PASSWORD = "manager-password";

    private static InMemoryDirectoryServer directory;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestNetworks networks;
    @Autowired
    CycleService cycles;
    @Autowired
    Officers officers;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.importFromLDIF(true,
                new LDIFReader(LdapIdentityTest.class.getResourceAsStream("/ldap/directory.ldif")));
        directory.startListening();
    }

    /** What a deployment sets in its environment; the ldap profile reads it. */
    @DynamicPropertySource
    static void directorySettings(DynamicPropertyRegistry registry) {
        registry.add("LDAP_URL", () -> "ldap://localhost:" + directory.getListenPort());
        registry.add("LDAP_MANAGER_DN", () -> MANAGER_DN);
        registry.add("LDAP_MANAGER_PASSWORD", () -> MANAGER_PASSWORD);
        registry.add("LDAP_BASE_DN", () -> BASE_DN);
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @Test
    void theEngineReadsUsersAndGroupsFromTheDirectoryAndWritesNone() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(engine.getName()).isEqualTo(ENGINE);
        assertThat(configuration.getIdentityProviderSessionFactory()).isInstanceOf(LdapIdentityProviderFactory.class);
        assertThat(identityService.isReadOnly()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER", Integer.class))
                .as("users in the engine's own tables").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_GROUP", Integer.class))
                .as("groups in the engine's own tables").isZero();
    }

    @Test
    void passwordsAreCheckedByTheDirectory() {
        assertThat(identityService.checkPassword("lead-ldap", "lead-secret")).isTrue();
        assertThat(identityService.checkPassword("lead-ldap", "wrong")).isFalse();
        assertThat(identityService.checkPassword("nobody", "lead-secret")).isFalse();
    }

    @Test
    void usersHaveTheirNamesAndEmailFromTheDirectory() {
        User lead = identityService.createUserQuery().userId("lead-ldap").singleResult();

        assertThat(lead).isNotNull();
        assertThat(lead.getFirstName()).isEqualTo("Lowri");
        assertThat(lead.getLastName()).isEqualTo("Evans");
        assertThat(lead.getEmail()).isEqualTo("lowri.evans@example.org");
    }

    @Test
    void groupsAndTheirMembersAreTheDirectorysGroupsOfNames() {
        assertThat(identityService.createUserQuery().memberOfGroup("scn-managers").list())
                .extracting(User::getId).containsExactly("manager-ldap");
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.ADMINS).list())
                .extracting(User::getId).containsExactly("admin-ldap");
        assertThat(identityService.createGroupQuery().groupMember("lead-ldap").count())
                .as("groups of an officer").isZero();
    }

    @Test
    void theApplicationStartsWithoutWritingToTheDirectory() {
        assertThat(filterService.createFilterQuery().filterName(TasklistFilters.RETURNS_TO_SUBMIT).count())
                .as("Tasklist filters made at startup").isOne();
    }

    @Test
    void theRestApiSignsInWithTheDirectorysPasswords() throws Exception {
        assertThat(send(request("/engine-rest/engine/" + ENGINE + "/task").GET(), "lead-ldap", "lead-secret")
                .statusCode()).isEqualTo(200);
        assertThat(send(request("/engine-rest/engine/" + ENGINE + "/task").GET(), "lead-ldap", "wrong")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void officersListOnlyThemselvesAndAdministratorsTheWholeDirectory() throws Exception {
        HttpResponse<String> users = send(request("/engine-rest/engine/" + ENGINE + "/user").GET(), "lead-ldap",
                "lead-secret");
        assertThat(json.readTree(users.body()).findValuesAsText("id")).containsExactly("lead-ldap");
        HttpResponse<String> groups = send(request("/engine-rest/engine/" + ENGINE + "/group").GET(), "lead-ldap",
                "lead-secret");
        assertThat(json.readTree(groups.body())).isEmpty();
        assertThat(json.readTree(send(request("/engine-rest/engine/" + ENGINE + "/user").GET(), "admin-ldap",
                "admin-secret").body()).findValuesAsText("id"))
                .containsExactlyInAnyOrder("lead-ldap", "judge-ldap", "officer-ldap", "manager-ldap", "admin-ldap");
        assertThat(json.readTree(send(request("/engine-rest/engine/" + ENGINE + "/group").GET(), "admin-ldap",
                "admin-secret").body()).findValuesAsText("id")).containsExactlyInAnyOrder("camunda-admin",
                "scn-managers");
    }

    /**
     * Tasklist shows the names of the people of a plan to each other and to the network's managers: the directory's
     * names, read with the engine's grants. The plan is officer-ldap's and judge-ldap's (lead-ldap, of no plan, still
     * lists only themselves).
     */
    @Test
    void thePeopleOfAPlanSeeEachOthersNamesFromTheDirectory() throws Exception {
        TestNetwork network = networks.create(1, "scn-managers", "officer-ldap", "judge-ldap", null);
        ProcessInstance cycle = cycles.startOnSchedule(network.meeting().getId());
        officers.runJobs(cycle.getId());

        HttpResponse<String> profile = send(request("/engine-rest/engine/" + ENGINE + "/user/officer-ldap/profile")
                .GET(), "judge-ldap", "judge-secret");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(json.readTree(profile.body()).get("lastName").asText()).isEqualTo("Hughes");
        HttpResponse<String> tasks = send(request("/engine-rest/engine/" + ENGINE + "/task?processInstanceBusinessKey="
                + cycle.getBusinessKey() + "/" + network.plan().getReference())
                .setHeader("Accept", "application/hal+json").GET(), "manager-ldap", "manager-secret");
        assertThat(json.readTree(tasks.body()).at("/_embedded/assignee/0/firstName").asText())
                .as("the update's card, for a manager").isEqualTo("Carys");
        assertThat(send(request("/engine-rest/engine/" + ENGINE + "/user/manager-ldap/profile").GET(), "judge-ldap",
                "judge-secret").statusCode()).as("an officer, the managers").isEqualTo(404);
    }

    @Test
    void theApplicationsApiSignsInWithTheDirectorysPasswords() throws Exception {
        HttpResponse<String> me = send(request("/api/me").GET(), "manager-ldap", "manager-secret");

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("userId").asText()).isEqualTo("manager-ldap");
        assertThat(send(request("/api/me").GET(), "manager-ldap", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void membersOfTheDirectorysAdministratorsGroupMayUseCamundaAdmin() throws Exception {
        WebSession.Page admin = new WebSession(port).signInToCamunda("admin-ldap", "admin-secret", ENGINE, "admin");

        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(json.readTree(admin.body()).get("userId").asText()).isEqualTo("admin-ldap");
    }

    @Test
    void otherUsersMayNotUseCamundaAdmin() throws Exception {
        assertThat(new WebSession(port).signInToCamunda("lead-ldap", "lead-secret", ENGINE, "admin").status())
                .isEqualTo(403);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String user, String password)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(request.header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
