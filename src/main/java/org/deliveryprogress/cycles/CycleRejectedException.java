package org.deliveryprogress.cycles;

import org.camunda.bpm.engine.ProcessEngineException;

/** A cycle cannot be opened as asked; the message says why, in words a network manager understands. */
class CycleRejectedException extends ProcessEngineException {

    CycleRejectedException(String message) {
        super(message);
    }
}
