package org.deliveryprogress.reminders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.deliveryprogress.cycles.CycleService;
import org.deliveryprogress.cycles.CycleVariables;
import org.deliveryprogress.packs.MeetingPacks;
import org.springframework.stereotype.Component;

@Component
class NotifyCycleClosedDelegate implements JavaDelegate {

    private final Reminders reminders;
    private final MeetingPacks packs;
    private final CycleService cycles;

    NotifyCycleClosedDelegate(Reminders reminders, MeetingPacks packs, CycleService cycles) {
        this.reminders = reminders;
        this.packs = packs;
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long cycleId = cycles.runBy((Long) execution.getVariable(CycleVariables.CYCLE_ID),
                execution.getProcessInstanceId()).getId();
        // Cycles started before the pack had a step of its own close through this one: they get their pack here.
        packs.produceAtClose(cycleId);
        reminders.noticeCycleClosed(cycleId);
    }
}
