package org.deliveryprogress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

@DisplayName("The page a form was sent from")
class PageSentFromTest {

    @ParameterizedTest(name = "Referer {0} → {1}")
    @CsvSource(nullValues = "none", value = {
            "https://progress.example/networks/SCN?imported, /networks/SCN?imported",
            "http://localhost:8080/plans/CC-NI1,             /plans/CC-NI1",
            "none,                                           none",
            "https://progress.example,                       none",
            "https://progress.example//elsewhere.example/x,  none",
            "not an address with spaces,                     none" })
    @DisplayName("is the path and query of a Referer on this application, and nothing for any other")
    void isTheReferersPathOnThisApplication(String referer, String page) {
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/networks/SCN/import");
        if (referer != null) {
            form.addHeader("Referer", referer);
        }
        assertThat(PageSentFrom.of(form).map(sentFrom -> sentFrom.getRawPath()
                + (sentFrom.getRawQuery() == null ? "" : "?" + sentFrom.getRawQuery()))).isEqualTo(
                        Optional.ofNullable(page));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "https://progress.example/other-app/plans", "https://progress.example/progress-app/plans" })
    @DisplayName("under a context path, is a page under it only")
    void underAContextPath(String referer) {
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/progress/networks/SCN/import");
        form.setContextPath("/progress");
        form.addHeader("Referer", referer);
        assertThat(PageSentFrom.of(form)).isEmpty();
        form.removeHeader("Referer");
        form.addHeader("Referer", "https://progress.example/progress/plans");
        assertThat(PageSentFrom.of(form)).map(URI::getRawPath).contains("/progress/plans");
    }
}
