package org.deliveryprogress.engine;

import org.springframework.stereotype.Component;

/** The engine's ERROR with its stack for a task that no longer exists, which {@link EndedTasks} answers. */
@Component
class EndedTasksOutOfTheErrorLog extends EngineFailuresLeftOut {

    @Override
    protected boolean toldByTheApplication(Throwable failure) {
        return EndedTasks.isMissingTask(failure);
    }
}
