package org.deliveryprogress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.deliveryprogress.engine.EngineFailuresLeftOut;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A first administrator's weak password stops the start saying which setting to change, and a weak password typed
 * later is a 400 without the engine's ERROR and its stack in the log.
 */
@DisplayName("A weak password, at the start and later")
class WeakFirstAdministratorTest {

    private static final String ENGINE_REFUSAL = PasswordPolicyRefusal.ENGINE_REFUSAL;

    @Test
    @DisplayName("stopping the start, is said in Spring Boot's form, naming CAMUNDA_BPM_ADMINUSER_PASSWORD")
    void theFirstAdministratorsWeakPasswordNamesItsSetting() throws Exception {
        BadUserRequestException refusal = new BadUserRequestException("The password does not meet the password "
                + "policy: " + PasswordPolicyRefusal.THE_POLICY_IN_WORDS + ".",
                new ProcessEngineException(ENGINE_REFUSAL));
        // As the start fails: the engine's factory bean, then the beans that needed the engine
        Throwable start = new BeanCreationException("formRequestFilterAfterCamundasFilters", "Unsatisfied dependency",
                new BeanCreationException("processEngineFactoryBean", "FactoryBean threw exception", refusal));

        FailureAnalysis analysis = new WeakFirstAdministrator().analyze(start);

        assertThat(analysis.getDescription()).startsWith("The first administrator's password, "
                + "CAMUNDA_BPM_ADMINUSER_PASSWORD").contains(PasswordPolicyRefusal.THE_POLICY_IN_WORDS);
        assertThat(analysis.getAction()).contains("CAMUNDA_BPM_ADMINUSER_PASSWORD");
        assertThat(PropertiesLoaderUtils.loadProperties(new ClassPathResource("META-INF/spring.factories"))
                .getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
                .as("registered with Spring Boot").contains(WeakFirstAdministrator.class.getName());
    }

    @Test
    @DisplayName("leaves every other failure to Spring Boot")
    void otherFailuresAreNotItsOwn() {
        assertThat(new WeakFirstAdministrator().analyze(new BeanCreationException("processEngineFactoryBean",
                "FactoryBean threw exception", new BadUserRequestException("No such user")))).isNull();
    }

    @Test
    @DisplayName("refused later, leaves the engine's ERROR out of the log, and only that")
    void theEnginesErrorForAWeakPasswordIsLeftOut() {
        WeakPasswordsOutOfTheErrorLog filter = new WeakPasswordsOutOfTheErrorLog();
        LoggerContext logback = new LoggerContext();

        assertThat(filter.decide(null, logback.getLogger(EngineFailuresLeftOut.ENGINE_COMMANDS), Level.ERROR,
                "ENGINE-16004 {}", new Object[] { ENGINE_REFUSAL, new ProcessEngineException(ENGINE_REFUSAL) }, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, logback.getLogger(EngineFailuresLeftOut.ENGINE_COMMANDS), Level.ERROR,
                "ENGINE-16004 {}", new Object[] { "down", new ProcessEngineException("Database down") }, null))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
