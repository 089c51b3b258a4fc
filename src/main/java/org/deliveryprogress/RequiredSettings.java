package org.deliveryprogress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * is given (Camunda would otherwise give them their user id as password: default credentials). Checked once the
 * context's settings are all known and before any bean is made.
 */
@Component
class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Each setting a profile takes from the environment without a default, by the variable that gives it. */
    private static final Map<String, String> FROM_THE_ENVIRONMENT = Map.of(
            "spring.datasource.url", "DB_URL (the database's JDBC URL)",
            "spring.datasource.username", "DB_USER (the database user)",
            "spring.datasource.password", "DB_PASSWORD (the database user's password)",
            "delivery-progress.public-url", "PUBLIC_URL (where officers reach the application: emails' links start "
                    + "with it)");

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
            if (!resolves(environment, property)) {
                missing.add(variable);
            }
        });
        if (StringUtils.hasText(environment.getProperty("camunda.bpm.admin-user.id"))
                && !StringUtils.hasText(environment.getProperty("camunda.bpm.admin-user.password"))) {
            missing.add("CAMUNDA_BPM_ADMINUSER_PASSWORD (the first administrator's password, which Camunda would "
                    + "otherwise make their user id)");
        }
        if (!missing.isEmpty()) {
            throw new SettingsMissing(missing.stream().sorted().toList());
        }
    }

    /** Whether a setting has a value or none at all; not one that names a variable that is not set. */
    private static boolean resolves(Environment environment, String property) {
        try {
            environment.getProperty(property);
            return true;
        } catch (IllegalArgumentException unresolvable) {
            return false;
        }
    }

    static final class SettingsMissing extends IllegalStateException {

        private final List<String> missing;

        SettingsMissing(List<String> missing) {
            super("Settings missing: " + String.join("; ", missing));
            this.missing = missing;
        }
    }

    /** Says it in Spring Boot's "APPLICATION FAILED TO START" form rather than as a stack trace. */
    static final class Analyzer extends AbstractFailureAnalyzer<SettingsMissing> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, SettingsMissing cause) {
            return new FailureAnalysis("Settings the installation cannot do without are not set: "
                    + String.join("; ", cause.missing) + ".",
                    "Set them in the environment (see the README's Production section) and start again.", cause);
        }
    }
}
