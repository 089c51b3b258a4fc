package org.deliveryprogress.database;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Nodes started at once on one database take turns to set it up. Each step of the set-up looks first and then
 * creates: Camunda's schema update creates its tables when it finds none, Flyway migrates from the versions it finds,
 * the engine deploys the processes it finds changed, and the application's start-up (Tasklist filters and grants,
 * the demo data) makes what is missing. Two nodes doing any of these at once both find nothing and both create it,
 * and one fails on a table that exists or a duplicate key, or both succeed and a filter exists twice. So Flyway and
 * the engine are made after the {@link StartupLock}, which is held until the application is ready: one node sets the
 * database up while the others wait, and each of them then finds it done.
 */
@Configuration(proxyBeanMethods = false)
class StartupTurns {

    @Bean(initMethod = "acquire", destroyMethod = "release")
    StartupLock startupLock(HikariDataSource dataSource,
            @Value("${delivery-progress.startup-lock.timeout}") Duration timeout) {
        return new StartupLock(dataSource, timeout);
    }

    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor flywayAfterStartupLock() {
        return new AbstractDependsOnBeanFactoryPostProcessor(Flyway.class, StartupLock.class) {
        };
    }

    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor engineAfterStartupLock() {
        return new AbstractDependsOnBeanFactoryPostProcessor(ProcessEngine.class, ProcessEngineFactoryBean.class,
                StartupLock.class) {
        };
    }
}
