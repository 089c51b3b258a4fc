package org.deliveryprogress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

@DisplayName("Starting the application")
@ExtendWith(OutputCaptureExtension.class)
class ProfileRequiredTest {

    @Test
    @DisplayName("without a profile (java -jar alone) refuses to start, before anything runs, saying what to choose")
    void withoutAProfileRefusesToStart(CapturedOutput output) {
        assumeTrue(System.getenv("SPRING_PROFILES_ACTIVE") == null, "SPRING_PROFILES_ACTIVE chooses a profile here");
        SpringApplication application = new SpringApplication(DeliveryProgressApplication.class);

        assertThatThrownBy(() -> application.run("--server.port=0"))
                .isInstanceOf(ProfileRequired.NoProfileChosen.class);

        assertThat(output).contains("APPLICATION FAILED TO START", "No profile was chosen",
                "--spring.profiles.active=mariadb", "--spring.profiles.active=demo")
                .doesNotContain("Embedded MariaDB", "Tomcat started");
    }

    /** Named with the others: PUBLIC_URL left out, the installation's start was refused again, for it alone. */
    @Test
    @DisplayName("without a profile, names every variable an installation's profile cannot start without")
    void withoutAProfileNamesTheInstallationsVariables() {
        ProfileRequired.NoProfileChosen refused = new ProfileRequired.NoProfileChosen();

        assertThat(new ProfileRequired.Analyzer().analyze(refused, refused).getAction())
                .contains("DB_URL, DB_USER, DB_PASSWORD and PUBLIC_URL", "README's Production section");
    }

    /** Checked without starting an application, as RequiredSettingsTest says why. */
    @Test
    @DisplayName("with the demo chosen beside mariadb refuses to start: the demo's users would be made in the "
            + "installation's database")
    void theDemoBesideMariaDbRefusesToStart() {
        for (String[] profiles : new String[][] { { "mariadb", "demo" }, { "demo", "mariadb", "ldap" } }) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.setActiveProfiles(profiles);

            assertThatThrownBy(() -> new ProfileRequired().postProcessEnvironment(environment,
                    new SpringApplication(DeliveryProgressApplication.class)))
                    .isInstanceOfSatisfying(ProfileRequired.DemoOnAnInstallation.class, refused -> assertThat(
                            new ProfileRequired.DemoAnalyzer().analyze(refused, refused).getAction())
                            .startsWith("Choose mariadb alone for an installation"));
        }
    }

    @Test
    @DisplayName("with a profile chosen, whichever, goes on")
    void withAProfileGoesOn() {
        for (String profile : new String[] { "demo", "mariadb", "test" }) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.setActiveProfiles(profile);
            assertThatNoException().isThrownBy(() -> new ProfileRequired().postProcessEnvironment(environment,
                    new SpringApplication(DeliveryProgressApplication.class)));
        }
    }
}
