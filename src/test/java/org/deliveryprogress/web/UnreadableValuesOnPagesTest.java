package org.deliveryprogress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deliveryprogress.support.WebSession.signedInToPages;

import java.util.Map;

import org.deliveryprogress.ApplicationTest;
import org.deliveryprogress.support.WebSession;
import org.deliveryprogress.support.WebSession.Page;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * A page's form field or address part that is not of its kind is refused saying which, what was sent and what it must
 * be: the error page showed Spring's conversion failure, naming Java's types ("Failed to convert value of type
 * 'java.lang.String' to required type 'int'").
 */
@ApplicationTest
@DisplayName("Unreadable values on the pages")
class UnreadableValuesOnPagesTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("A number of days that is not a whole number, as Chromium sends 10.0 from a number box, is refused "
            + "naming the field")
    void aNetworksNumberOfDaysThatIsNotAWholeNumberIsRefusedNamingTheField() {
        WebSession demo = signedInToPages(port, "demo");
        String token = WebSession.csrfTokenIn(demo.get("/networks/HWB").body());

        Page refused = demo.postForm("/networks/HWB", Map.ofEntries(Map.entry("_csrf", token),
                Map.entry("name", "Health and Wellbeing Network"), Map.entry("region", "ENGLAND_AND_WALES"),
                Map.entry("openDaysBefore", "20"), Map.entry("updatesDueDaysBefore", "10.0"),
                Map.entry("judgementsDueDaysBefore", "7"), Map.entry("proposalsDueDaysBefore", "5"),
                Map.entry("agreementsDueDaysBefore", "4"), Map.entry("closeDaysBefore", "2"),
                Map.entry("reminderDaysBeforeDue", "3"), Map.entry("reminderEveryDaysOverdue", "2")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Updates due days before is '10.0', not a whole number.")
                .doesNotContain("java.", "Failed to convert");
    }

    @Test
    @DisplayName("An address whose pack version or meeting day is mistyped is refused saying what it must be")
    void anAddressWithAMistypedVersionOrDayIsRefusedSayingWhatItMustBe() {
        WebSession manager = signedInToPages(port, "manager");

        Page version = manager.get("/packs/SCN-2026-09-28/versions/first");
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.body()).contains("Version is 'first', not a whole number.")
                .doesNotContain("java.", "Failed to convert");
        Page versionInABrowser = manager.getPage("/packs/SCN-2026-09-28/versions/first");
        assertThat(versionInABrowser.body()).as("a refusal, headed as one, not as a failure")
                .contains("<h1>Not done: see why below</h1>", HtmlUtils.htmlEscape("Version is 'first'"))
                .doesNotContain("Something went wrong");

        String token = WebSession.csrfTokenIn(manager.get("/networks/SCN").body());
        Page day = manager.postForm("/networks/SCN/meetings/2026-13-45/remove", Map.of("_csrf", token));
        assertThat(day.status()).isEqualTo(400);
        assertThat(day.body()).contains("Date is '2026-13-45', not a date, yyyy-mm-dd.")
                .doesNotContain("java.", "Failed to convert");
    }
}
