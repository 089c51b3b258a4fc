package org.deliveryprogress.plans;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A value of an indicator as recorded for a period, by a return's update or an import: a number for a numeric
 * indicator, a text otherwise, with the officer's note, who recorded it and when.
 */
@Embeddable
public class RecordedValue {

    @Column(name = "number_value")
    private BigDecimal number;
    @Column(name = "text_value")
    private String text;
    private String note;
    /** The return whose update reported it; null when it was imported. */
    private Long returnId;
    private String recordedBy;
    private Instant recordedAt;

    protected RecordedValue() {
    }

    RecordedValue(BigDecimal number, String text, String note, Long returnId, String by, Instant at) {
        this.number = number;
        this.text = number == null ? text : null;
        this.note = note;
        this.returnId = returnId;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    BigDecimal getNumber() {
        return number;
    }

    public String getText() {
        return text;
    }

    /** The value as written: the number without trailing zeros, or the text. */
    public String getValue() {
        return number == null ? text : number.stripTrailingZeros().toPlainString();
    }

    public String getNote() {
        return note;
    }

    Long getReturnId() {
        return returnId;
    }

    /** Whether an import recorded it, rather than a return's update. */
    public boolean isImported() {
        return returnId == null;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
