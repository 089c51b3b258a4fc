package org.deliveryprogress.plans;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A value of a period that an import or another return's update replaced: as it was recorded, and who replaced it
 * when. The plan's history shows it, so that a correction loses nothing.
 */
@Embeddable
public class ReplacedValue {

    @Column(name = "number_value")
    private BigDecimal number;
    @Column(name = "text_value")
    private String text;
    private String note;
    /** The return whose update reported it; null when it was imported. */
    private Long returnId;
    private String recordedBy;
    private Instant recordedAt;
    private String replacedBy;
    private Instant replacedAt;

    protected ReplacedValue() {
    }

    ReplacedValue(IndicatorValue value, String replacedBy, Instant replacedAt) {
        this.number = value.getNumber();
        this.text = value.getText();
        this.note = value.getNote();
        this.returnId = value.getReturnId();
        this.recordedBy = value.getRecordedBy();
        this.recordedAt = value.getRecordedAt();
        this.replacedBy = replacedBy;
        this.replacedAt = replacedAt;
    }

    /** The value as written: the number without trailing zeros, or the text. */
    public String getValue() {
        return number == null ? text : number.stripTrailingZeros().toPlainString();
    }

    public String getNote() {
        return note;
    }

    public boolean isImported() {
        return returnId == null;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getReplacedBy() {
        return replacedBy;
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }
}
