package org.deliveryprogress.returns;

import java.util.Optional;

/**
 * How {@link PlanReturnRepository#findById} and {@link PlanReturnRepository#findWithPlanEvidence} read a return: whole,
 * once a transaction.
 */
interface WholeReturns {

    Optional<PlanReturn> findById(Long id);

    Optional<PlanReturn> findWithPlanEvidence(Long id);
}
