package org.deliveryprogress.returns;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps officers' prose out of the engine's history. A completion may carry its texts as ordinary variables (Camunda's
 * REST API and Java API do unless told otherwise), and Tasklist's form submission records every text as a form field;
 * the engine writes both to its history tables (ACT_HI_VARINST, ACT_HI_DETAIL) as soon as they are set, before any
 * listener could stop it, where a text of more than 4,000 characters fails the whole completion. The completion's
 * listener records the texts in the return and removes them from the process; this drops their history events on the
 * way, so nothing of them reaches the engine's tables.
 */
final class ProseKeptOutOfHistory implements HistoryEventHandler {

    private final HistoryEventHandler next;

    ProseKeptOutOfHistory(HistoryEventHandler next) {
        this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isProse(event)) {
            next.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        next.handleEvents(events.stream().filter(event -> !isProse(event)).toList());
    }

    private static boolean isProse(HistoryEvent event) {
        String name = event instanceof HistoricVariableUpdateEventEntity variable ? variable.getVariableName()
                : event instanceof HistoricFormPropertyEventEntity formField ? formField.getPropertyId() : null;
        return name != null && ReturnTask.PROSE.contains(name)
                && ReturnVariables.PROCESS_KEY.equals(event.getProcessDefinitionKey());
    }
}
