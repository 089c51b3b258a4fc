package org.deliveryprogress.web;

import java.io.IOException;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An API address that cannot be read as one: it percent-encodes what needs no encoding
 * ({@link PercentEncodedPathRefusal}), or holds what Spring Security's firewall refuses (an encoded slash, backslash
 * or percent sign, a ';', a doubled '/', a '..'). It is answered 400 with problem details saying how to write it, as
 * the API's other refusals are: until 7 December 2026 in plain text, or on the error page ({@code /api/plans/CC%2FNI1},
 * which Tomcat refused before any filter). A page's address is refused as before.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableApiAddresses {

    private static final String HOW_TO_WRITE = "write each part of the path as itself, such as /api/plans/CC-NI1: "
            + "no percent-encoded letter, digit, '-', '.', '_', '~', '/', '\\' or '%', no ';', no doubled '/' and no "
            + "'..'. The API's addresses are listed in its description (/swagger-ui.html).";

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, ObjectMapper json)
            throws IOException {
        ProblemResponse.send(request, response, json, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The address " + request.getRequestURI() + " cannot be read: " + HOW_TO_WRITE));
    }

    /** Spring Security's firewall takes the application's handler of its refusals when there is one. */
    @Bean
    RequestRejectedHandler apiAddressesRefusedAsProblems(ObjectMapper json) {
        RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (isApi(request)) {
                refuse(request, response, json);
            } else {
                pages.handle(request, response, rejected);
            }
        };
    }

    /**
     * Tomcat refuses an encoded slash itself by default, before any filter, answered by the error page; passed through,
     * it reaches the firewall, which refuses it as everywhere else.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> connector
                .setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
