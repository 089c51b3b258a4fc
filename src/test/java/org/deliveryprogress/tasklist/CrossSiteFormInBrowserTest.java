package org.deliveryprogress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.support.TestNetworks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.sun.net.httpserver.HttpServer;

/**
 * A manager's Chromium, once asked for their user and password by the API, sends them with every later request to
 * the application: a form on another site's page (here served from 127.0.0.1, another origin than localhost) posts
 * to the API as the manager.
 */
@ApplicationTest
@ExtendWith(ChromiumInstalled.class)
@DisplayName("A form on another site's page, in the manager's browser")
class CrossSiteFormInBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestNetworks networks;
    @Autowired
    DeliveryPlanRepository plans;

    @Test
    @DisplayName("retires no plan, though the browser sends the manager's password with it, while the API's own "
            + "pages still change what they ask to in the same browser")
    void retiresNoPlan() throws IOException {
        String plan = networks.create(1).plan().getReference();
        String retire = "http://localhost:" + port + "/api/plans/" + plan + "/retire";
        HttpServer anotherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        anotherSite.createContext("/", exchange -> {
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><title>Another site</title><body onload=\"document"
                    + ".forms[0].submit()\"><form method=\"post\" action=\"" + retire + "\"><input name=\"x\" "
                    + "value=\"1\"></form></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        anotherSite.start();
        try (Browser browser = new Browser(getClass().getSimpleName())) {
            browser.open("http://manager:demo@localhost:" + port + "/api/me");
            browser.await("the API's answer to the manager", driver -> browser.find(By.tagName("body")).getText()
                    .contains("\"manager\""));

            browser.open("http://127.0.0.1:" + anotherSite.getAddress().getPort() + "/");
            String answer = browser.await("the API's answer to the form", driver -> driver.getCurrentUrl()
                    .equals(retire) ? browser.find(By.tagName("body")).getText() : null);
            browser.screenshot("refused");

            assertThat(answer).contains("A request from another site's page may not change anything here");
            assertThat(plans.findByReference(plan).orElseThrow().isActive()).isTrue();

            browser.open("http://localhost:" + port + "/api/me");
            Long status = browser.script("return fetch(arguments[0], {method: 'POST'}).then(answer => answer.status)",
                    retire);
            assertThat(status).as("the same post from the application's own page").isEqualTo(200);
            assertThat(plans.findByReference(plan).orElseThrow().isActive()).isFalse();
        } finally {
            anotherSite.stop(0);
        }
    }
}
