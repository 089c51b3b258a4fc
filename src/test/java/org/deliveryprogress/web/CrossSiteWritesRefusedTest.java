package org.deliveryprogress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.support.Http;
import org.deliveryprogress.support.TestNetworks;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser sends the user and password it was once asked for with every later request to the application, a form
 * posted from another site's page included: the APIs refuse what such a request would change.
 */
@ApplicationTest
@DisplayName("A request from another site's page")
class CrossSiteWritesRefusedTest {

    private static final String AS_A_FORM = "application/x-www-form-urlencoded";
    private static final Map<String, String> FROM_ANOTHER_SITE = Map.of("Origin", WebSession.ANOTHER_SITE,
            "Sec-Fetch-Site", "cross-site");

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    DeliveryPlanRepository plans;
    @Autowired
    RepositoryService repository;

    @Test
    @DisplayName("retires no plan with the manager's password, whether the browser says where it comes from in "
            + "Sec-Fetch-Site or only in its Origin, and says why in problem details")
    void retiresNoPlan() throws Exception {
        String plan = networks.create(1).plan().getReference();

        for (Map<String, String> fromAnotherSite : List.of(FROM_ANOTHER_SITE,
                Map.of("Origin", WebSession.ANOTHER_SITE), Map.of("Origin", "null"))) {
            HttpResponse<String> refused = post("manager", "/api/plans/" + plan + "/retire", AS_A_FORM, "x=1",
                    fromAnotherSite);

            assertThat(refused.statusCode()).as(fromAnotherSite.toString()).isEqualTo(403);
            JsonNode problem = new ObjectMapper().readTree(refused.body());
            assertThat(problem.path("detail").asText()).isEqualTo(CrossSiteWritesRefused.REFUSAL);
            assertThat(plans.findByReference(plan).orElseThrow().isActive()).as(fromAnotherSite.toString()).isTrue();
        }
    }

    @Test
    @DisplayName("from the application's own pages (Swagger UI) or from a program, changes what it asks to")
    void fromTheApplicationsOwnPagesOrAProgramChanges() throws Exception {
        String plan = networks.create(1).plan().getReference();

        HttpResponse<String> retired = post("manager", "/api/plans/" + plan + "/retire", AS_A_FORM, "",
                Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"));
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertThat(plans.findByReference(plan).orElseThrow().isActive()).isFalse();

        HttpResponse<String> reinstated = post("manager", "/api/plans/" + plan + "/reinstate", AS_A_FORM, "",
                Map.of());
        assertThat(reinstated.statusCode()).as(reinstated.body()).isEqualTo(200);
        assertThat(plans.findByReference(plan).orElseThrow().isActive()).isTrue();
    }

    @Test
    @DisplayName("deploys nothing through Camunda's REST API with an administrator's password, though a multipart "
            + "form is what its deployment takes")
    void deploysNothing() throws Exception {
        String boundary = "from-another-site";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "Sent from another site\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; "
                + "filename=\"Process_FromAnotherSite.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"t\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"><process id=\"Process_FromAnotherSite\" "
                + "isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><startEvent id=\"Event_Started\"/>"
                + "</process></definitions>\r\n--" + boundary + "--\r\n";

        HttpResponse<String> refused = post("demo", "/engine-rest/deployment/create",
                "multipart/form-data; boundary=" + boundary, body, FROM_ANOTHER_SITE);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().deploymentName("Sent from another site").count()).isZero();
    }

    @Test
    @DisplayName("to the webapps' API leaves the officer signed in, where Camunda ends the session of a post without "
            + "its CSRF token")
    void leavesTheOfficerSignedIn() {
        WebSession lead = WebSession.signedInToTasklist(port, "lead");

        Page refused = lead.camundaApiFromAnotherSite("POST", "/task/count", "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(lead.camundaApi("GET", "/task?assignee=lead", null).status()).isEqualTo(200);
    }

    private HttpResponse<String> post(String user, String path, String contentType, String body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + Http.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
