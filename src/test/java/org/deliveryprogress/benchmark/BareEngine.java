package org.deliveryprogress.benchmark;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The floor the application is measured against: a plain Camunda engine, without Spring, plugins, authorizations or
 * any of the application's code, running bareReturn.bpmn on a database of its own on the same MariaDB server. It
 * matches the application's engine where the engine's own cost depends on it: the dialect, the history level and
 * the id generator.
 */
final class BareEngine implements AutoCloseable {

    static final String PROCESS_KEY = "bareReturn";

    private final ProcessEngine engine;
    private final HikariDataSource dataSource;
    private final JdbcTemplate applicationJdbc;
    private final String database;

    private BareEngine(ProcessEngine engine, HikariDataSource dataSource, JdbcTemplate applicationJdbc,
            String database) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.applicationJdbc = applicationJdbc;
        this.database = database;
    }

    static BareEngine beside(DataSource applicationDataSource, ProcessEngineConfigurationImpl application) {
        HikariDataSource source = (HikariDataSource) applicationDataSource;
        JdbcTemplate jdbc = new JdbcTemplate(source);
        String applicationDatabase = jdbc.queryForObject("SELECT DATABASE()", String.class);
        String database = applicationDatabase + "_bare";
        jdbc.execute("DROP DATABASE IF EXISTS `" + database + "`");
        jdbc.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");

        HikariDataSource bare = new HikariDataSource();
        bare.setJdbcUrl(source.getJdbcUrl().replace("/" + applicationDatabase, "/" + database));
        bare.setUsername(source.getUsername());
        bare.setPassword(source.getPassword());
        bare.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        bare.addDataSourceProperty("nullDatabaseMeansCurrent", "true");
        bare.setMaximumPoolSize(4);

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare");
        configuration.setDataSource(bare);
        configuration.setDatabaseType(application.getDatabaseType());
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(application.getHistory());
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("benchmark")
                .addClasspathResource("benchmark/bareReturn.bpmn").deploy();
        return new BareEngine(engine, bare, jdbc, database);
    }

    RuntimeService runtimeService() {
        return engine.getRuntimeService();
    }

    TaskService taskService() {
        return engine.getTaskService();
    }

    ManagementService managementService() {
        return engine.getManagementService();
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
        applicationJdbc.execute("DROP DATABASE IF EXISTS `" + database + "`");
    }
}
