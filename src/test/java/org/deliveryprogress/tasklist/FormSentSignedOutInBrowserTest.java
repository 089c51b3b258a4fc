package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page's form whose own address answers its POST alone, sent once the session has ended: the sign-in then went
 * back to that address, and the manager landed on an error page. It goes back to the page the form was on.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("A form sent once the session has ended")
class FormSentSignedOutInBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    DeliveryPlanRepository plans;

    @Test
    @DisplayName("goes, after the sign-in, back to the page it was on (a plan's Retire to the plan), having done "
            + "nothing")
    void goesBackToThePageItWasOn() {
        TestNetwork network = networks.create(1);
        String reference = network.plan().getReference();
        String base = "http://localhost:" + port;
        try (Browser browser = new Browser(getClass().getSimpleName())) {
            browser.signInToPages(base, "manager");
            browser.open(base + "/plans/" + reference);
            browser.forgetSession();
            browser.find(By.id("retire-confirmed")).click();
            browser.find(By.xpath("//button[text()='Retire this plan']")).click();

            browser.await("the sign-in", driver -> driver.getCurrentUrl().contains("/login?sessionEnded"));
            browser.signInHere("manager");
            browser.await("back on the plan's page", driver -> !driver.getCurrentUrl().contains("/login"));
            browser.screenshot("back-on-the-plan");
            assertThat(browser.driver().getCurrentUrl()).startsWith(base + "/plans/" + reference)
                    .doesNotContain("/retire");
            assertThat(browser.find(By.tagName("main")).getText()).contains(reference, "Retire this plan");
            assertThat(plans.findByReference(reference).orElseThrow().isActive()).as("not retired").isTrue();
        }
    }
}
