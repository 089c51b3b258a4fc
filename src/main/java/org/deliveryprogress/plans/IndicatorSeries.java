package org.deliveryprogress.plans;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One of a plan's indicators with its values period by period, the earliest first: what the plan's page, its
 * history and the API show. A value is as written: a number without trailing zeros, or words.
 */
public record IndicatorSeries(String code, String description, String unit, List<Point> values) {

    /** A value for a period, with the officer's note. */
    public record Point(String period, String value, String note) {
    }

    /**
     * Each of the plan's indicators, in the plan's order, with its values from the plan's series
     * ({@link IndicatorValueRepository#seriesOf}).
     */
    public static List<IndicatorSeries> of(DeliveryPlan plan, List<IndicatorValue> series) {
        Function<PlanIndicator, List<Point>> values = valuesIn(series);
        return plan.getIndicators().stream().map(indicator -> new IndicatorSeries(indicator.getCode(),
                indicator.getDescription(), indicator.getUnit(), values.apply(indicator))).toList();
    }

    /** Finds an indicator's values in a plan's series, in the series' order. */
    public static Function<PlanIndicator, List<Point>> valuesIn(List<IndicatorValue> series) {
        // Codes are keys in any case, as in the database.
        Map<String, List<Point>> byCode = series.stream().collect(Collectors.groupingBy(
                value -> value.getIndicatorCode().toLowerCase(Locale.ROOT),
                Collectors.mapping(value -> new Point(value.getPeriod().toString(), value.getValue(),
                        value.getNote()), Collectors.toList())));
        return indicator -> byCode.getOrDefault(indicator.getCode().toLowerCase(Locale.ROOT), List.of());
    }
}
