package org.deliveryprogress.plans;

import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/**
 * A value of a period that an import or another return's update replaced: as it was recorded, and who replaced it
 * when. The plan's history shows it, so that a correction loses nothing.
 */
@Embeddable
public class ReplacedValue {

    @Embedded
    private RecordedValue recorded;
    private String replacedBy;
    private Instant replacedAt;

    protected ReplacedValue() {
    }

    ReplacedValue(RecordedValue recorded, String replacedBy, Instant replacedAt) {
        this.recorded = recorded;
        this.replacedBy = replacedBy;
        this.replacedAt = replacedAt;
    }

    public RecordedValue getRecorded() {
        return recorded;
    }

    public String getReplacedBy() {
        return replacedBy;
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }
}
