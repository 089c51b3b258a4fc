package org.deliveryprogress.support;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.support.TestNetworks.TestNetwork;
import org.springframework.stereotype.Component;

/** Opens a test network's cycle as the schedule does, and answers its first plan's return, waiting for its update. */
@Component
public class OpenReturns {

    private final CycleService cycles;
    private final Officers officers;
    private final RuntimeService runtimeService;

    OpenReturns(CycleService cycles, Officers officers, RuntimeService runtimeService) {
        this.cycles = cycles;
        this.officers = officers;
        this.runtimeService = runtimeService;
    }

    public ProcessInstance of(TestNetwork network) {
        ProcessInstance cycle = cycles.startOnSchedule(network.meeting().getId());
        officers.runJobs(cycle.getId());
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(cycle.getBusinessKey() + "/" + network.plan().getReference())
                .singleResult();
    }
}
