package org.deliveryprogress.history;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * Who completed a return's tasks: the engine's log of the completion (a data-entry officer may complete an update
 * offered to them without taking it first), else the task's assignee.
 */
@Component
class TaskCompletions {

    private final HistoryService historyService;

    TaskCompletions(HistoryService historyService) {
        this.historyService = historyService;
    }

    /** Who completed each completed task of the process instance, by task id, from the engine's log. */
    Map<String, String> loggedIn(String processInstanceId) {
        return historyService.createUserOperationLogQuery()
                .processInstanceId(processInstanceId).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list().stream().filter(entry -> entry.getTaskId() != null && entry.getUserId() != null)
                .collect(Collectors.toMap(UserOperationLogEntry::getTaskId, UserOperationLogEntry::getUserId,
                        (first, second) -> first));
    }

    String by(HistoricTaskInstance task) {
        return loggedIn(task.getProcessInstanceId()).getOrDefault(task.getId(), task.getAssignee());
    }
}
