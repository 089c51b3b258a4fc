package org.deliveryprogress.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's filters that its webapps' API and pages are meant to have, as its REST API has them: an empty JSON body
 * read as an empty object, and answers to a GET not kept by the browser.
 */
@ApplicationTest
@DisplayName("The webapps' API and pages, filtered as Camunda's REST API is")
class WebappsFiltersTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("a request with an empty JSON body is answered as one with an empty object, not with a 500")
    void anEmptyJsonBodyIsAnEmptyObject() {
        WebSession lead = WebSession.signedInToTasklist(port, "lead");

        Page empty = lead.postJson("/camunda/api/engine/engine/default/task/count", "");

        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.body()).isEqualTo(lead.postJson("/camunda/api/engine/engine/default/task/count", "{}").body());
    }

    @Test
    @DisplayName("what a signed-in officer reads, through the API or as a page, is not kept by the browser for later")
    void answersToAGetAreNotCached() {
        WebSession lead = WebSession.signedInToTasklist(port, "lead");

        assertThat(lead.camundaApi("GET", "/task", null).header("Cache-Control")).contains("no-cache");
        assertThat(lead.get("/camunda/app/tasklist/default/").header("Cache-Control")).contains("no-cache");
    }
}
