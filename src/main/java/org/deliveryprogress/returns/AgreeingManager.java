package org.deliveryprogress.returns;

import java.util.List;
import java.util.Optional;

import org.deliveryprogress.identity.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * Who agrees a return's remedial actions, where that is plain: the manager who sent them back last time, while they
 * are still one of the network's managers; else the network's only manager. The agreement then comes to them with
 * nothing to claim, and stays offered to the network's managers, who may take it over. Where it is not plain (several
 * managers, none of whom has decided on this return yet), nobody: one of them claims it.
 */
@Component
class AgreeingManager {

    private final PlanReturnRepository returns;
    private final UserDirectory directory;

    AgreeingManager(PlanReturnRepository returns, UserDirectory directory) {
        this.returns = returns;
        this.directory = directory;
    }

    Optional<String> of(Long returnId, String managerGroup) {
        List<String> managers = directory.membersOf(managerGroup);
        Optional<String> sentItBack = returns.findById(returnId).map(PlanReturn::getRemedialDecidedBy)
                .filter(managers::contains);
        if (sentItBack.isPresent()) {
            return sentItBack;
        }
        return managers.size() == 1 ? Optional.of(managers.get(0)) : Optional.empty();
    }
}
