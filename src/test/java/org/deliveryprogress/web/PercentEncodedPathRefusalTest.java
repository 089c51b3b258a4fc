package org.deliveryprogress.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A path percent-encoding what needs no encoding")
class PercentEncodedPathRefusalTest {

    @ParameterizedTest
    @ValueSource(strings = { "/c%61munda/api", "/engine-rest/t%41sk", "/plans/CC%2DNI1", "/a%2Eb", "/a%5Fb",
            "/a%7eb", "/task/%31", "/task/%5A", "/task/%7a" })
    @DisplayName("is refused when it encodes a letter, a digit or - . _ ~")
    void refused(String path) {
        assertThat(PercentEncodedPathRefusal.encodesAnUnreservedCharacter(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/camunda/api/engine", "/plans/CC-NI1", "/users/Jane%20Doe", "/a%2Fb", "/a%40b",
            "/a%25b", "/a%3Bb", "/a%60b", "/a%5Bb", "/a%7Bb", "/a%C3%A9" })
    @DisplayName("is let through when it encodes only what must be encoded")
    void letThrough(String path) {
        assertThat(PercentEncodedPathRefusal.encodesAnUnreservedCharacter(path)).isFalse();
    }
}
