package org.deliveryprogress.networks;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A partnership network: it oversees delivery plans and meets every quarter.
 */
@Entity
public class Network {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private HolidayRegion region;

    /** The Camunda group whose members manage this network: they agree remedial actions and run its cycles. */
    @Column(name = "manager_group")
    private String managerGroup;

    @Embedded
    private CycleOffsets offsets;

    @Embedded
    private StatusRules statusRules = StatusRules.defaults();

    /**
     * Whether a plan's data-entry officer may submit its update; otherwise they prepare it and hand it to the lead
     * officer, who submits it, as on the paper form. A new network starts with the lead officer submitting.
     */
    @Column(name = "entry_officers_may_submit")
    private boolean entryOfficersMaySubmit;

    /**
     * Whether a plan's judging officer may also be its lead or data-entry officer, as the paper form allows; a
     * partnership that wants its updates judged by someone who did not write them forbids it.
     */
    @Column(name = "officers_may_judge_own_plans")
    private boolean officersMayJudgeOwnPlans = true;

    protected Network() {
    }

    public Network(String code, String name, HolidayRegion region, String managerGroup, CycleOffsets offsets) {
        this.code = code;
        this.name = name;
        this.region = region;
        this.managerGroup = managerGroup;
        this.offsets = offsets;
    }

    public void change(String name, HolidayRegion region, CycleOffsets offsets) {
        this.name = name;
        this.region = region;
        this.offsets = offsets;
    }

    public void changeStatusRules(StatusRules statusRules) {
        this.statusRules = statusRules;
    }

    public void letEntryOfficersSubmit(boolean entryOfficersMaySubmit) {
        this.entryOfficersMaySubmit = entryOfficersMaySubmit;
    }

    public void letOfficersJudgeOwnPlans(boolean officersMayJudgeOwnPlans) {
        this.officersMayJudgeOwnPlans = officersMayJudgeOwnPlans;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public HolidayRegion getRegion() {
        return region;
    }

    public String getManagerGroup() {
        return managerGroup;
    }

    public CycleOffsets getOffsets() {
        return offsets;
    }

    public StatusRules getStatusRules() {
        return statusRules;
    }

    public boolean isEntryOfficersMaySubmit() {
        return entryOfficersMaySubmit;
    }

    public boolean isOfficersMayJudgeOwnPlans() {
        return officersMayJudgeOwnPlans;
    }
}
