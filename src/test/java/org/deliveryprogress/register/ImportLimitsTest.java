package org.deliveryprogress.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.support.HostileWorkbooks;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.Http.Reply;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files far larger than a register, under the upload's limit: a 10 MB workbook that unzipped to 9 GB took the server's
 * memory and the server with it, and a 19 MB CSV file of mistakes took minutes to answer.
 */
@ApplicationTest
@DisplayName("Files far larger than a register")
class ImportLimitsTest {

    private static final String UNZIPS_TOO_FAR = "plans, line 1: the workbook unzips to more than 50 MB, the most an "
            + "import reads, and far more than a register's workbook: check that it is the right file, or save its "
            + "first sheet alone as CSV UTF-8";

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks testNetworks;
    @Autowired
    JdbcTemplate jdbc;

    private Network network;

    @BeforeEach
    void newNetwork() {
        network = testNetworks.create(0).network();
    }

    @Test
    @DisplayName("A workbook that unzips far past what an import reads (a zip bomb) is a 400 saying the limit, at "
            + "once, with nothing stored")
    void aZipBombIsRefusedSayingTheLimit() {
        byte[] bomb = HostileWorkbooks.unzippingPast(50L * 1024 * 1024);

        long sent = System.nanoTime();
        Reply refused = new Http(port).upload("manager", "/api/networks/{code}/import", Map.of("plans", bomb),
                network.getCode());
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - sent);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.json().get("title").asText()).isEqualTo("Import rejected");
        assertThat(refused.json().get("detail").asText()).isEqualTo("1 mistake found: nothing was imported");
        assertThat(refused.json().at("/problems/0").asText()).isEqualTo(UNZIPS_TOO_FAR);
        assertThat(answeredIn).as("answered at once, not after reading the rows").isLessThan(Duration.ofSeconds(10));
        assertNothingStored();
    }

    @Test
    @DisplayName("The network page's form says the same beside the form")
    void aZipBombOnTheNetworkPageIsRefusedInTheSameWords() {
        WebSession manager = WebSession.signedInToPages(port, "manager");
        String page = "/networks/" + network.getCode();
        String token = WebSession.csrfTokenIn(manager.get(page).body());

        Page refused = manager.postMultipart(page, page + "/import", Map.of("_csrf", token),
                Map.of("plans", HostileWorkbooks.unzippingPast(50L * 1024 * 1024)));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(manager.follow(refused).body())
                .contains("1 mistake found: nothing was imported", UNZIPS_TOO_FAR.replace("'", "&#39;"));
        assertNothingStored();
    }

    @Test
    @DisplayName("A CSV file of mistakes with more rows than an import reads is refused at the row past the limit, "
            + "at once")
    void aCsvFileOfTooManyRowsIsRefusedAtTheLimit() {
        StringBuilder file = new StringBuilder("reference,title,lead_officer,judging_officer,data_entry_officer,"
                + "agency,partnership_group,priority,theme,contact\n");
        for (int row = 1; row <= 200_000; row++) {
            file.append("P-").append(row).append(",Plan,nobody,nobody,nobody,,,,,\n");
        }

        long sent = System.nanoTime();
        Reply refused = new Http(port).upload("manager", "/api/networks/{code}/import",
                Map.of("plans", file.toString().getBytes(StandardCharsets.UTF_8)), network.getCode());
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - sent);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().at("/problems/0").asText()).isEqualTo("plans, line 50002: the file has more than "
                + "50,000 rows under its header, the most an import reads, and far more than a register holds: check "
                + "that it is the right file, or import it in parts");
        assertThat(answeredIn).as("answered at once, not after checking every row").isLessThan(Duration.ofSeconds(10));
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_plan WHERE network_id = ?", Integer.class,
                network.getId())).as("plans stored").isZero();
    }
}
