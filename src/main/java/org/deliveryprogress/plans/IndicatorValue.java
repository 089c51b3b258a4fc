package org.deliveryprogress.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.BatchSize;

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
    @Embedded
    private RecordedValue recorded;

    /**
     * What the period held before, where it came from elsewhere, the earliest first. Read only when a value is
     * replaced or the plan's history is shown: an update's values for a new period never load it.
     */
    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "indicator_value_replaced", joinColumns = @JoinColumn(name = "indicator_value_id"))
    @OrderColumn(name = "position")
    private List<ReplacedValue> replaced = new ArrayList<>();

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

    /**
     * Records the value (a number, or a text where the indicator is not numeric), replacing what the period had. What
     * it had is kept when it came from elsewhere (an import, or another return's update); a return's own value,
     * corrected after a send-back, is not.
     */
    public void record(BigDecimal number, String text, String note, Long returnId, String by, Instant at) {
        if (recorded != null && (returnId == null || !returnId.equals(recorded.getReturnId()))) {
            replaced.add(new ReplacedValue(recorded, by, at));
        }
        recorded = new RecordedValue(number, text, note, returnId, by, at);
    }

    Long getPlanId() {
        return plan.getId();
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public ReportingPeriod getPeriod() {
        return ReportingPeriod.parse(period).orElseThrow();
    }

    public BigDecimal getNumber() {
        return recorded.getNumber();
    }

    public String getText() {
        return recorded.getText();
    }

    /** The value as written: the number without trailing zeros, or the text. */
    public String getValue() {
        return recorded.getValue();
    }

    public String getNote() {
        return recorded.getNote();
    }

    public Long getReturnId() {
        return recorded.getReturnId();
    }

    public String getRecordedBy() {
        return recorded.getRecordedBy();
    }

    public Instant getRecordedAt() {
        return recorded.getRecordedAt();
    }

    /** Whether an import recorded it, rather than a return's update. */
    public boolean isImported() {
        return recorded.isImported();
    }

    /** The values the period held before this one, where they came from elsewhere, the earliest first. */
    public List<ReplacedValue> getReplaced() {
        return List.copyOf(replaced);
    }
}
