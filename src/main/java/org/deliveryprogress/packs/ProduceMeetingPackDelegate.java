package org.deliveryprogress.packs;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.cycles.CycleVariables;
import org.springframework.stereotype.Component;

@Component
class ProduceMeetingPackDelegate implements JavaDelegate {

    private final MeetingPacks packs;
    private final CycleService cycles;

    ProduceMeetingPackDelegate(MeetingPacks packs, CycleService cycles) {
        this.packs = packs;
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        packs.produceAtClose(cycles.runBy((Long) execution.getVariable(CycleVariables.CYCLE_ID),
                execution.getProcessInstanceId()).getId());
    }
}
