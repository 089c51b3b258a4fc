package org.deliveryprogress.engine;

import org.springframework.stereotype.Component;

/** The engine's ERROR with its stack for a refusal {@link CallersMistakes} answers as the caller's mistake. */
@Component
class CallersMistakesOutOfTheErrorLog extends EngineFailuresLeftOut {

    @Override
    protected boolean toldByTheApplication(Throwable failure) {
        return CallersMistakes.isOne(failure);
    }
}
