package org.deliveryprogress.returns;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;

import org.deliveryprogress.plans.DeliveryPlan;
import org.hibernate.Hibernate;

/**
 * Reads a return whole by a query whose SQL Hibernate translates once and keeps, unless this transaction has read it
 * whole already. An entity graph would do the same in one line, but Hibernate builds a new loader, SQL and all, for
 * every load with a graph: 6% of the time of an update's submission and of a judgement, in a profile of the cycle
 * benchmark.
 */
class WholeReturnsImpl implements WholeReturns {

    private static final String WHOLE = """
            select r from PlanReturn r
              left join fetch r.plan p left join fetch p.network
              left join fetch r.cycle c left join fetch c.meeting
              left join fetch r.indicatorAnswers left join fetch r.actionProgress
              left join fetch r.remedialFollowUps left join fetch r.sendBacks
            where r.id = :id""";
    private static final String PLAN_EVIDENCE = """
            select p from DeliveryPlan p
              left join fetch p.indicators i left join fetch i.targetsByYear left join fetch p.actions
            where p.id = :id""";
    private static final List<String> READ_WHOLE = List.of("plan", "cycle", "indicatorAnswers", "actionProgress",
            "remedialFollowUps", "sendBacks");

    private final EntityManager entityManager;

    WholeReturnsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<PlanReturn> findById(Long id) {
        // The return this transaction holds, if any, without reading it: otherwise a reference to fill.
        PlanReturn held = entityManager.getReference(PlanReturn.class, id);
        PersistenceUnitUtil loaded = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
        if (loaded.isLoaded(held) && READ_WHOLE.stream().allMatch(attribute -> loaded.isLoaded(held, attribute))) {
            return Optional.of(Hibernate.unproxy(held, PlanReturn.class));
        }
        return entityManager.createQuery(WHOLE, PlanReturn.class).setParameter("id", id).getResultList().stream()
                .findFirst().map(planReturn -> Hibernate.unproxy(planReturn, PlanReturn.class));
    }

    @Override
    public Optional<PlanReturn> findWithPlanEvidence(Long id) {
        Optional<PlanReturn> found = findById(id);
        found.map(PlanReturn::getPlan).ifPresent(plan -> {
            PersistenceUnitUtil loaded = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
            if (!loaded.isLoaded(plan, "indicators") || !loaded.isLoaded(plan, "actions")) {
                // Fills the collections of the plan this transaction holds.
                entityManager.createQuery(PLAN_EVIDENCE, DeliveryPlan.class).setParameter("id", plan.getId())
                        .getResultList();
            }
        });
        return found;
    }
}
