package org.deliveryprogress.plans;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.deliveryprogress.networks.Network;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

/**
 * A delivery plan of the register, with the fields of the progress template and the action plan's key partners.
 * Officers are Camunda user ids.
 */
@Entity
public class DeliveryPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Network network;

    private String reference;
    private String title;
    private String leadOfficer;
    private String judgingOfficer;
    private String dataEntryOfficer;
    private String agency;
    private String contact;
    private String partnershipGroup;
    private String priority;
    private String theme;
    private String keyPartners;
    private boolean active = true;

    /*
     * Sets, not lists: a query may then fetch both, and the indicators' targets, in one statement without repeating
     * an element in each (a return's evidence is read so). They are put in order here, not by the query: ordering
     * the rows of that join made MariaDB sort them in a temporary table on disk (the actions' texts), which doubled
     * the time of a statement every submission and judgement reads.
     */
    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    private Set<PlanIndicator> indicators = new LinkedHashSet<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    private Set<PlanAction> actions = new LinkedHashSet<>();

    protected DeliveryPlan() {
    }

    public DeliveryPlan(Network network, String reference, String title, String leadOfficer, String judgingOfficer) {
        this.network = network;
        this.reference = reference;
        this.title = title;
        this.leadOfficer = leadOfficer;
        this.judgingOfficer = judgingOfficer;
    }

    public void describe(String agency, String contact, String partnershipGroup, String priority, String theme) {
        this.agency = agency;
        this.contact = contact;
        this.partnershipGroup = partnershipGroup;
        this.priority = priority;
        this.theme = theme;
    }

    /** The organisations the plan is delivered with, as the paper plans list them under "Key partners". */
    public void setKeyPartners(String keyPartners) {
        this.keyPartners = keyPartners;
    }

    public void setDataEntryOfficer(String dataEntryOfficer) {
        this.dataEntryOfficer = dataEntryOfficer;
    }

    /** Renames the plan or gives it other officers; returns already open keep the officers they started with. */
    public void change(String title, String leadOfficer, String judgingOfficer) {
        this.title = title;
        this.leadOfficer = leadOfficer;
        this.judgingOfficer = judgingOfficer;
    }

    /** Whether the plan's judging officer is also one of the officers who write its update. */
    public boolean isJudgedByItsOwnOfficer() {
        return judgesOwnUpdate(judgingOfficer, leadOfficer, dataEntryOfficer);
    }

    /** Whether an update's judging officer is also its lead or data-entry officer, who write it. */
    public static boolean judgesOwnUpdate(String judgingOfficer, String leadOfficer, String dataEntryOfficer) {
        return judgingOfficer != null
                && (judgingOfficer.equals(leadOfficer) || judgingOfficer.equals(dataEntryOfficer));
    }

    /** A retired plan gets no more returns; its returns so far stay. */
    public void retire() {
        this.active = false;
    }

    public void reinstate() {
        this.active = true;
    }

    /** The indicator with that code, in any case: the database's keys ignore case. */
    public Optional<PlanIndicator> indicator(String code) {
        return indicators.stream().filter(indicator -> indicator.getCode().equalsIgnoreCase(code)).findFirst();
    }

    /** The action with that reference, in any case: the database's keys ignore case. */
    public Optional<PlanAction> action(String reference) {
        return actions.stream().filter(action -> action.getReference().equalsIgnoreCase(reference)).findFirst();
    }

    public PlanIndicator addIndicator(String code, String description, String baseline, String unit,
            boolean higherIsBetter) {
        PlanIndicator indicator = new PlanIndicator(this, code, description, baseline, unit, higherIsBetter);
        indicators.add(indicator);
        return indicator;
    }

    public PlanAction addAction(String reference, String action, String status) {
        PlanAction planAction = new PlanAction(this, reference, action, status);
        actions.add(planAction);
        return planAction;
    }

    public Long getId() {
        return id;
    }

    public Network getNetwork() {
        return network;
    }

    public String getReference() {
        return reference;
    }

    public String getTitle() {
        return title;
    }

    public String getLeadOfficer() {
        return leadOfficer;
    }

    public String getJudgingOfficer() {
        return judgingOfficer;
    }

    public String getDataEntryOfficer() {
        return dataEntryOfficer;
    }

    public String getAgency() {
        return agency;
    }

    public String getContact() {
        return contact;
    }

    public String getPartnershipGroup() {
        return partnershipGroup;
    }

    public String getPriority() {
        return priority;
    }

    public String getTheme() {
        return theme;
    }

    public String getKeyPartners() {
        return keyPartners;
    }

    public boolean isActive() {
        return active;
    }

    /** The indicators by code, ignoring case, as the database orders them. */
    public List<PlanIndicator> getIndicators() {
        return indicators.stream().sorted(Comparator.comparing(PlanIndicator::getCode, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The actions by reference, ignoring case, as the database orders them. */
    public List<PlanAction> getActions() {
        return actions.stream().sorted(Comparator.comparing(PlanAction::getReference, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
