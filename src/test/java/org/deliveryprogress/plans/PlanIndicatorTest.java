package org.deliveryprogress.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An indicator's values")
class PlanIndicatorTest {

    @Test
    @DisplayName("are numbers when its baseline or a target holds a number besides the years it names")
    void areNumbersWhenABaselineOrTargetHoldsOne() {
        assertThat(PlanIndicator.isNumeric("74.6%", List.of())).isTrue();
        assertThat(PlanIndicator.isNumeric(null, List.of("Reduce by 10%"))).isTrue();
        assertThat(PlanIndicator.isNumeric("Not yet measured", List.of("Increase on 2025/26", "No more than 142")))
                .isTrue();
        assertThat(PlanIndicator.isNumeric("2000", List.of("2040", "To be agreed")))
                .as("figures that are numbers and nothing else, though they could be years").isTrue();
    }

    @Test
    @DisplayName("are words when its baseline and targets hold none, or only years: a strategy adopted by a year")
    void areWordsWhenTheyHoldOnlyYears() {
        assertThat(PlanIndicator.isNumeric(null, List.of("Strategy adopted by 2010/11"))).isFalse();
        assertThat(PlanIndicator.isNumeric("None in 2008", List.of("In place by 2010"))).isFalse();
        assertThat(PlanIndicator.isNumeric(null, List.of())).isFalse();
    }
}
