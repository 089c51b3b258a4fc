package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The REST API and the application's API keep a signed-in user's groups between requests, as Camunda's webapps do in
 * a session, and emails their recipients' addresses and groups' members; all are forgotten as soon as the engine
 * changes a membership or a user.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Signed-in users' groups kept between requests")
class KeptIdentitiesTest {

    private static final String MANAGERS = "kept-managers";
    private static final String MANAGER = "kept-manager";
    private static final String NEWCOMER = "kept-newcomer";
    private static final String OTHERS = "kept-others";

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
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    UserDirectory directory;

    private Http http;
    private ProcessInstance planReturn;

    @BeforeAll
    void aNetworkWithAnOpenReturn() {
        http = new Http(port);
        users.person(MANAGER, "Demelza", "Hosking", MANAGERS);
        users.person(NEWCOMER, "Piran", "Angove", OTHERS);
        TestNetwork network = networks.create(1, MANAGERS, "kept-lead", "kept-judge", "kept-clerk");
        planReturn = openReturns.of(network);
    }

    @Test
    void aManagerTakenOutOfTheGroupIsRefusedOnTheNextRequest() {
        assertThat(tasksSeenBy(MANAGER)).as("while a manager").isEqualTo(1);
        assertThat(networksManagedBy(MANAGER)).as("while a manager").isEqualTo(1);

        identityService.deleteMembership(MANAGER, MANAGERS);
        try {
            assertThat(tasksSeenBy(MANAGER)).as("once out of the group").isZero();
            assertThat(networksManagedBy(MANAGER)).as("once out of the group").isZero();
        } finally {
            identityService.createMembership(MANAGER, MANAGERS);
        }
        assertThat(tasksSeenBy(MANAGER)).as("back in the group").isEqualTo(1);
    }

    @Test
    void aMembershipWrittenBehindTheEnginesBackIsSeenOnlyOnceTheGroupsAreReadAgain() {
        assertThat(tasksSeenBy(NEWCOMER)).isZero();

        transaction.executeWithoutResult(written -> jdbc.update(
                "INSERT INTO ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) VALUES (?, ?)", NEWCOMER, MANAGERS));
        try {
            assertThat(tasksSeenBy(NEWCOMER)).as("groups kept from the request before").isZero();
            // Any membership the engine changes empties what is kept.
            identityService.deleteMembership(NEWCOMER, OTHERS);
            assertThat(tasksSeenBy(NEWCOMER)).as("groups read again").isEqualTo(1);
        } finally {
            identityService.deleteMembership(NEWCOMER, MANAGERS);
            identityService.createMembership(NEWCOMER, OTHERS);
        }
    }

    @Test
    void anOfficersNewEmailAddressIsTheOneTheNextEmailGoesTo() {
        assertThat(directory.user(NEWCOMER)).get().extracting(KeptIdentities.Profile::email)
                .isEqualTo(NEWCOMER + "@example.org");

        User newcomer = identityService.createUserQuery().userId(NEWCOMER).singleResult();
        newcomer.setEmail("piran.angove@example.org");
        identityService.saveUser(newcomer);
        try {
            assertThat(directory.user(NEWCOMER)).get().extracting(KeptIdentities.Profile::email)
                    .isEqualTo("piran.angove@example.org");
        } finally {
            newcomer.setEmail(NEWCOMER + "@example.org");
            identityService.saveUser(newcomer);
        }
    }

    @Test
    void aGroupsNewMemberIsAmongThoseItsEmailsAndTasksGoToAtOnce() {
        assertThat(directory.membersOf(MANAGERS)).containsExactly(MANAGER);

        identityService.createMembership(NEWCOMER, MANAGERS);
        try {
            assertThat(directory.membersOf(MANAGERS)).containsExactlyInAnyOrder(MANAGER, NEWCOMER);
        } finally {
            identityService.deleteMembership(NEWCOMER, MANAGERS);
        }
        assertThat(directory.membersOf(MANAGERS)).containsExactly(MANAGER);
    }

    @Test
    void everyCommandThatEmptiesTheCacheIsOneOfTheEngines() throws ClassNotFoundException {
        for (String command : KeptIdentities.CHANGING_COMMANDS) {
            assertThat(Class.forName("org.camunda.bpm.engine.impl.cmd." + command)).as(command).isNotNull();
        }
    }

    private int networksManagedBy(String user) {
        return http.get(user, "/api/me").json().at("/manages").size();
    }

    private int tasksSeenBy(String user) {
        return http.get(user, "/engine-rest/task?processInstanceId={id}", planReturn.getId()).json()
                .size();
    }
}
