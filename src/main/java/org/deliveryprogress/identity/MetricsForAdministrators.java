package org.deliveryprogress.identity;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Only administrators read the engine's metrics (Camunda's {@code /metrics} and {@code /metrics/{name}/sum}, by every
 * route: its REST API, its webapps' API, the Java API). They count the work of every network, and the engine checks
 * no right to read them: any signed-in user could, an officer through Tasklist's session too. Community Cockpit's
 * dashboard reads none (its metrics section is an enterprise plugin), so managers' Cockpit is as it was; Camunda
 * Admin's, which does, is for administrators alone.
 */
@Component
class MetricsForAdministrators extends AdministratorsCommands {

    /** The engine's commands that read metrics: a query's sum or intervals, and the count of task workers. */
    static final Set<String> METRICS_COMMANDS = Set.of("MetricsQueryImpl", "GetUniqueTaskWorkerCountCmd");

    MetricsForAdministrators() {
        super(METRICS_COMMANDS);
    }

    @Override
    String refusal(String userId) {
        return userId + " may not read the engine's metrics: they count the work of every network; only "
                + "administrators may.";
    }
}
