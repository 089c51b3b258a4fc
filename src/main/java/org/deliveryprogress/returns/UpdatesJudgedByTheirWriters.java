package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.plans.DeliveryPlan;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A network's updates still to be judged whose judging officer is also their lead or data-entry officer. An open
 * return keeps the officers it opened with, whatever the register says now, so a network cannot come to forbid
 * officers judging their own plans while it has such an update: its judging officer would be refused. Read for an
 * administrator, who may read every return.
 */
@Component
@Transactional(readOnly = true)
public class UpdatesJudgedByTheirWriters {

    private static final List<ReturnState> NOT_YET_JUDGED = List.of(ReturnState.AWAITING_UPDATE,
            ReturnState.AWAITING_JUDGEMENT, ReturnState.SENT_BACK);

    private final PlanReturnRepository returns;
    private final RuntimeService runtimeService;

    UpdatesJudgedByTheirWriters(PlanReturnRepository returns, RuntimeService runtimeService) {
        this.returns = returns;
        this.runtimeService = runtimeService;
    }

    /** Their plans' references, in order. */
    public List<String> in(Network network) {
        Map<String, DeliveryPlan> plansByInstance = returns.findByNetworkAndStateIn(network, NOT_YET_JUDGED).stream()
                .collect(Collectors.toMap(PlanReturn::getProcessInstanceId, PlanReturn::getPlan));
        if (plansByInstance.isEmpty()) {
            return List.of();
        }
        List<VariableInstance> officers = runtimeService.createVariableInstanceQuery()
                .variableScopeIdIn(plansByInstance.keySet().toArray(String[]::new))
                .variableNameIn(LEAD_OFFICER, JUDGING_OFFICER, DATA_ENTRY_OFFICER).list();
        return officers.stream().filter(variable -> variable.getValue() != null)
                .collect(Collectors.groupingBy(VariableInstance::getProcessInstanceId,
                        Collectors.toMap(VariableInstance::getName, variable -> (String) variable.getValue())))
                .entrySet().stream()
                .filter(instance -> DeliveryPlan.judgesOwnUpdate(instance.getValue().get(JUDGING_OFFICER),
                        instance.getValue().get(LEAD_OFFICER), instance.getValue().get(DATA_ENTRY_OFFICER)))
                .map(instance -> plansByInstance.get(instance.getKey()).getReference()).sorted().toList();
    }
}
