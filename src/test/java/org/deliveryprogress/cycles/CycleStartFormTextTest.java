package org.deliveryprogress.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the cycle's start form tells the manager to do when it offers no meeting: a network's managers add its
 * meetings themselves ({@code register.MeetingSchedule}), so sending them to an administrator sent them the wrong way.
 */
@DisplayName("The cycle's start form")
class CycleStartFormTextTest {

    @Test
    @DisplayName("sends a manager with no meeting to offer to the network's page, and says a network runs one cycle "
            + "at a time")
    void saysWhereMeetingsAreAdded() throws IOException {
        String description = meetingField().path("description").asText();

        assertThat(description).contains("add the network's next meeting on the network's page")
                .doesNotContain("ask an administrator")
                .contains("once the network's current cycle has closed: a network runs one cycle at a time");
    }

    private static JsonNode meetingField() throws IOException {
        try (InputStream form = CycleStartFormTextTest.class.getResourceAsStream("/forms/startCycle.form")) {
            for (JsonNode component : new ObjectMapper().readTree(form).path("components")) {
                if ("meetingId".equals(component.path("key").asText())) {
                    return component;
                }
            }
        }
        throw new AssertionError("startCycle.form has no meetingId field");
    }
}
