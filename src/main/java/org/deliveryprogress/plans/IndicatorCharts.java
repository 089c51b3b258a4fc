package org.deliveryprogress.plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.deliveryprogress.charts.IndicatorChart;
import org.deliveryprogress.charts.Svg;

/**
 * A plan's indicators drawn: each numeric indicator with a value, its values period by period against its targets
 * and baseline, the same chart on the plan's page, its history, the meeting pack and the judge's form.
 */
public final class IndicatorCharts {

    private IndicatorCharts() {
    }

    /**
     * The charts of the plan's numeric indicators that have a value in {@code series} (the plan's values, as
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
            if (indicator.isNumeric() && !values.isEmpty()) {
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
