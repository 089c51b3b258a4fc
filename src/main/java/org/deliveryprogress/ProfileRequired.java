package org.deliveryprogress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The application starts only with a profile chosen, so that a jar started with no settings neither runs the demo
 * (whose users' password is "demo") nor runs on a database of its own where an installation's was meant. Started with
 * none, it refuses before anything else happens, saying which profiles there are; {@code ./mvnw spring-boot:run}
 * chooses the demo. Nor does it run the demo on an installation's database ({@code mariadb} and {@code demo} at once).
 */
class ProfileRequired implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getActiveProfiles().length == 0) {
            throw new NoProfileChosen();
        }
        // Chosen with mariadb, the demo made its users (an administrator among them, password "demo"), network and
        // plans in the installation's database, and turned the password policy off there.
        if (environment.matchesProfiles("demo & mariadb")) {
            throw new DemoOnAnInstallation();
        }
    }

    /** After the profiles from the command line, the environment and the configuration files are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class NoProfileChosen extends IllegalStateException {

        NoProfileChosen() {
            super("No profile chosen: start with --spring.profiles.active=mariadb (or SPRING_PROFILES_ACTIVE=mariadb)"
                    + " for an installation, or demo for the demo");
        }
    }

    static final class DemoOnAnInstallation extends IllegalStateException {

        DemoOnAnInstallation() {
            super("The demo profile chosen with mariadb: the demo's users would be made in the installation's "
                    + "database");
        }
    }

    /** Says it in Spring Boot's "APPLICATION FAILED TO START" form rather than as a stack trace. */
    static final class DemoAnalyzer extends AbstractFailureAnalyzer<DemoOnAnInstallation> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DemoOnAnInstallation cause) {
            return new FailureAnalysis("The demo profile is chosen with mariadb: the demo would make its users, whose"
                    + " password is \"demo\" (an administrator among them), and its network and plans in the"
                    + " installation's database, the one DB_URL names.",
                    "Choose mariadb alone for an installation (SPRING_PROFILES_ACTIVE=mariadb), or demo alone for the"
                            + " demo, on a database of its own. Then start again.",
                    cause);
        }
    }

    /** Says it in Spring Boot's "APPLICATION FAILED TO START" form rather than as a stack trace. */
    static final class Analyzer extends AbstractFailureAnalyzer<NoProfileChosen> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, NoProfileChosen cause) {
            return new FailureAnalysis("No profile was chosen, so the application cannot tell whether it is an"
                    + " installation, on the database DB_URL names, or the demo, on a database of its own with users"
                    + " whose password is \"demo\".",
                    "Choose a profile: --spring.profiles.active=mariadb (or the environment variable"
                            + " SPRING_PROFILES_ACTIVE=mariadb) with DB_URL, DB_USER, DB_PASSWORD and PUBLIC_URL"
                            + " for an installation (the README's Production section; add ldap for users from a"
                            + " directory), or --spring.profiles.active=demo for the demo.",
                    cause);
        }
    }
}
