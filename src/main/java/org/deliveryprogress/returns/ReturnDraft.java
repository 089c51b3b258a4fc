package org.deliveryprogress.returns;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The update of a return as its officers have written it so far, saved on the server. */
@Entity
public class ReturnDraft {

    @Id
    private Long planReturnId;

    private String achievements;
    private String plannedActivities;
    private String blockages;
    /** The evidence's three lists as filled in so far, as JSON; null until a form saved them. */
    private String evidence;
    private String savedBy;
    private Instant savedAt;

    protected ReturnDraft() {
    }

    ReturnDraft(Long planReturnId) {
        this.planReturnId = planReturnId;
    }

    void save(ReturnUpdate texts, String savedBy, Instant savedAt) {
        this.achievements = texts.achievements();
        this.plannedActivities = texts.plannedActivities();
        this.blockages = texts.blockages();
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    /**
     * The texts an open update shows: the draft's, whole, where there is one (a text it leaves empty stays empty), or
     * else those last submitted (an update sent back).
     */
    static ReturnUpdate textsToShow(Optional<ReturnDraft> draft, PlanReturn planReturn) {
        return draft.map(saved -> new ReturnUpdate(saved.achievements, saved.plannedActivities, saved.blockages))
                .orElseGet(() -> new ReturnUpdate(planReturn.getAchievements(), planReturn.getPlannedActivities(),
                        planReturn.getBlockages()));
    }

    public String getAchievements() {
        return achievements;
    }

    public String getPlannedActivities() {
        return plannedActivities;
    }

    public String getBlockages() {
        return blockages;
    }

    void saveEvidence(String evidence) {
        this.evidence = evidence;
    }

    public String getEvidence() {
        return evidence;
    }

    String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    /**
     * Which save of the draft this is, for a form to send back with its next save: a save based on another finds the
     * draft saved again since the form was opened ({@link ReturnDrafts}).
     */
    public String version() {
        return savedAt.toString();
    }
}
