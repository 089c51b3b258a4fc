package org.deliveryprogress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("An installation's required settings")
@ExtendWith(OutputCaptureExtension.class)
class RequiredSettingsTest {

    @Test
    @DisplayName("started with the mariadb profile and nothing in the environment, refuses before anything is made, "
            + "naming every variable to set")
    void theMariaDbProfileWithoutItsVariables(CapturedOutput output) {
        assumeTrue(Stream.of("DB_URL", "DB_USER", "DB_PASSWORD", "PUBLIC_URL").allMatch(name -> System.getenv(name)
                == null), "the environment sets them here");
        SpringApplication application = new SpringApplication(DeliveryProgressApplication.class);

        assertThatThrownBy(() -> application.run("--spring.profiles.active=mariadb", "--server.port=0"))
                .isInstanceOf(RequiredSettings.SettingsRefused.class);

        assertThat(output).contains("APPLICATION FAILED TO START", "DB_PASSWORD (the database user's password); "
                + "DB_URL (the database's JDBC URL); DB_USER (the database user); PUBLIC_URL (where officers reach")
                .doesNotContain("Tomcat started", "Flyway", "ENGINE-");
    }

    @Test
    @DisplayName("an administrator's user id without a password is refused: Camunda would make the id the password")
    void anAdministratorWithoutAPassword() {
        MockEnvironment environment = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin");
        assertThatThrownBy(() -> RequiredSettings.check(environment))
                .hasMessage("Settings missing: CAMUNDA_BPM_ADMINUSER_PASSWORD (the first administrator's password, "
                        + "which Camunda would otherwise make their user id)");

        assertThatNoException().isThrownBy(() -> RequiredSettings.check(environment
                .withProperty("camunda.bpm.admin-user.password", "a long secret")));
    }

    @Test
    @DisplayName("a variable set empty is as good as missing, but for the database user's password, which may be empty")
    void variablesSetEmpty() {
        MockEnvironment empty = new MockEnvironment().withProperty("spring.datasource.url", "${DB_URL}")
                .withProperty("spring.datasource.username", "${DB_USER}")
                .withProperty("spring.datasource.password", "${DB_PASSWORD}")
                .withProperty("delivery-progress.public-url", "${PUBLIC_URL}").withProperty("DB_URL", " ")
                .withProperty("DB_USER", "deliveryprogress").withProperty("DB_PASSWORD", "")
                .withProperty("PUBLIC_URL", "");

        assertThatThrownBy(() -> RequiredSettings.check(empty)).hasMessage("Settings missing: DB_URL (the database's "
                + "JDBC URL); PUBLIC_URL (where officers reach the application: emails' links start with it)");
    }

    @Test
    @DisplayName("an address for emails' links that a mail reader would not open as one is refused, saying how to give "
            + "it")
    void anAddressThatIsNoLink() {
        for (String notALink : new String[] {"dp.example.org", "dp.example.org:8080", "ftp://dp.example.org",
                "https://", "https:// dp.example.org"}) {
            MockEnvironment environment = new MockEnvironment().withProperty("delivery-progress.public-url", notALink);
            assertThatThrownBy(() -> RequiredSettings.check(environment)).as(notALink)
                    .isInstanceOfSatisfying(RequiredSettings.SettingsRefused.class, refused -> assertThat(
                            new RequiredSettings.Analyzer().analyze(refused, refused).getAction())
                            .isEqualTo("Correct them in the environment. Then start again."))
                    .hasMessage("Settings unusable: PUBLIC_URL is \"" + notALink + "\", which a mail reader does not "
                            + "open as a link: give it whole, as https://progress.example.org");
        }
        for (String link : new String[] {"https://dp.example.org", "http://localhost:8080/", "HTTPS://dp.gov.uk/dp"}) {
            assertThatNoException().as(link).isThrownBy(() -> RequiredSettings.check(new MockEnvironment()
                    .withProperty("delivery-progress.public-url", link)));
        }
    }

    /**
     * Checked without starting an application: a second failed start in the test JVM would set up its logging again,
     * and the shared context's filters of the engine's log lines would be lost for the tests after it.
     */
    @Test
    @DisplayName("Camunda's webapps or REST API moved from where the application guards them are refused, naming both")
    void webappsOrRestApiMoved() {
        MockEnvironment moved = new MockEnvironment().withProperty("camunda.bpm.webapp.application-path", "/tasks")
                .withProperty("spring.jersey.application-path", "/rest");

        assertThatThrownBy(() -> RequiredSettings.check(moved))
                .isInstanceOfSatisfying(RequiredSettings.SettingsRefused.class, refused -> assertThat(
                        new RequiredSettings.Analyzer().analyze(refused, refused).getAction())
                        .isEqualTo("Leave those paths unset. Then start again."))
                .hasMessage("Paths moved: camunda.bpm.webapp.application-path is \"/tasks\", where the application "
                        + "guards /camunda; spring.jersey.application-path is \"/rest\", where the application guards "
                        + "/engine-rest");
        assertThatNoException().isThrownBy(() -> RequiredSettings.check(new MockEnvironment()
                .withProperty("camunda.bpm.webapp.application-path", "/camunda/")
                .withProperty("spring.jersey.application-path", "/engine-rest")));
    }

    @Test
    @DisplayName("settings given, or not asked for at all (the demo's embedded database), go on")
    void settingsGiven() {
        assertThatNoException().isThrownBy(() -> RequiredSettings.check(new MockEnvironment()));
        assertThatNoException().isThrownBy(() -> RequiredSettings.check(new MockEnvironment()
                .withProperty("spring.datasource.url", "${DB_URL}").withProperty("DB_URL", "jdbc:mariadb://db/dp")
                .withProperty("delivery-progress.public-url", "${PUBLIC_URL:http://localhost:8080}")));
    }
}
