package org.deliveryprogress.cycles;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

@Component
class OpenCycleDelegate implements JavaDelegate {

    private final CycleService cycles;
    private final IdentityService identityService;

    OpenCycleDelegate(CycleService cycles, IdentityService identityService) {
        this.cycles = cycles;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication authentication = identityService.getCurrentAuthentication();
        String openedBy = authentication == null ? null : authentication.getUserId();
        Cycle cycle = cycles.open(execution.getVariable(CycleVariables.MEETING_ID), openedBy,
                execution.getProcessInstanceId());
        execution.setProcessBusinessKey(cycle.getReference());
        execution.setVariable(CycleVariables.CYCLE_ID, cycle.getId());
        execution.setVariable(CycleVariables.CLOSE_AT, Date.from(cycle.getCloseAt()));
    }
}
