package org.deliveryprogress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text the engine keeps")
class EngineTextTest {

    @Test
    @DisplayName("fits when every character is in Unicode's Basic Multilingual Plane, accents and symbols included")
    void basicPlaneTextFits() {
        assertThat(EngineText.fits("Café – “Youth voice” ✓ 75%")).isTrue();
        assertThat(EngineText.fitted("Café – “Youth voice” ✓ 75%")).isEqualTo("Café – “Youth voice” ✓ 75%");
    }

    @Test
    @DisplayName("loses its emoji, and the spaces they leave doubled, where the engine's tables cannot hold them")
    void emojiAreTakenOut() {
        assertThat(EngineText.fits("Youth voice \uD83D\uDE42 project")).isFalse();
        assertThat(EngineText.fitted("Youth voice \uD83D\uDE42 project")).isEqualTo("Youth voice project");
        assertThat(EngineText.fitted("\uD83D\uDE42 Youth voice \uD83C\uDF89")).isEqualTo("Youth voice");
    }
}
