package org.deliveryprogress.plans;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.deliveryprogress.shared.NumberInText;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;

/** A measure a plan reports against, such as NI 1, with its targets by year. */
@Entity
public class PlanIndicator {

    private static final Pattern UNIT_IN_PER_CENT = Pattern.compile("%|\\bper\\s*cent", Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITTEN_AS_PERCENT = Pattern.compile("\\s*(.*?)\\s*%\\s*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private DeliveryPlan plan;

    private String code;
    private String description;
    private String baseline;
    private String unit;
    private boolean higherIsBetter;

    @ElementCollection
    @CollectionTable(name = "plan_indicator_target", joinColumns = @JoinColumn(name = "indicator_id"))
    @MapKeyColumn(name = "target_year")
    @Column(name = "target")
    private Map<String, String> targetsByYear = new LinkedHashMap<>();

    protected PlanIndicator() {
    }

    PlanIndicator(DeliveryPlan plan, String code, String description, String baseline, String unit,
            boolean higherIsBetter) {
        this.plan = plan;
        this.code = code;
        this.description = description;
        this.baseline = baseline;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    public void setTarget(String year, String target) {
        targetsByYear.put(year, target);
    }

    public void change(String description, String baseline, String unit, boolean higherIsBetter,
            Map<String, String> targetsByYear) {
        this.description = description;
        this.baseline = baseline;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.targetsByYear.clear();
        this.targetsByYear.putAll(targetsByYear);
    }

    public String getCode() {
        return code;
    }

    public String getDescription() {
        return description;
    }

    public String getBaseline() {
        return baseline;
    }

    public String getUnit() {
        return unit;
    }

    public boolean isHigherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Whether its values are numbers: its baseline or a target holds one besides the years it names ("Reduce by 10%",
     * "812 (2007/08)"). An indicator measured in words ("strategy adopted") takes text, and so does one whose only
     * figures are years ("Strategy adopted by 2010/11"): until 6 December 2026 a year made it take numbers only.
     */
    public boolean isNumeric() {
        return isNumeric(baseline, targetsByYear.values());
    }

    /** The same for an indicator not stored yet, such as one a spreadsheet brings with its values. */
    public static boolean isNumeric(String baseline, Collection<String> targets) {
        return Stream.concat(Stream.of(baseline), targets.stream())
                .anyMatch(text -> NumberInText.firstBesidesPeriods(text).isPresent());
    }

    /**
     * A value written as a percentage ("12%") for an indicator measured in something else ("reports"), without its per
     * cent sign: a figure of another measure, or a count mistaken for a rate, which the series and the charts would
     * then mix with its other values. Empty for any other value, and for an indicator without a unit, which may be a
     * percentage.
     */
    public static Optional<String> percentOfAnotherUnit(String value, String unit) {
        Matcher percent = value == null ? null : WRITTEN_AS_PERCENT.matcher(value);
        return percent != null && percent.matches() && unit != null && !UNIT_IN_PER_CENT.matcher(unit).find()
                ? Optional.of(percent.group(1)) : Optional.empty();
    }

    /**
     * Whether a unit begins with its per cent ("%", "% of pupils", "per cent"), so that the sign of a figure written
     * "74.6%" is the unit's own: "74.6 % of pupils". Not "pupils (%)", where "74.6 pupils (%)" would read as a count.
     */
    public static boolean beginsInPerCent(String unit) {
        return unit != null && UNIT_IN_PER_CENT.matcher(unit.strip()).lookingAt();
    }

    public Map<String, String> getTargetsByYear() {
        return targetsByYear;
    }
}
