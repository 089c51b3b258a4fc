package org.deliveryprogress.benchmark;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.Date;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.deliveryprogress.cycles.CycleDeadlines;
import org.deliveryprogress.database.EngineIndexes;
import org.deliveryprogress.plans.DeliveryPlan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The floor the application is measured against: a plain Camunda engine, without Spring, plugins, authorizations or
 * any of the application's code, running bareReturn.bpmn (and bareCycle.bpmn) on a database of its own on the same
 * MariaDB server. It matches the application's engine where the engine's own cost depends on it: the dialect, the
 * history level, the id generator, the connection pool's size and, when it is on, the job executor's settings. A
 * second floor is the same engine with authorizations on ({@link #authorizedBeside}).
 */
final class BareEngine implements AutoCloseable {

    static final String PROCESS_KEY = "bareReturn";
    static final String CYCLE_PROCESS_KEY = "bareCycle";
    /** bareCycle's close time, a date. */
    static final String CLOSE_AT = "closeAt";

    private final ProcessEngine engine;
    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate applicationJdbc;
    private final String database;

    private BareEngine(ProcessEngine engine, HikariDataSource dataSource, JdbcTemplate applicationJdbc,
            String database) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.applicationJdbc = applicationJdbc;
        this.database = database;
    }

    /**
     * With no job executor: whoever uses it runs the jobs. {@code beans} are what its processes' expressions name.
     */
    static BareEngine beside(DataSource applicationDataSource, ProcessEngineConfigurationImpl application,
            Map<Object, Object> beans) {
        return beside(applicationDataSource, application, beans, false, false);
    }

    /**
     * As {@link #beside}, with Camunda's authorization checks on as the application has them (no revoke
     * authorizations; an assignee's and a candidate's permission TASK_WORK): what the engine itself costs a signed-in
     * officer, its check of their right to complete the task, its grants on each new task, their delete with the task
     * and its user operation log, without any of the application's code.
     * Its database is {@code <database>_authorized}.
     */
    static BareEngine authorizedBeside(DataSource applicationDataSource, ProcessEngineConfigurationImpl application,
            Map<Object, Object> beans) {
        return beside(applicationDataSource, application, beans, false, true);
    }

    /**
     * With a job executor of its own, started at once, set up as the application's (camunda.bpm.job-execution):
     * the same threads, queue and acquisition. {@code beans} are what its processes' expressions name.
     */
    static BareEngine withJobExecutor(DataSource applicationDataSource, ProcessEngineConfigurationImpl application,
            Map<Object, Object> beans) {
        return beside(applicationDataSource, application, beans, true, false);
    }

    /** {@link #withJobExecutor}, with authorizations on as {@link #authorizedBeside} has them. */
    static BareEngine authorizedWithJobExecutor(DataSource applicationDataSource,
            ProcessEngineConfigurationImpl application, Map<Object, Object> beans) {
        return beside(applicationDataSource, application, beans, true, true);
    }

    private static BareEngine beside(DataSource applicationDataSource, ProcessEngineConfigurationImpl application,
            Map<Object, Object> beans, boolean jobExecutor, boolean authorized) {
        HikariDataSource source = (HikariDataSource) applicationDataSource;
        JdbcTemplate jdbc = new JdbcTemplate(source);
        String applicationDatabase = jdbc.queryForObject("SELECT DATABASE()", String.class);
        String name = authorized ? "authorized" : "bare";
        String database = applicationDatabase + "_" + name;
        jdbc.execute("DROP DATABASE IF EXISTS `" + database + "`");
        jdbc.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");

        HikariDataSource bare = new HikariDataSource();
        bare.setJdbcUrl(source.getJdbcUrl().replace("/" + applicationDatabase, "/" + database));
        bare.setUsername(source.getUsername());
        bare.setPassword(source.getPassword());
        bare.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        bare.addDataSourceProperty("nullDatabaseMeansCurrent", "true");
        // As many connections as the application's: with the job executor on, its threads would otherwise wait for one.
        bare.setMaximumPoolSize(source.getMaximumPoolSize());

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setDataSource(bare);
        configuration.setDatabaseType(application.getDatabaseType());
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(application.getHistory());
        configuration.setIdGenerator(new StrongUuidGenerator());
        // The index the application adds to Camunda's schema: the floor measures the engine as the application has it.
        configuration.getProcessEnginePlugins().add(new EngineIndexes());
        configuration.setBeans(beans);
        if (jobExecutor) {
            configuration.setJobExecutor(jobExecutorLike(application.getJobExecutor()));
        }
        configuration.setJobExecutorActivate(jobExecutor);
        if (authorized) {
            configuration.setAuthorizationEnabled(true);
            configuration.setAuthorizationCheckRevokes(application.getAuthorizationCheckRevokes());
            configuration.setDefaultUserPermissionNameForTask(application.getDefaultUserPermissionNameForTask());
        }
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("benchmark")
                .addClasspathResource("benchmark/bareReturn.bpmn")
                .addClasspathResource("benchmark/bareCycle.bpmn").deploy();
        return new BareEngine(engine, bare, jdbc, database);
    }

    /**
     * The application's job executor, when on, runs its jobs on Spring's thread pool (camunda.bpm.job-execution's
     * core and maximum threads and queue); the bare engine's runs them on a pool of its own of the same sizes.
     */
    private static JobExecutor jobExecutorLike(JobExecutor application) {
        if (!(application instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool)) {
            throw new IllegalStateException("The application's job executor is off (camunda.bpm.job-execution.enabled)"
                    + ": there are no settings to copy, " + application);
        }
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setCorePoolSize(pool.getCorePoolSize());
        executor.setMaxPoolSize(pool.getMaxPoolSize());
        executor.setQueueSize(pool.getQueueCapacity());
        executor.setMaxJobsPerAcquisition(application.getMaxJobsPerAcquisition());
        executor.setLockTimeInMillis(application.getLockTimeInMillis());
        executor.setWaitTimeInMillis(application.getWaitTimeInMillis());
        executor.setMaxWait(application.getMaxWait());
        executor.setWaitIncreaseFactor(application.getWaitIncreaseFactor());
        executor.setBackoffTimeInMillis(application.getBackoffTimeInMillis());
        executor.setMaxBackoff(application.getMaxBackoff());
        executor.setBackoffDecreaseThreshold(application.getBackoffDecreaseThreshold());
        return executor;
    }

    /** The same variables as the application's returns, with the same kinds of values, for the {@code i}th plan. */
    static VariableMap returnVariables(int i, DeliveryPlan plan, CycleDeadlines deadlines) {
        return Variables.createVariables()
                .putValue(RETURN_ID, (long) i)
                .putValue(CYCLE_ID, cycleIdOf(i))
                .putValue(PLAN_LABEL, plan.getReference() + " " + plan.getTitle())
                .putValue(LEAD_OFFICER, plan.getLeadOfficer())
                .putValue(JUDGING_OFFICER, plan.getJudgingOfficer())
                .putValue(DATA_ENTRY_OFFICER, plan.getDataEntryOfficer())
                .putValue(NETWORK_MANAGER_GROUP, plan.getNetwork().getManagerGroup())
                .putValue(UPDATE_DUE_AT, Date.from(deadlines.updatesDue()))
                .putValue(JUDGEMENT_DUE_AT, Date.from(deadlines.judgementsDue()))
                .putValue(REMEDIAL_PROPOSAL_DUE_AT, Date.from(deadlines.proposalsDue()))
                .putValue(REMEDIAL_AGREEMENT_DUE_AT, Date.from(deadlines.agreementsDue()));
    }

    /** The id of the bare cycle the {@code i}th plan's return is of: its area's. */
    static long cycleIdOf(int i) {
        return i / NationalScenario.PLANS_PER_AREA;
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

    IdentityService identityService() {
        return engine.getIdentityService();
    }

    HistoryService historyService() {
        return engine.getHistoryService();
    }

    /** Its job executor's threads, queue and acquisition, in words. */
    String jobExecutorSettings() {
        DefaultJobExecutor executor = (DefaultJobExecutor) ((ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).getJobExecutor();
        return executor.getCorePoolSize() + " to " + executor.getMaxPoolSize() + " threads, queue of "
                + executor.getQueueSize() + ", " + executor.getMaxJobsPerAcquisition() + " jobs per acquisition, lock "
                + executor.getLockTimeInMillis() + " ms, idle wait " + executor.getWaitTimeInMillis() + " ms up to "
                + executor.getMaxWait() + " ms";
    }

    /** Its own database, for reading it as the benchmark watches the work. */
    JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
        applicationJdbc.execute("DROP DATABASE IF EXISTS `" + database + "`");
    }
}
