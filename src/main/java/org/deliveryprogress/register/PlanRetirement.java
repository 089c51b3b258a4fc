package org.deliveryprogress.register;

import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.plans.DeliveryPlan;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A network's managers retire a plan (no more returns, its history stays) and reinstate it, by API or page. */
@Component
@Transactional
class PlanRetirement {

    private final RegisterAccess access;

    PlanRetirement(RegisterAccess access) {
        this.access = access;
    }

    DeliveryPlan retire(String reference, Viewer viewer) {
        DeliveryPlan plan = access.planToManage(reference, viewer);
        plan.retire();
        return plan;
    }

    DeliveryPlan reinstate(String reference, Viewer viewer) {
        DeliveryPlan plan = access.planToManage(reference, viewer);
        plan.reinstate();
        return plan;
    }
}
