package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page's form whose CSRF token is no longer its session's, sent by a browser: what the officer is told depends on
 * whether they are signed in now. (`FormSentSignedOutInBrowserTest` follows the first case on through the sign-in.)
 */
@ApplicationTest
@DisplayName("A page's form out of date")
class FormsSentSignedOutTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    DeliveryPlanRepository plans;

    @Test
    @DisplayName("sent once the officer has signed out goes to the sign-in, saying they were signed out")
    void sentSignedOutGoesToTheSignIn() {
        String plan = "/plans/" + networks.create(1).plan().getReference();
        WebSession manager = WebSession.signedInToPages(port, "manager");
        String token = WebSession.csrfTokenIn(manager.get(plan).body());
        manager.postForm("/logout", Map.of("_csrf", token));

        Page refused = manager.postFormFromPage(plan, plan + "/retire", Map.of("_csrf", token));

        assertThat(refused.location()).endsWith("/login?sessionEnded");
        assertThat(plans.findByReference(plan.substring("/plans/".length())).orElseThrow().isActive()).isTrue();
    }

    @Test
    @DisplayName("sent from a page opened before the officer last signed in goes back to that page, saying nothing "
            + "was done, where it went to the sign-in saying they were signed out")
    void sentFromAPageOpenedBeforeTheLastSignInGoesBackToIt() {
        String reference = networks.create(1).plan().getReference();
        String plan = "/plans/" + reference;
        WebSession manager = WebSession.signedInToPages(port, "manager");
        String token = WebSession.csrfTokenIn(manager.get(plan).body());
        manager.signIn("manager");

        Page refused = manager.postFormFromPage(plan + "?tab=1", plan + "/retire", Map.of("_csrf", token));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith(plan + "?tab=1&formOutOfDate");
        assertThat(manager.getPage(plan + "?tab=1&formOutOfDate").body())
                .contains("Not done: the page you sent that from was opened", "nothing was saved or changed",
                        reference, "Retire this plan");
        assertThat(plans.findByReference(reference).orElseThrow().isActive()).as("not retired").isTrue();
        assertThat(manager.getPage(plan).body()).doesNotContain("Not done");
    }
}
