package org.deliveryprogress.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A plan's indicator charts")
class IndicatorChartsTest {

    private final DeliveryPlan plan = new DeliveryPlan(null, "P-1", "A plan", "lead", "judge");

    @Test
    @DisplayName("draw each indicator that has a value that is a number, whether or not its targets hold a figure, "
            + "and none for an indicator measured in words")
    void drawEveryIndicatorWithANumber() {
        plan.addIndicator("NI 1", "Getting on well", "74.6%", "%", true);
        plan.addIndicator("NI 2", "Belonging", null, "%", true).setTarget("2025/26", "Increase on 2024/25");
        plan.addIndicator("NI 3", "Strategy", null, null, true).setTarget("2010/11", "Strategy adopted by 2010/11");
        plan.addIndicator("NI 4", "Volunteering", "30", "%", true);

        List<IndicatorValue> series = List.of(
                value("NI 1", "2024/25", new BigDecimal("75.1"), null),
                value("NI 2", "2024/25", null, "62.5"),
                value("NI 2", "2025/26", new BigDecimal("63.8"), null),
                value("NI 3", "2010/11", null, "Adopted in March"));

        assertThat(IndicatorCharts.of(plan, series, "chart-").keySet()).as("NI 4 has no value")
                .containsExactly("NI 1", "NI 2");
    }

    private IndicatorValue value(String code, String period, BigDecimal number, String text) {
        IndicatorValue value = new IndicatorValue(plan, code, ReportingPeriod.parse(period).orElseThrow());
        value.record(number, text, null, null, "lead", Instant.EPOCH);
        return value;
    }
}
