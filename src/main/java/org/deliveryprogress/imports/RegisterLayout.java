package org.deliveryprogress.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;

/**
 * The spreadsheet layouts of the register: one per kind of row, the same for import and export, so that importing
 * an export changes nothing. An entity's row is also how an import tells whether a line changes anything.
 */
public enum RegisterLayout {

    /**
     * {@code retired} is {@code yes} for a plan that reports no more ({@code no}, or empty, for one that does), so that
     * an export imported into another register keeps its retired plans retired.
     */
    PLANS("plans", "Plans", List.of("reference", "title", "lead_officer", "judging_officer", "data_entry_officer",
            "agency", "partnership_group", "priority", "theme", "contact", "key_partners", "retired"),
            List.of("reference"), List.of("key_partners", "retired")),
    /**
     * One row per target year. {@code higher_is_better} is {@code yes} or {@code no} (read in any letter case,
     * written in small letters); {@code target_year} is a financial year as returns name it, {@code 2009/10}.
     */
    INDICATORS("indicators", "Indicators", List.of("plan_reference", "code", "description", "baseline", "unit",
            "higher_is_better", "target_year", "target"), List.of("plan_reference", "code", "target_year"), List.of()),
    /**
     * Every cell kept as written but the status, read as one of the register's ({@code plans.ActionStatus}: "Done" is
     * kept as completed); an empty status stays empty.
     */
    ACTIONS("actions", "Actions", List.of("plan_reference", "reference", "objective", "action", "milestones",
            "owner", "deadline", "priority", "status", "resources", "risk"), List.of("plan_reference", "reference"),
            List.of("resources", "risk")),
    /** Past values of the plans' indicators, one row per indicator per period. */
    INDICATOR_VALUES("indicator_values", "Indicator values", List.of("plan_reference", "code", "period", "value",
            "note"), List.of("plan_reference", "code", "period"), List.of());

    private static final String YES = "yes";
    private static final String NO = "no";

    private final String fileName;
    private final String label;
    private final List<String> columns;
    private final List<String> keyColumns;
    private final List<String> optionalColumns;

    RegisterLayout(String fileName, String label, List<String> columns, List<String> keyColumns,
            List<String> optionalColumns) {
        this.fileName = fileName;
        this.label = label;
        this.columns = columns;
        this.keyColumns = keyColumns;
        this.optionalColumns = optionalColumns;
    }

    /** The layout of the register's file of this name (plans, indicators, actions, indicator_values), if any. */
    public static Optional<RegisterLayout> named(String fileName) {
        return Arrays.stream(values()).filter(layout -> layout.fileName.equals(fileName)).findFirst();
    }

    static RegisterLayout ofFile(String fileName) {
        return named(fileName).orElseThrow(() -> new IllegalArgumentException("No register file " + fileName));
    }

    public String fileName() {
        return fileName;
    }

    /** The file's name in a sentence's first words, as the pages show it: "Indicator values". */
    public String label() {
        return label;
    }

    public List<String> columns() {
        return columns;
    }

    /** The columns that say which plan, indicator target or action a row is. */
    List<String> keyColumns() {
        return keyColumns;
    }

    /**
     * The columns a file must have, if only empty: all but those added after the layout's first columns, which a file
     * may leave out so that files made before them still import. A file without one changes none of what the register
     * holds in it.
     */
    List<String> requiredColumns() {
        return columns.stream().filter(column -> !optionalColumns.contains(column)).toList();
    }

    /**
     * The columns in a sentence, and those a file may leave out: "..., resources, risk (resources and risk may be
     * left out: the register then keeps what it holds)".
     */
    public String columnsInWords() {
        return String.join(", ", columns) + (optionalColumns.isEmpty() ? "" : " (" + String.join(" and ",
                optionalColumns) + " may be left out: the register then keeps what it holds)");
    }

    /** Whether a file with these columns is one of this layout: every column it must have, and no other. */
    boolean isLayoutOf(Set<String> header) {
        return columns.containsAll(header) && header.containsAll(requiredColumns());
    }

    static List<String> rowOf(DeliveryPlan plan) {
        return cells(plan.getReference(), plan.getTitle(), plan.getLeadOfficer(), plan.getJudgingOfficer(),
                plan.getDataEntryOfficer(), plan.getAgency(), plan.getPartnershipGroup(), plan.getPriority(),
                plan.getTheme(), plan.getContact(), plan.getKeyPartners(), yesNo(!plan.isActive()));
    }

    /** An indicator's rows: one per target year, or a single row without a year when it has no targets. */
    static List<List<String>> rowsOf(DeliveryPlan plan, PlanIndicator indicator) {
        List<List<String>> rows = new ArrayList<>();
        indicator.getTargetsByYear().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(target -> rows.add(indicatorRow(plan, indicator, target.getKey(), target.getValue())));
        if (rows.isEmpty()) {
            rows.add(indicatorRow(plan, indicator, null, null));
        }
        return rows;
    }

    static List<String> rowOf(DeliveryPlan plan, PlanAction action) {
        return cells(plan.getReference(), action.getReference(), action.getObjective(), action.getAction(),
                action.getMilestones(), action.getOwner(), action.getDeadlineText(), action.getPriority(),
                action.getStatus(), action.getResources(), action.getRisk());
    }

    /** A value as it was written: the number without trailing zeros (74.6, not 74.600000), or the text. */
    static List<String> rowOf(DeliveryPlan plan, IndicatorValue value) {
        return cells(plan.getReference(), value.getIndicatorCode(), value.getPeriod().toString(), value.getValue(),
                value.getNote());
    }

    /**
     * Every row of the kind for the plans, in a stable order. Values are those of the indicators each plan has: the
     * series keeps those of an indicator the plan no longer has, which an import would refuse.
     */
    List<List<String>> rowsOf(List<DeliveryPlan> plans, Function<DeliveryPlan, List<IndicatorValue>> seriesOf) {
        List<List<String>> rows = new ArrayList<>();
        for (DeliveryPlan plan : plans.stream().sorted(Comparator.comparing(DeliveryPlan::getReference)).toList()) {
            switch (this) {
                case PLANS -> rows.add(rowOf(plan));
                case INDICATORS -> plan.getIndicators().stream()
                        .sorted(Comparator.comparing(PlanIndicator::getCode))
                        .forEach(indicator -> rows.addAll(rowsOf(plan, indicator)));
                case ACTIONS -> plan.getActions().stream()
                        .sorted(Comparator.comparing(PlanAction::getReference))
                        .forEach(action -> rows.add(rowOf(plan, action)));
                case INDICATOR_VALUES -> seriesOf.apply(plan).stream()
                        .filter(value -> plan.indicator(value.getIndicatorCode()).isPresent())
                        .forEach(value -> rows.add(rowOf(plan, value)));
            }
        }
        return rows;
    }

    /** How {@code higher_is_better} and {@code retired} are written: the answer read from {@code yes} or {@code no}. */
    static String yesNo(boolean value) {
        return value ? YES : NO;
    }

    /** The answer a yes-or-no column gives, if it is {@code yes} or {@code no} in any letter case. */
    static Optional<Boolean> yesOrNo(String written) {
        return YES.equalsIgnoreCase(written) ? Optional.of(true)
                : NO.equalsIgnoreCase(written) ? Optional.of(false) : Optional.empty();
    }

    private static List<String> indicatorRow(DeliveryPlan plan, PlanIndicator indicator, String year,
            String target) {
        return cells(plan.getReference(), indicator.getCode(), indicator.getDescription(), indicator.getBaseline(),
                indicator.getUnit(), yesNo(indicator.isHigherIsBetter()), year, target);
    }

    private static List<String> cells(String... values) {
        List<String> cells = new ArrayList<>();
        for (String value : values) {
            cells.add(value == null ? "" : value);
        }
        return cells;
    }
}
