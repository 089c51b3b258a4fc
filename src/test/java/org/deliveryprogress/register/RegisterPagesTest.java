package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Users;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The register's pages apply the API's rules: sign-in first, each officer their plans, each manager their network. */
@ApplicationTest
@DisplayName("Register pages")
class RegisterPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    Users users;

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
        Page refused = wrong.postForm("/login", Map.of("username", Users.WITH_FORGOTTEN_PASSWORD, "password", "not-it", "_csrf",
                WebSession.csrfTokenIn(form.body())));
        assertThat(refused.location()).endsWith("/login?error");
    }

    @Test
    void anOfficerSeesTheirPlansOnlyAndNoForms() {
        WebSession lead = signedIn("lead");
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
    void aManagerGetsTheImportFormAndExportsTheirNetworkOnly() {
        WebSession manager = signedIn("manager");
        Page network = manager.get("/networks/SCN");
        assertThat(network.body()).contains("Import from spreadsheets", "plans you may read");
        assertThat(manager.get("/networks/HWB").status()).isEqualTo(404);
        Page export = manager.get("/networks/SCN/export/plans.csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("CC-NI1");

        Page withoutToken = manager.postForm("/plans/CC-NI1/retire", Map.of());
        assertThat(withoutToken.status()).as("no CSRF token, no change").isEqualTo(403);
        assertThat(manager.get("/plans/CC-NI1").body()).contains("Retire this plan");
    }

    private WebSession signedIn(String user) {
        WebSession session = new WebSession(port);
        Page signedIn = session.signIn(user);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        return session;
    }
}
