package org.deliveryprogress.plans;

import java.util.List;
import java.util.Optional;

import org.deliveryprogress.networks.Network;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeliveryPlanRepository extends JpaRepository<DeliveryPlan, Long> {

    Optional<DeliveryPlan> findByReference(String reference);

    /** The next active plans of a network that have no return yet in the given cycle. */
    @Query("""
            select p from DeliveryPlan p
            where p.network = :network and p.active = true
              and not exists (select r from org.deliveryprogress.returns.PlanReturn r
                              where r.plan = p and r.cycle.id = :cycleId)
            order by p.id""")
    List<DeliveryPlan> findActiveWithoutReturn(Network network, Long cycleId, Pageable page);
}
