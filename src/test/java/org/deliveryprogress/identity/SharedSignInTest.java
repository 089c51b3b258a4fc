package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Users;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application's pages and Camunda's webapps share one sign-in: an officer following an email's link signs in
 * once, whichever asks first, and signing out of either signs out of both.
 */
@ApplicationTest
@DisplayName("One sign-in for the pages and Tasklist")
class SharedSignInTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("signed in to Tasklist, an officer reads the pages without signing in again")
    void tasklistsSignInOpensThePages() {
        WebSession lead = WebSession.signedInToTasklist(port, "lead");

        Page plans = lead.get("/plans");

        assertThat(plans.status()).isEqualTo(200);
        assertThat(plans.body()).contains("CC-NI1", "Gareth Penhallow");
    }

    @Test
    @DisplayName("signed in on the pages, an officer uses Tasklist without signing in again, as the same user")
    void thePagesSignInOpensTasklist() {
        WebSession lead = new WebSession(port);
        assertThat(lead.signIn("lead").status()).isEqualTo(302);

        lead.get("/camunda/app/tasklist/default/");

        assertThat(lead.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"lead\"",
                "\"tasklist\"");
        assertThat(lead.camundaApi("GET", "/task/count?assignee=lead", null).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Tasklist's Sign out signs out of the pages too")
    void signingOutOfTasklistSignsOutOfThePages() {
        WebSession lead = WebSession.signedInToTasklist(port, "lead");
        assertThat(lead.get("/plans").status()).isEqualTo(200);

        assertThat(lead.postJson("/camunda/api/admin/auth/user/default/logout", "{}").status()).isEqualTo(200);

        Page plans = lead.get("/plans");
        assertThat(plans.status()).isEqualTo(302);
        assertThat(plans.location()).endsWith("/login");
    }

    @Test
    @DisplayName("the pages' Sign out signs out of Tasklist too")
    void signingOutOfThePagesSignsOutOfTasklist() {
        WebSession lead = new WebSession(port);
        lead.signIn("lead");
        lead.get("/camunda/app/tasklist/default/");
        assertThat(lead.camundaApi("GET", "/task/count", null).status()).isEqualTo(200);

        Page signedOut = lead.postForm("/logout", Map.of("_csrf", WebSession.csrfTokenIn(lead.get("/plans").body())));
        assertThat(signedOut.location()).contains("/login?signedOut");

        lead.get("/camunda/app/tasklist/default/");
        assertThat(lead.camundaApi("GET", "/task/count", null).status()).isEqualTo(401);
        assertThat(lead.get("/plans").status()).isEqualTo(302);
    }

    @Test
    @DisplayName("a wrong password signs in to neither")
    void aWrongPasswordSignsInToNeither() {
        WebSession someone = new WebSession(port);
        Page form = someone.get("/login");

        Page refused = someone.postForm("/login", Map.of("username", Users.WITH_FORGOTTEN_PASSWORD, "password",
                "not-it", "_csrf",
                WebSession.csrfTokenIn(form.body())));

        assertThat(refused.location()).contains("/login?error");
        assertThat(someone.get("/plans").status()).isEqualTo(302);
        someone.get("/camunda/app/tasklist/default/");
        assertThat(someone.camundaApi("GET", "/task/count", null).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("the error page shows who is signed in and signs them out, as every other page does")
    void theErrorPageShowsWhoIsSignedInAndSignsThemOut() {
        WebSession manager = WebSession.signedInToPages(port, "manager");

        Page refused = manager.getPage("/networks/HWB");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).contains("There is no network HWB.")
                .containsPattern("class=\"who\">\\s*<span>Margaret Thistlewood</span>").contains("Sign out");
        Page signedOut = manager.postForm("/logout", Map.of("_csrf", WebSession.csrfTokenIn(refused.body())));
        assertThat(signedOut.location()).contains("/login?signedOut");
        assertThat(manager.get("/plans").location()).endsWith("/login");
    }
}
