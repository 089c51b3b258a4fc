package org.deliveryprogress.identity;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * A process started by a user starts at its start event; only administrators may start one part way. Camunda's REST
 * API lets whoever may start a process name the activities it starts at ({@code startInstructions}), skipping the
 * start event and what checks the start. A network's manager, who may start their network's quarterlyCycle, started
 * one at its batches, its close or its pack: the cycle's own steps refused to act on a cycle they did not open, but
 * the instance stayed, its job failing until it stopped with an incident in Cockpit.
 */
@Component
class ProcessesStartAtTheirStart extends AdministratorsCommands {

    /** The engine's command for a start at named activities (checked by name by a test: a renamed one would pass). */
    static final String START_PART_WAY = "StartProcessInstanceAtActivitiesCmd";

    ProcessesStartAtTheirStart() {
        super(Set.of(START_PART_WAY));
    }

    @Override
    String refusal(String userId) {
        return userId + " may not start a process part way: a process starts at its start event; leave out "
                + "startInstructions.";
    }
}
