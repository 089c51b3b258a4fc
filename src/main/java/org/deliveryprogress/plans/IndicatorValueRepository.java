package org.deliveryprogress.plans;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface IndicatorValueRepository extends JpaRepository<IndicatorValue, Long> {

    /**
     * Written out rather than derived from the method's name: Hibernate 6 translates a derived query's criteria to SQL
     * on every call (its plan cache holds written queries only), and this one runs on every update submitted.
     */
    @Query("select v from IndicatorValue v where v.plan = :plan")
    List<IndicatorValue> findByPlan(DeliveryPlan plan);

    @Query("select v from IndicatorValue v where v.plan.id in :planIds")
    List<IndicatorValue> findByPlanIds(Collection<Long> planIds);

    /** The plan's values, indicator by indicator, each indicator's in the order of their periods. */
    default List<IndicatorValue> seriesOf(DeliveryPlan plan) {
        return findByPlan(plan).stream().sorted(SERIES_ORDER).toList();
    }

    /** {@link #seriesOf} for many plans in one query, by plan id; a plan without values has none. */
    default Map<Long, List<IndicatorValue>> seriesOf(Collection<Long> planIds) {
        return findByPlanIds(planIds).stream().sorted(SERIES_ORDER)
                .collect(Collectors.groupingBy(IndicatorValue::getPlanId));
    }

    Comparator<IndicatorValue> SERIES_ORDER = Comparator.comparing(IndicatorValue::getIndicatorCode)
            .thenComparing(IndicatorValue::getPeriod);
}
