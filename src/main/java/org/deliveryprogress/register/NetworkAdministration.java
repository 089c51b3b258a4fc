package org.deliveryprogress.register;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.deliveryprogress.engine.AsUser;
import org.deliveryprogress.identity.Groups;
import org.deliveryprogress.identity.ManagerRights;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.networks.CycleOffsets;
import org.deliveryprogress.networks.HolidayRegion;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.networks.NetworkRepository;
import org.deliveryprogress.networks.StatusRules;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.returns.UpdatesJudgedByTheirWriters;
import org.deliveryprogress.shared.ConflictException;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotAllowedException;
import org.deliveryprogress.shared.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing networks: the administrators' work, from the API or the networks page. */
@Component
@Transactional
class NetworkAdministration {

    /**
     * A network as an administrator sets it; its code and manager group stay as it was created. The deadline
     * offsets, whether data-entry officers may submit, the status rules and whether officers may judge their own plans
     * are left as they were when not given, so that a client written before a setting existed cannot change it; a new
     * network without them has the partnership's offsets, its lead officers submit, the default status rules, and
     * officers who may judge their own plans.
     */
    record NetworkDetails(String code, String name, HolidayRegion region, String managerGroup,
            CycleOffsets offsets, Boolean entryOfficersMaySubmit, NetworkApi.Tolerances statusRules,
            Boolean officersMayJudgeOwnPlans) {
    }

    private static final int PLANS_NAMED = 20;

    private final NetworkRepository networks;
    private final DeliveryPlanRepository plans;
    private final UpdatesJudgedByTheirWriters pendingUpdates;
    private final ManagerRights managerRights;
    private final IdentityService identityService;
    private final MeetingSchedule schedule;

    NetworkAdministration(NetworkRepository networks, DeliveryPlanRepository plans,
            UpdatesJudgedByTheirWriters pendingUpdates, ManagerRights managerRights, IdentityService identityService,
            MeetingSchedule schedule) {
        this.networks = networks;
        this.plans = plans;
        this.pendingUpdates = pendingUpdates;
        this.managerRights = managerRights;
        this.identityService = identityService;
        this.schedule = schedule;
    }

    Network create(NetworkDetails details, Viewer viewer) {
        requireAdministrator(viewer);
        if (networks.findByCode(details.code()).isPresent()) {
            throw new ConflictException("There is already a network " + details.code() + ".");
        }
        // In any letter case: the engine keeps group ids as written (on MariaDB in a case-sensitive collation), so
        // Camunda-Admin would be a group apart, with none of the administrators' rights, yet easily taken for theirs.
        if (details.managerGroup().equalsIgnoreCase(Groups.ADMINS)) {
            throw new InvalidRequestException("A network needs its own manager group, not " + details.managerGroup()
                    + (details.managerGroup().equals(Groups.ADMINS) ? ", the administrators' group."
                            : ": it differs from the administrators' group " + Groups.ADMINS + " only in letter "
                                    + "case, and would be a group apart, easily taken for theirs."));
        }
        // Its group stays as it is created: a group another network has would give that network's managers this one.
        networks.findFirstByManagerGroup(details.managerGroup()).ifPresent(other -> {
            throw new ConflictException("A network needs its own manager group: " + details.managerGroup()
                    + " manages " + other.getName() + " (" + other.getCode() + ").");
        });
        Network created = new Network(details.code(), details.name(), details.region(), details.managerGroup(),
                details.offsets() == null ? CycleOffsets.defaults() : details.offsets());
        created.letEntryOfficersSubmit(Boolean.TRUE.equals(details.entryOfficersMaySubmit()));
        created.letOfficersJudgeOwnPlans(!Boolean.FALSE.equals(details.officersMayJudgeOwnPlans()));
        if (details.statusRules() != null) {
            created.changeStatusRules(details.statusRules().checked(StatusRules.defaults()));
        }
        Network network;
        try {
            network = networks.save(created);
        } catch (DataIntegrityViolationException e) {
            // Another administrator's network of the same code, saved since the look-up above: the code's unique key.
            throw new ConflictException("There is already a network " + details.code() + ".");
        }
        // Signed in to the engine as the administrator: the engine then checks for itself that they may create the
        // group and grants, rather than running the commands with no user and checking nothing.
        AsUser.run(identityService, viewer.userId(), viewer.groups(), () -> managerRights.grantManagerRights(network));
        return network;
    }

    Network change(String code, NetworkDetails details, Viewer viewer) {
        requireAdministrator(viewer);
        Network network = networks.findByCode(code)
                .orElseThrow(() -> new NotFoundException("There is no network " + code + "."));
        if (!network.getCode().equals(details.code()) || !network.getManagerGroup().equals(details.managerGroup())) {
            throw new InvalidRequestException("A network's code and manager group stay as they were created: "
                    + code + ", " + network.getManagerGroup() + ".");
        }
        network.change(details.name(), details.region(),
                details.offsets() == null ? network.getOffsets() : details.offsets());
        schedule.checkCyclesApart(network);
        if (details.entryOfficersMaySubmit() != null) {
            network.letEntryOfficersSubmit(details.entryOfficersMaySubmit());
        }
        if (details.statusRules() != null) {
            network.changeStatusRules(details.statusRules().checked(network.getStatusRules()));
        }
        if (Boolean.FALSE.equals(details.officersMayJudgeOwnPlans()) && network.isOfficersMayJudgeOwnPlans()) {
            requireNoPlanJudgedByItsOwnOfficer(network);
        }
        if (details.officersMayJudgeOwnPlans() != null) {
            network.letOfficersJudgeOwnPlans(details.officersMayJudgeOwnPlans());
        }
        return network;
    }

    /**
     * A network that comes to forbid officers judging their own plans must hold none, in its register (retired plans
     * too, which may be reinstated) or among its updates still to be judged, which keep the officers they opened with.
     */
    private void requireNoPlanJudgedByItsOwnOfficer(Network network) {
        List<String> inRegister = plans.findByNetworkOrderByReference(network).stream()
                .filter(DeliveryPlan::isJudgedByItsOwnOfficer).map(DeliveryPlan::getReference).toList();
        if (!inRegister.isEmpty()) {
            throw new ConflictException("Judging officers cannot yet be kept independent: the register names a "
                    + "plan's lead or data-entry officer as its judging officer in " + named(inRegister)
                    + ". Give these plans another judging officer (import the plans file), then change this.");
        }
        List<String> pending = pendingUpdates.in(network);
        if (!pending.isEmpty()) {
            throw new ConflictException("Judging officers cannot yet be kept independent: updates still to be "
                    + "judged have their lead or data-entry officer as their judging officer, as they opened, in "
                    + named(pending) + ". Change this once they are judged or their cycle has closed.");
        }
    }

    private static String named(List<String> references) {
        return references.size() <= PLANS_NAMED ? String.join(", ", references)
                : String.join(", ", references.subList(0, PLANS_NAMED)) + " and " + (references.size() - PLANS_NAMED)
                        + " more";
    }

    private static void requireAdministrator(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new NotAllowedException("Only administrators create and change networks.");
        }
    }
}
