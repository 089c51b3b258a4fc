package org.deliveryprogress.identity;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.deliveryprogress.networks.Network;
import org.deliveryprogress.plans.DeliveryPlan;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of the application's API or pages, and what they may see and change of its own data. The rules
 * are the engine's, by the same groups: administrators everything; a network's managers (its manager group)
 * everything of that network; officers the plans that name them, read only.
 */
public record Viewer(String userId, Set<String> groups) {

    public static Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No one is signed in");
        }
        return new Viewer(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    /** The signed-in user, if someone is: not on a public page visited signed out (Spring's anonymous user). */
    public static Optional<Viewer> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? Optional.empty()
                        : Optional.of(current());
    }

    /** The user signed in to the engine (Camunda's REST API, its webapps, a task's listener). */
    public static Viewer of(org.camunda.bpm.engine.impl.identity.Authentication engineUser) {
        return new Viewer(engineUser.getUserId(), engineUser.getGroupIds() == null ? Set.of()
                : Set.copyOf(engineUser.getGroupIds()));
    }

    public boolean isAdmin() {
        return groups.contains(Groups.ADMINS);
    }

    /** Managers of the network, and administrators, may change its plans and meetings. */
    public boolean manages(Network network) {
        return isAdmin() || groups.contains(network.getManagerGroup());
    }

    boolean holdsRoleIn(DeliveryPlan plan) {
        return userId.equals(plan.getLeadOfficer()) || userId.equals(plan.getJudgingOfficer())
                || userId.equals(plan.getDataEntryOfficer());
    }

    boolean canRead(DeliveryPlan plan) {
        return manages(plan.getNetwork()) || holdsRoleIn(plan);
    }
}
