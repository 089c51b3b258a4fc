package org.deliveryprogress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.deliveryprogress.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;

/**
 * A real outage, without stopping the shared test database: a pool of its own, and an engine of its own on it, reach
 * the test's MariaDB through a relay that the test cuts (open connections dropped, new ones refused) for three times
 * the pool's wait, or freezes (connections open, nothing passing), then restores. The failures are the real ones,
 * from Spring, the pool and the engine; they reach the application's filter as a request's would, through servlet
 * objects of Spring's test kit rather than the application's routes, none of which can be pointed at a database that
 * fails.
 */
@ApplicationTest
@DisplayName("A database that cannot be reached")
class DatabaseOutageTest {

    /** The pool's wait for a connection: 30 s in the application, 1 s here so that the outage takes seconds. */
    private static final Duration POOL_WAIT = Duration.ofSeconds(1);
    /** How long a statement waits for an answer: 60 s in the application, 2 s here. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);

    @Autowired
    HikariDataSource applicationPool;
    @Autowired
    @Qualifier("databaseOutageAnsweredTryAgain")
    FilterRegistrationBean<?> outageFilter;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    @DisplayName("is answered 503 with Retry-After, as a problem detail to the API and a page to browsers, whoever"
            + " wrapped the failure; once it answers again the same pool and engine serve, with no restart")
    void isAnsweredTryAgainAndRecoveredFrom() throws Exception {
        Matcher address = Pattern.compile("jdbc:mariadb://([^:/]+):(\\d+)/(\\w+)")
                .matcher(applicationPool.getJdbcUrl());
        assertThat(address.find()).isTrue();
        try (Relay relay = new Relay(address.group(1), Integer.parseInt(address.group(2)));
                HikariDataSource pool = pool("jdbc:mariadb://127.0.0.1:" + relay.port() + "/" + address.group(3))) {
            ProcessEngine engine = engineOn(pool);
            try {
                JdbcTemplate jdbc = new JdbcTemplate(pool);
                TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
                assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
                long processes = engine.getRepositoryService().createProcessDefinitionQuery().count();

                relay.cut();
                long cutAt = System.nanoTime();

                RuntimeException openingATransaction = failure(() -> transaction.execute(status -> 1));
                assertThat(openingATransaction).isInstanceOf(CannotCreateTransactionException.class);
                assertApiAnswer(answer("/api/plans", MediaType.APPLICATION_JSON_VALUE, openingATransaction));

                RuntimeException query = failure(() -> jdbc.queryForObject("SELECT 1", Integer.class));
                assertThat(query).isInstanceOf(DataAccessResourceFailureException.class);
                MockHttpServletResponse page = answer("/plans", "text/html,application/xhtml+xml,*/*;q=0.8",
                        new ServletException("Request processing failed", query));
                assertThat(page.getStatus()).isEqualTo(503);
                assertThat(page.getHeader("Retry-After")).isEqualTo("30");
                assertThat(page.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
                assertThat(page.getContentAsString()).contains("<h1>Try again in a minute</h1>",
                        "The database cannot be reached just now");

                RuntimeException engineQuery = failure(() -> engine.getRuntimeService().createIncidentQuery().count());
                assertThat(engineQuery).isInstanceOf(ProcessEngineException.class);
                assertApiAnswer(answer("/engine-rest/incident/count", "application/json", engineQuery));

                while (Duration.ofNanos(System.nanoTime() - cutAt).compareTo(POOL_WAIT.multipliedBy(3)) < 0) {
                    assertThat(failure(() -> jdbc.queryForObject("SELECT 1", Integer.class))).isNotNull();
                }
                relay.restore();

                // The pool tries to connect again at most 5 s apart (Hikari's back-off), and a request waits for it.
                long restoredAt = System.nanoTime();
                while (!answers(jdbc)) {
                    assertThat(Duration.ofNanos(System.nanoTime() - restoredAt)).isLessThan(Duration.ofSeconds(10));
                }
                Integer inATransaction = transaction.execute(status -> jdbc.queryForObject("SELECT 2", Integer.class));
                assertThat(inATransaction).isEqualTo(2);
                assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isEqualTo(processes);
            } finally {
                engine.close();
            }
        }
    }

    @Test
    @DisplayName("that stops answering without closing its connections fails a statement after the socket timeout,"
            + " answered 503, rather than holding its request for ever; then serves again")
    void thatFreezesIsAnsweredTryAgain() throws Exception {
        Matcher address = Pattern.compile("jdbc:mariadb://([^:/]+):(\\d+)/(\\w+)")
                .matcher(applicationPool.getJdbcUrl());
        assertThat(address.find()).isTrue();
        try (Relay relay = new Relay(address.group(1), Integer.parseInt(address.group(2)));
                HikariDataSource pool = pool("jdbc:mariadb://127.0.0.1:" + relay.port() + "/" + address.group(3))) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);

            // At once, on the connection just used: the pool hands it out without checking it first.
            relay.freeze();
            long frozenAt = System.nanoTime();
            RuntimeException query = failure(() -> jdbc.queryForObject("SELECT 1", Integer.class));
            assertThat(Duration.ofNanos(System.nanoTime() - frozenAt)).isLessThan(SOCKET_TIMEOUT.multipliedBy(3));
            assertApiAnswer(answer("/api/plans", MediaType.APPLICATION_JSON_VALUE, query));

            relay.restore();
            long restoredAt = System.nanoTime();
            while (!answers(jdbc)) {
                assertThat(Duration.ofNanos(System.nanoTime() - restoredAt)).isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    @DisplayName("is not what other failures are: they pass through the filter as they were")
    void otherFailuresPassThrough() {
        IllegalStateException notTheDatabase = new IllegalStateException("not the database",
                new java.sql.SQLSyntaxErrorException("You have an error in your SQL syntax", "42000"));
        assertThatThrownBy(() -> answer("/api/plans", MediaType.APPLICATION_JSON_VALUE, notTheDatabase))
                .isSameAs(notTheDatabase);
    }

    private void assertApiAnswer(MockHttpServletResponse answer) throws Exception {
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("30");
        assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(answer.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("title").asText()).isEqualTo("Database unavailable");
        assertThat(problem.get("detail").asText()).isEqualTo(DatabaseOutage.DETAIL);
    }

    /** What the application's filter answers a request whose handling failed with {@code failure}. */
    private MockHttpServletResponse answer(String path, String accept, Exception failure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("Accept", accept);
        MockHttpServletResponse response = new MockHttpServletResponse();
        ((Filter) outageFilter.getFilter()).doFilter(request, response, (req, res) -> {
            if (failure instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) failure;
        });
        return response;
    }

    private static boolean answers(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForObject("SELECT 1", Integer.class) == 1;
        } catch (DataAccessResourceFailureException e) {
            return false;
        }
    }

    private static RuntimeException failure(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("The database answered through a cut relay");
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toMillis()));
        pool.setJdbcUrl(url);
        pool.setUsername("root");
        pool.setPassword("");
        pool.setConnectionTimeout(POOL_WAIT.toMillis());
        pool.setMaximumPoolSize(2);
        pool.addDataSourceProperty("nullDatabaseMeansCurrent", "true");
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return pool;
    }

    /** An engine of its own on the test's database, reading what the application's engine wrote. */
    private static ProcessEngine engineOn(HikariDataSource pool) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("databaseOutage");
        configuration.setDataSource(pool);
        configuration.setDatabaseType("mysql");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        return configuration.buildProcessEngine();
    }

    /**
     * A TCP relay to the database that can be cut as a network or the server fails: the connections through it are
     * dropped and new ones closed as soon as they are made, until it is restored.
     */
    private static final class Relay implements AutoCloseable {

        private final String host;
        private final int port;
        private final ServerSocket server;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private volatile boolean cut;
        private volatile boolean frozen;

        Relay(String host, int port) throws IOException {
            this.host = host;
            this.port = port;
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        void cut() {
            cut = true;
            open.forEach(Relay::closeQuietly);
        }

        /** The connections stay open, but nothing passes through them until restored. */
        void freeze() {
            frozen = true;
        }

        void restore() {
            cut = false;
            frozen = false;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (cut) {
                        client.close();
                        continue;
                    }
                    Socket database = new Socket(host, port);
                    open.add(client);
                    open.add(database);
                    threads.execute(() -> pipe(client, database));
                    threads.execute(() -> pipe(database, client));
                } catch (IOException e) {
                    // The relay closed.
                }
            }
        }

        private void pipe(Socket from, Socket to) {
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = from.getInputStream().read(buffer)) >= 0;) {
                    while (frozen) {
                        Thread.sleep(10);
                    }
                    to.getOutputStream().write(buffer, 0, read);
                }
            } catch (IOException e) {
                // Cut, or closed at the other end.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            cut();
            threads.shutdownNow();
        }
    }
}
