package org.deliveryprogress.returns;

import java.util.Optional;

/** How {@link PlanReturnRepository#findById} reads a return: whole, once a transaction. */
interface WholeReturns {

    Optional<PlanReturn> findById(Long id);
}
