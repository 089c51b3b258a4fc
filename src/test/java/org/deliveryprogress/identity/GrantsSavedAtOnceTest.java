package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.deliveryprogress.support.Users;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Networks open side by side (the job executor runs their batches at once) and share officers: two batches save the
 * same grant between two of them at the same time. The second must not fail, taking its batch of returns with it.
 */
@ApplicationTest
@DisplayName("The same grants saved by two transactions at once")
class GrantsSavedAtOnceTest {

    private static final String LEAD = "shared-lead";
    private static final String JUDGE = "shared-judge";

    @Autowired
    OfficerRights officerRights;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    TestNetworks networks;
    @Autowired
    Users users;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Test
    void aBatchSavingAGrantAnotherIsSavingWaitsForItAndKeepsOne() throws Exception {
        users.person(LEAD, "Loveday", "Pascoe");
        users.person(JUDGE, "Jenifer", "Polglase");
        TestNetwork network = networks.create(1, "shared-managers", LEAD, JUDGE, null);
        CountDownLatch saved = new CountDownLatch(1);
        CountDownLatch otherBatchWaiting = new CountDownLatch(1);

        // Another network's batch saves the lead's grant to read the judge, and has not committed yet.
        CompletableFuture<Void> otherBatch = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(
                status -> {
                    Authorization grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                    grant.setUserId(LEAD);
                    grant.setResource(Resources.USER);
                    grant.setResourceId(JUDGE);
                    grant.addPermission(Permissions.READ);
                    authorizationService.saveAuthorization(grant);
                    saved.countDown();
                    await(otherBatchWaiting);
                }));
        await(saved);
        // This batch saves them from inside an engine command, as the job of a batch of returns does.
        CompletableFuture<Void> thisBatch = CompletableFuture.runAsync(() -> engineConfiguration
                .getCommandExecutorTxRequired().execute(commandContext -> {
                    officerRights.grantFor(network.plans());
                    return null;
                }));
        // This batch's insert of the same grant waits for the other's row lock; the other then commits.
        Thread.sleep(1_000);
        otherBatchWaiting.countDown();
        otherBatch.get(30, TimeUnit.SECONDS);
        thisBatch.get(30, TimeUnit.SECONDS);

        assertThat(authorizationService.createAuthorizationQuery().userIdIn(LEAD).resourceType(Resources.USER)
                .resourceId(JUDGE).list()).singleElement()
                .satisfies(grant -> assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue());
        assertThat(authorizationService.createAuthorizationQuery().userIdIn(JUDGE).resourceType(Resources.USER)
                .resourceId(LEAD).count()).as("this batch's other grants").isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
