package org.deliveryprogress.packs;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.deliveryprogress.cycles.CycleVariables;
import org.springframework.stereotype.Component;

@Component
class ProduceMeetingPackDelegate implements JavaDelegate {

    private final MeetingPacks packs;

    ProduceMeetingPackDelegate(MeetingPacks packs) {
        this.packs = packs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        packs.produceAtClose((Long) execution.getVariable(CycleVariables.CYCLE_ID));
    }
}
