package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same new plans imported twice at once, as a double click on Import or two managers send them: the second to
 * insert a plan met the first's in the plans' unique key, and was a 500 with an ERROR and its stack in the log.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("The same plans imported twice at once")
class ImportedTwiceAtOnceTest {

    private static final int PLANS = 50;
    private static final String CONFLICT = "Another import of these plans has just finished, so nothing of this one "
            + "was imported: import the files again to see what they change.";

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private Network network;
    private byte[] plansFile;

    @BeforeEach
    void newNetwork() {
        network = testNetworks.create(0).network();
        StringBuilder file = new StringBuilder("reference,title,lead_officer,judging_officer,data_entry_officer,"
                + "agency,partnership_group,priority,theme,contact\n");
        for (int plan = 1; plan <= PLANS; plan++) {
            file.append(network.getCode()).append("-PAR-").append(plan).append(",Plan ").append(plan)
                    .append(",lead,judge,clerk,,,,,\n");
        }
        plansFile = file.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("through the API: one imports the plans, the other is a 409 saying to import again, with nothing of "
            + "it stored and no ERROR in the log")
    void throughTheApi(CapturedOutput log) throws Exception {
        Http http = new Http(port);

        List<Reply> replies = atOnce(() -> http.upload("manager", "/api/networks/{code}/import",
                Map.of("plans", plansFile), network.getCode()));

        assertThat(replies).extracting(Reply::status).as(replies.get(0).body() + " / " + replies.get(1).body())
                .containsExactlyInAnyOrder(200, 409);
        Reply imported = replies.stream().filter(reply -> reply.status() == 200).findFirst().orElseThrow();
        assertThat(imported.json().at("/plans/created").asInt()).isEqualTo(PLANS);
        Reply refused = replies.stream().filter(reply -> reply.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("detail").asText()).isEqualTo(CONFLICT);
        assertStoredOnceWithoutError(log);
    }

    @Test
    @DisplayName("through the network page's form: one is imported, the other is told beside the form to import "
            + "again")
    void throughTheNetworkPage(CapturedOutput log) throws Exception {
        WebSession manager = WebSession.signedInToPages(port, "manager");
        String networkPage = "/networks/" + network.getCode();
        String token = WebSession.csrfTokenIn(manager.get(networkPage).body());

        List<Page> answers = atOnce(() -> manager.postMultipart(networkPage, networkPage + "/import",
                Map.of("_csrf", token), Map.of("plans", plansFile)));

        assertThat(answers).extracting(Page::status).containsExactly(302, 302);
        // Each answer's words wait in the session for the next page shown, the network's.
        List<String> pages = answers.stream()
                .map(answer -> manager.follow(answer).body())
                .toList();
        assertThat(pages).filteredOn(page -> page.contains("Imported.")).hasSize(1);
        assertThat(pages).filteredOn(page -> page.contains("Nothing was imported.")).singleElement()
                .satisfies(page -> assertThat(page).contains(CONFLICT));
        assertStoredOnceWithoutError(log);
    }

    /**
     * Both requests sent while the test holds the network's row: each reads the register, finds the plans missing, and
     * waits at its first plan's insert (whose foreign key reads the network's row), so that both insert the same plans.
     */
    private <T> List<T> atOnce(Supplier<T> request) throws Exception {
        List<CompletableFuture<T>> sent;
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeQuery("SELECT id FROM network WHERE id = " + network.getId() + " FOR UPDATE")
                        .close();
            }
            // Threads of their own: the common pool runs one task at a time on two cores.
            sent = List.of(CompletableFuture.supplyAsync(request, senders), CompletableFuture.supplyAsync(request,
                    senders));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (waitingToInsert() < 2 && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            assertThat(waitingToInsert()).as("both imports waiting at their first plan's insert").isEqualTo(2);
            holder.commit();
            return List.of(sent.get(0).get(60, TimeUnit.SECONDS), sent.get(1).get(60, TimeUnit.SECONDS));
        } finally {
            senders.shutdownNow();
        }
    }

    private void assertStoredOnceWithoutError(CapturedOutput log) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_plan WHERE network_id = ?", Integer.class,
                network.getId())).as("the plans, stored once").isEqualTo(PLANS);
        assertThat(log.getOut()).as("no ERROR, nor the exception's stack").doesNotContain("ERROR")
                .doesNotContain("DataIntegrityViolationException");
    }

    /**
     * How many statements insert a plan: the two imports, once both wait at their first. INNODB_TRX did not list
     * these waits as LOCK WAIT.
     */
    private int waitingToInsert() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' "
                + "AND INFO LIKE 'insert into delivery_plan %'", Integer.class);
    }
}
