package org.deliveryprogress.returns;

import java.util.List;

/** How {@link PlanReturnRepository#recordStarted} names the returns' process instances: a batch at once. */
interface StartedReturns {

    void recordStarted(List<PlanReturn> started);
}
