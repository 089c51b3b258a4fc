package org.deliveryprogress.returns;

import java.time.Instant;

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

    public String getAchievements() {
        return achievements;
    }

    public String getPlannedActivities() {
        return plannedActivities;
    }

    public String getBlockages() {
        return blockages;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
