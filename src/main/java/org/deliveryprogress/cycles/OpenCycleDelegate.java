package org.deliveryprogress.cycles;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.deliveryprogress.identity.ManagerRights;
import org.springframework.stereotype.Component;

@Component
class OpenCycleDelegate implements JavaDelegate {

    private final CycleService cycles;
    private final IdentityService identityService;
    private final ManagerRights managerRights;

    OpenCycleDelegate(CycleService cycles, IdentityService identityService, ManagerRights managerRights) {
        this.cycles = cycles;
        this.identityService = identityService;
        this.managerRights = managerRights;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication authentication = identityService.getCurrentAuthentication();
        Cycle cycle = cycles.open(execution.getVariable(CycleVariables.MEETING_ID), authentication,
                execution.getProcessInstanceId());
        managerRights.shareStartedInstanceWithManagers(execution.getProcessInstanceId(),
                cycle.getMeeting().getNetwork().getManagerGroup());
        execution.setProcessBusinessKey(cycle.getReference());
        execution.setVariable(CycleVariables.CYCLE_ID, cycle.getId());
        execution.setVariable(CycleVariables.CLOSE_AT, Date.from(cycle.getCloseAt()));
    }
}
