package org.deliveryprogress.returns;

import org.camunda.bpm.engine.AuthorizationException;
import org.deliveryprogress.plans.DeliveryPlan;

/**
 * A task of a return completed by someone other than its assignee or candidates, or by no one signed in, or an update
 * completed by its data-entry officer where the network has the lead officer submit, or a task delegated: an
 * authorization failure, which Camunda's REST API answers with a 403 (see {@link RefusalsUnwrapped}).
 */
class NotYourTaskException extends AuthorizationException {

    NotYourTaskException(String message) {
        super(message);
    }

    /** Where the plan's network keeps its judging officers independent of the updates they judge: why not this one. */
    static NotYourTaskException judgesKeptIndependent(DeliveryPlan plan, String why) {
        return new NotYourTaskException("In " + plan.getNetwork().getName() + " officers do not judge updates they "
                + "write, and " + why);
    }
}
