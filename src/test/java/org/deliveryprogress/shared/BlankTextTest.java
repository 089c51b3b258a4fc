package org.deliveryprogress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A text that says nothing")
class BlankTextTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " \t\r\n", "\u00A0", "\u202F\u2007", "\u200B", "\u2060\uFEFF", "\u00AD", "\u3000"})
    @DisplayName("is empty, white space, no-break spaces or invisible format characters")
    void blank(String text) {
        assertThat(BlankText.isBlank(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "\u200Bno", ".", "\u00A0-"})
    @DisplayName("is not one with a character to see")
    void notBlank(String text) {
        assertThat(BlankText.isBlank(text)).isFalse();
    }
}
