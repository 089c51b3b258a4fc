package org.deliveryprogress.plans;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IndicatorValueRepository extends JpaRepository<IndicatorValue, Long> {

    List<IndicatorValue> findByPlan(DeliveryPlan plan);

    Optional<IndicatorValue> findByPlanAndIndicatorCodeAndPeriod(DeliveryPlan plan, String indicatorCode,
            String period);

    /** The plan's values, indicator by indicator, each indicator's in the order of their periods. */
    default List<IndicatorValue> seriesOf(DeliveryPlan plan) {
        return findByPlan(plan).stream().sorted(Comparator.comparing(IndicatorValue::getIndicatorCode)
                .thenComparing(IndicatorValue::getPeriod)).toList();
    }
}
