package org.deliveryprogress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * An installation starts only with the settings it cannot do without, and says at once which are missing, before
 * anything is created in its database: the connection and the address in emails' links, which the {@code mariadb}
 * profile takes from the environment with no default, and the first administrator's password wherever their user id
 * is given (Camunda would otherwise give them their user id as password: default credentials). The address must be
 * one a mail reader opens as a link: {@code http(s)://} and a host. Checked once the context's settings are all known
 * and before any bean is made.
 */
@Component
class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final String PUBLIC_URL = "delivery-progress.public-url";
    /** Each setting a profile takes from the environment without a default, by the variable that gives it. */
    private static final Map<String, String> FROM_THE_ENVIRONMENT = Map.of(
            "spring.datasource.url", "DB_URL (the database's JDBC URL)",
            "spring.datasource.username", "DB_USER (the database user)",
            "spring.datasource.password", "DB_PASSWORD (the database user's password)",
            PUBLIC_URL, "PUBLIC_URL (where officers reach the application: emails' links start "
                    + "with it)");
    /** A database user may have no password; every other setting given empty is as good as missing. */
    private static final String MAY_BE_EMPTY = "spring.datasource.password";
    /**
     * Where Camunda's webapps and REST API are served, which Camunda lets an installation move: the application guards
     * them at these paths (Admin's setup closed and its plugins for administrators, the forms' requests, the bodies'
     * limit, the links in pages and emails), so served elsewhere they would be served unguarded.
     */
    private static final Map<String, String> FIXED_PATHS = Map.of(
            "camunda.bpm.webapp.application-path", "/camunda",
            "spring.jersey.application-path", "/engine-rest");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        List<String> missing = new ArrayList<>();
        FROM_THE_ENVIRONMENT.forEach((property, variable) -> {
            if (!given(environment, property)) {
                missing.add(variable);
            }
        });
        if (StringUtils.hasText(environment.getProperty("camunda.bpm.admin-user.id"))
                && !StringUtils.hasText(environment.getProperty("camunda.bpm.admin-user.password"))) {
            missing.add("CAMUNDA_BPM_ADMINUSER_PASSWORD (the first administrator's password, which Camunda would "
                    + "otherwise make their user id)");
        }
        List<String> moved = new ArrayList<>();
        FIXED_PATHS.forEach((property, path) -> {
            String given = environment.getProperty(property);
            if (given != null && !StringUtils.trimTrailingCharacter(given.strip(), '/').equals(path)) {
                moved.add(property + " is \"" + given + "\", where the application guards " + path);
            }
        });
        List<String> unusable = new ArrayList<>();
        if (given(environment, PUBLIC_URL) && !opensAsALink(environment.getProperty(PUBLIC_URL))) {
            unusable.add("PUBLIC_URL is \"" + environment.getProperty(PUBLIC_URL) + "\", which a mail reader does not "
                    + "open as a link: give it whole, as https://progress.example.org");
        }
        if (!missing.isEmpty() || !moved.isEmpty() || !unusable.isEmpty()) {
            throw new SettingsRefused(missing.stream().sorted().toList(), moved.stream().sorted().toList(), unusable);
        }
    }

    /** An absolute http or https address with a host, as every email's links begin with it. */
    private static boolean opensAsALink(String url) {
        if (url == null) {
            return true;
        }
        try {
            URI uri = new URI(url.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && StringUtils.hasText(uri.getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether a setting has a value or none at all; not one that names a variable that is not set, nor one set empty
     * (PUBLIC_URL empty made every email's link a path alone, which no mail reader opens).
     */
    private static boolean given(Environment environment, String property) {
        try {
            String value = environment.getProperty(property);
            return value == null || StringUtils.hasText(value) || property.equals(MAY_BE_EMPTY);
        } catch (IllegalArgumentException unresolvable) {
            return false;
        }
    }

    static final class SettingsRefused extends IllegalStateException {

        private final List<String> missing;
        private final List<String> moved;
        private final List<String> unusable;

        SettingsRefused(List<String> missing, List<String> moved, List<String> unusable) {
            super(Stream.of(missing.isEmpty() ? null : "Settings missing: " + String.join("; ", missing),
                    moved.isEmpty() ? null : "Paths moved: " + String.join("; ", moved),
                    unusable.isEmpty() ? null : "Settings unusable: " + String.join("; ", unusable))
                    .filter(Objects::nonNull).collect(Collectors.joining(". ")));
            this.missing = missing;
            this.moved = moved;
            this.unusable = unusable;
        }
    }

    /** Says it in Spring Boot's "APPLICATION FAILED TO START" form rather than as a stack trace. */
    static final class Analyzer extends AbstractFailureAnalyzer<SettingsRefused> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, SettingsRefused cause) {
            String notSet = cause.missing.isEmpty() ? ""
                    : "Settings the installation cannot do without are not set: " + String.join("; ", cause.missing)
                            + ". ";
            String moved = cause.moved.isEmpty() ? ""
                    : "Camunda's webapps or REST API are moved from where the application guards them: "
                            + String.join("; ", cause.moved) + ". ";
            String unusable = cause.unusable.isEmpty() ? "" : String.join("; ", cause.unusable) + ". ";
            return new FailureAnalysis((notSet + moved + unusable).strip(), (cause.missing.isEmpty() ? ""
                    : "Set them in the environment (see the README's Production section). ") + (cause.moved.isEmpty()
                            ? "" : "Leave those paths unset. ") + (cause.unusable.isEmpty() ? ""
                                    : "Correct them in the environment. ") + "Then start again.", cause);
        }
    }
}
