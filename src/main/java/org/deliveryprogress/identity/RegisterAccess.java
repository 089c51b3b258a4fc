package org.deliveryprogress.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds what the signed-in user asks for, if they may know of it. A network a user has no standing in (they neither
 * manage it nor hold a role in one of its plans) is answered as not found, like its plans: another network is
 * invisible. Within their networks, what they may not read or change is refused.
 */
@Component
public class RegisterAccess {

    private final NetworkRepository networks;
    private final DeliveryPlanRepository plans;

    RegisterAccess(NetworkRepository networks, DeliveryPlanRepository plans) {
        this.networks = networks;
        this.plans = plans;
    }

    public List<Network> visibleNetworks(Viewer viewer) {
        Set<Long> naming = viewer.isAdmin() ? Set.of() : plans.findNetworkIdsNaming(viewer.userId());
        return networks.findAll().stream()
                .filter(network -> viewer.manages(network) || naming.contains(network.getId()))
                .sorted((a, b) -> a.getCode().compareTo(b.getCode()))
                .toList();
    }

    public Network network(String code, Viewer viewer) {
        Network network = networks.findByCode(code).orElse(null);
        if (network == null || !isVisible(network, viewer)) {
            throw new NotFoundException("There is no network " + code + ".");
        }
        return network;
    }

    public Network networkToManage(String code, Viewer viewer) {
        Network network = network(code, viewer);
        if (!viewer.manages(network)) {
            throw new NotAllowedException("Only the managers of " + network.getName() + " may do that.");
        }
        return network;
    }

    public DeliveryPlan plan(String reference, Viewer viewer) {
        DeliveryPlan plan = plans.findByReference(reference).orElse(null);
        if (plan == null || !isVisible(plan.getNetwork(), viewer)) {
            throw new NotFoundException("There is no plan " + reference + ".");
        }
        if (!viewer.canRead(plan)) {
            throw new NotAllowedException("You hold no role in the plan " + reference + ".");
        }
        return plan;
    }

    public DeliveryPlan planToManage(String reference, Viewer viewer) {
        DeliveryPlan plan = plan(reference, viewer);
        if (!viewer.manages(plan.getNetwork())) {
            throw new NotAllowedException("Only the managers of " + plan.getNetwork().getName()
                    + " may change the plan " + reference + ".");
        }
        return plan;
    }

    public List<DeliveryPlan> readablePlans(Viewer viewer, String networkCode) {
        Set<String> groups = new HashSet<>(viewer.groups());
        // An empty IN list is not valid SQL; a group id nobody has keeps the query valid.
        groups.add("");
        return plans.findReadableBy(viewer.userId(), groups, viewer.isAdmin(), networkCode);
    }

    /**
     * A network's thing ("cycle SCN-2026-12-29") for its managers: 404 where the network is invisible, in the words a
     * thing that does not exist gets, so that the answer does not tell one from the other; 403 within it.
     */
    public void requireManager(Network network, Viewer viewer, String what) {
        if (!isVisible(network, viewer)) {
            throw new NotFoundException("There is no " + what + ".");
        }
        if (!viewer.manages(network)) {
            throw new NotAllowedException("Only the managers of " + network.getName() + " may see the " + what
                    + ".");
        }
    }

    private boolean isVisible(Network network, Viewer viewer) {
        return viewer.manages(network) || plans.findNetworkIdsNaming(viewer.userId()).contains(network.getId());
    }
}
