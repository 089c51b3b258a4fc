package org.deliveryprogress.cycles;

import org.deliveryprogress.engine.EngineFailuresLeftOut;
import org.springframework.stereotype.Component;

/**
 * A manager's start of a cycle that is refused (a meeting too close, one with its cycle, a network's cycle still
 * open) is their mistake, answered with what to do and logged by {@link CycleService} in one line at INFO; the engine
 * logged it at ERROR with its whole stack (some 200 lines). The schedule's refused start stays in the engine's log.
 */
@Component
class ManagersStartsOutOfTheErrorLog extends EngineFailuresLeftOut {

    @Override
    protected boolean toldByTheApplication(Throwable failure) {
        return causedBy(failure, cause -> cause instanceof CycleRejectedException refused && refused.isToAManager());
    }
}
