package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deliveryprogress.shared.InvalidRequestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A manager's reason for changing a cycle's course")
class ManagersReasonTest {

    @Test
    @DisplayName("is kept without its surrounding spaces, up to 2,000 characters")
    void kept() {
        assertThat(ManagersReason.required("  The officer is ill.\n", "Say why", "they read it"))
                .isEqualTo("The officer is ill.");
        String longest = "x".repeat(ManagersReason.LIMIT);
        assertThat(ManagersReason.required(longest, "Say why", "they read it")).isEqualTo(longest);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\u00A0\u200B"})
    @DisplayName("is asked for when it says nothing, in the words of what is changed")
    void missing(String reason) {
        assertThatThrownBy(() -> ManagersReason.required(reason, "Say why the deadline moves", "the officers read it"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Say why the deadline moves (at most 2000 characters): the officers read it.");
    }

    @Test
    @DisplayName("is refused when longer than the forms let it be typed")
    void tooLong() {
        String tooLong = "x".repeat(ManagersReason.LIMIT + 1);
        assertThatThrownBy(() -> ManagersReason.required(tooLong, "Say why", "they read it"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 2000 characters");
    }
}
