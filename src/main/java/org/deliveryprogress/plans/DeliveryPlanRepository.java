package org.deliveryprogress.plans;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.deliveryprogress.networks.Network;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeliveryPlanRepository extends JpaRepository<DeliveryPlan, Long> {

    Optional<DeliveryPlan> findByReference(String reference);

    /** The plans a user may read: of the networks whose manager group they are in, or naming them as an officer. */
    @Query("""
            select p from DeliveryPlan p join fetch p.network n
            where (:everything = true or n.managerGroup in :groups
                   or p.leadOfficer = :userId or p.judgingOfficer = :userId or p.dataEntryOfficer = :userId)
              and (:networkCode is null or n.code = :networkCode)
            order by n.code, p.reference""")
    List<DeliveryPlan> findReadableBy(String userId, Collection<String> groups, boolean everything,
            String networkCode);

    /** The networks a user has any standing in: the ones they manage, and those of the plans naming them. */
    @Query("""
            select distinct p.network.id from DeliveryPlan p
            where p.leadOfficer = :userId or p.judgingOfficer = :userId or p.dataEntryOfficer = :userId""")
    Set<Long> findNetworkIdsNaming(String userId);

    List<DeliveryPlan> findByNetworkOrderByReference(Network network);

    /** The references of the plans still reporting (not retired) that name the user as an officer. */
    @Query("""
            select p.reference from DeliveryPlan p
            where p.active = true
              and (p.leadOfficer = :userId or p.judgingOfficer = :userId or p.dataEntryOfficer = :userId)
            order by p.reference""")
    List<String> findActiveReferencesNaming(String userId);
}
