package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Camunda's password policy, on in every profile but the demo's (whose users' password is "demo") and the tests'. Here
 * it is switched on in the shared context's engine for each test, as production has it.
 */
@ApplicationTest
@DisplayName("The password policy")
class PasswordPolicyTest {

    private static final String POLICY = "camunda.bpm.generic-properties.properties.enablePasswordPolicy";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void asInProduction() {
        engineConfiguration.setEnablePasswordPolicy(true);
        // As the engine sets it up when started with the policy on
        engineConfiguration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
    }

    @AfterEach
    void asInTheDemo() {
        engineConfiguration.setEnablePasswordPolicy(false);
        engineConfiguration.setPasswordPolicy(null);
    }

    @Test
    @DisplayName("is on in production and off in the demo")
    void onInProduction() throws Exception {
        var documents = new YamlPropertySourceLoader().load("application.yaml",
                new ClassPathResource("application.yaml"));
        PropertySource<?> everyProfile = documents.get(0);
        PropertySource<?> demo = documents.stream()
                .filter(document -> "demo".equals(document.getProperty("spring.config.activate.on-profile")))
                .findFirst().orElseThrow();
        assertThat(String.valueOf(everyProfile.getProperty(POLICY))).isEqualTo("true");
        assertThat(String.valueOf(demo.getProperty(POLICY))).isEqualTo("false");
    }

    @Test
    @DisplayName("refuses a weak password through the REST API with a 400 that says what a password needs")
    void aWeakPasswordIsRefusedSayingWhatItNeeds() {
        Http http = new Http(port);
        Http.Reply weak = http.post("demo", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", "policy-weak", "firstName", "Wenna", "lastName", "Hosking"),
                "credentials", Map.of("password", "password1")));
        assertThat(weak.status()).as(weak.body()).isEqualTo(400);
        assertThat(weak.json().get("message").asText()).isEqualTo("The password does not meet the password policy: "
                + PasswordPolicyRefusal.THE_POLICY_IN_WORDS + ".");
        assertThat(identityService.createUserQuery().userId("policy-weak").count()).as("not created").isZero();

        Http.Reply strong = http.post("demo", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", "policy-strong", "firstName", "Wenna", "lastName", "Hosking"),
                "credentials", Map.of("password", "Kernow-Bys-Vyken-1497")));
        assertThat(strong.status()).as(strong.body()).isEqualTo(204);
        assertThat(identityService.checkPassword("policy-strong", "Kernow-Bys-Vyken-1497")).isTrue();
    }
}
