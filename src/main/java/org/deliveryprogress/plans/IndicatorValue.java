package org.deliveryprogress.plans;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

/**
 * One value of a plan's indicator, for one period: the series outlives changes to the plan's indicators, since it is
 * kept by the indicator's code. A number for a numeric indicator, a text otherwise.
 */
@Entity
public class IndicatorValue {

    /** The column keeps DECIMAL(20,6): 14 digits before the decimal point and 6 after. */
    public static final int WHOLE_DIGITS = 14;
    public static final int DECIMAL_PLACES = 6;

    /** From a sequence, so that an update's values are one batch of inserts (V15). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_value_seq")
    @SequenceGenerator(name = "indicator_value_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private DeliveryPlan plan;

    private String indicatorCode;
    private String period;
    @Column(name = "number_value")
    private BigDecimal number;
    @Column(name = "text_value")
    private String text;
    private String note;
    /** The return whose update reported it; null when it was imported. */
    private Long returnId;
    private String recordedBy;
    private Instant recordedAt;

    protected IndicatorValue() {
    }

    public IndicatorValue(DeliveryPlan plan, String indicatorCode, ReportingPeriod period) {
        this.plan = plan;
        this.indicatorCode = indicatorCode;
        this.period = period.toString();
    }

    /** Whether the series keeps the number as written, neither rounded nor too large for its column. */
    public static boolean keeps(BigDecimal number) {
        BigDecimal written = number.stripTrailingZeros();
        return written.scale() <= DECIMAL_PLACES && written.precision() - written.scale() <= WHOLE_DIGITS;
    }

    /** Records the value (a number, or a text where the indicator is not numeric), replacing what the period had. */
    public void record(BigDecimal number, String text, String note, Long returnId, String by, Instant at) {
        this.number = number;
        this.text = number == null ? text : null;
        this.note = note;
        this.returnId = returnId;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public Long getPlanId() {
        return plan.getId();
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public ReportingPeriod getPeriod() {
        return ReportingPeriod.parse(period).orElseThrow();
    }

    public BigDecimal getNumber() {
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

    public Long getReturnId() {
        return returnId;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
