package org.deliveryprogress.plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.deliveryprogress.charts.IndicatorChart;
import org.deliveryprogress.charts.Svg;
import org.deliveryprogress.shared.NumberInText;

/**
 * A plan's indicators drawn: each indicator with a value that is a number, its values period by period against its
 * targets and baseline, the same chart on the plan's page, its history, the meeting pack and the judge's form. Asked
 * of the values rather than of the indicator ({@link PlanIndicator#isNumeric}): an indicator whose only target is
 * "Increase on 2025/26" takes words since 6 December 2026 (its year made it take numbers until then), and the numbers
 * its series holds keep their chart.
 */
public final class IndicatorCharts {

    private IndicatorCharts() {
    }

    /**
     * The charts of the plan's indicators that have a value that is a number in {@code series} (the plan's values, as
     * {@link IndicatorValueRepository#seriesOf} gives them), by indicator code in the plan's order. Each chart's id is
     * {@code idPrefix} and its place among the plan's indicators, so that several plans' charts share a page.
     */
    public static Map<String, Svg> of(DeliveryPlan plan, List<IndicatorValue> series, String idPrefix) {
        Function<PlanIndicator, List<IndicatorSeries.Point>> valuesOf = IndicatorSeries.valuesIn(series);
        Map<String, Svg> charts = new LinkedHashMap<>();
        List<PlanIndicator> indicators = plan.getIndicators();
        for (int place = 0; place < indicators.size(); place++) {
            PlanIndicator indicator = indicators.get(place);
            List<IndicatorSeries.Point> values = valuesOf.apply(indicator);
            if (values.stream().anyMatch(point -> NumberInText.exactly(point.value()).isPresent())) {
                charts.put(indicator.getCode(), new IndicatorChart(indicator.getCode(), indicator.getDescription(),
                        indicator.getUnit(), indicator.isHigherIsBetter(), indicator.getBaseline(),
                        indicator.getTargetsByYear(), values.stream()
                                .map(point -> new IndicatorChart.PeriodValue(point.period(), point.value()))
                                .toList())
                        .draw(idPrefix + place));
            }
        }
        return charts;
    }
}
