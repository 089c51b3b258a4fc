package org.deliveryprogress.imports;

import static org.deliveryprogress.imports.RegisterLayout.ACTIONS;
import static org.deliveryprogress.imports.RegisterLayout.INDICATORS;
import static org.deliveryprogress.imports.RegisterLayout.INDICATOR_VALUES;
import static org.deliveryprogress.imports.RegisterLayout.PLANS;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.engine.AsApplication;
import org.deliveryprogress.engine.EngineText;
import org.deliveryprogress.imports.ImportSummary.Counts;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.plans.ActionStatus;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.DeliveryPlanRepository;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.shared.ConflictException;
import org.deliveryprogress.shared.NumberInText;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a network's plans, indicators, actions and indicators' past values from spreadsheets (CSV or xlsx), all or
 * nothing: every file is read and every line checked before anything is written, and one mistake anywhere imports
 * nothing. References are the keys, so importing the same files again changes nothing.
 */
@Service
public class RegisterImport {

    static final int REFERENCE = 40;
    static final int USER_ID = 64;
    static final int SHORT_TEXT = 200;
    static final int MEDIUM_TEXT = 500;
    static final int LONG_TEXT = 10_000;
    /** As a return's update keeps an indicator's value and its note. */
    static final int VALUE_TEXT = 500;
    static final int NOTE_TEXT = 2_000;

    private static final List<String> OFFICER_COLUMNS = List.of("lead_officer", "judging_officer",
            "data_entry_officer");
    /** Beyond this a file is not the register it should be; the first ones say why. */
    private static final int PROBLEMS_REPORTED = 1_000;
    private static final int DUPLICATE_ENTRY = 1062;

    private final DeliveryPlanRepository plans;
    private final IndicatorValueRepository values;
    private final IdentityService identityService;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate transaction;

    RegisterImport(DeliveryPlanRepository plans, IndicatorValueRepository values, IdentityService identityService,
            Clock clock, CycleProperties cycleProperties, PlatformTransactionManager transactions) {
        this.plans = plans;
        this.values = values;
        this.identityService = identityService;
        this.clock = clock;
        this.zone = cycleProperties.timeZone();
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Imports the files given (any of plans, indicators, actions, indicator values) into the network, or throws with
     * every mistake. The values imported are recorded as by the user importing them.
     *
     * @throws ConflictException when another import added the same plans, indicators, actions or values after this one
     *                           read the register; nothing of this one is stored
     */
    public ImportSummary importFiles(Network network, Map<RegisterLayout, byte[]> files, String importedBy) {
        try {
            return transaction.execute(status -> importInTransaction(network, files, importedBy));
        } catch (DataIntegrityViolationException e) {
            // Two imports of the same new plans at once (a double click on Import, two managers): both found them
            // missing, and the second to insert one meets the first's row in a unique key, at the insert or at the
            // commit, which is why the transaction is this method's own and not the caller's.
            if (!isDuplicateKey(e)) {
                throw e;
            }
            throw new ConflictException("Another import of these plans has just finished, so nothing of this one "
                    + "was imported: import the files again to see what they change.");
        }
    }

    /** MariaDB's duplicate entry for a unique key (ER_DUP_ENTRY): any other violation is a mistake of the checks. */
    private static boolean isDuplicateKey(DataIntegrityViolationException e) {
        return NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
                && sql.getErrorCode() == DUPLICATE_ENTRY;
    }

    private ImportSummary importInTransaction(Network network, Map<RegisterLayout, byte[]> files, String importedBy) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<RegisterLayout, List<Row>> rows = new LinkedHashMap<>();
        for (RegisterLayout layout : RegisterLayout.values()) {
            if (files.containsKey(layout)) {
                read(layout, files.get(layout), problems).ifPresent(table -> rows.put(layout, table));
            }
        }
        Check check = new Check(network, problems);
        Map<String, Row> planRows = check.plans(rows.getOrDefault(PLANS, List.of()));
        Map<String, DeliveryPlan> existing = check.existingPlans(planRows.keySet(), rows);
        check.officersAreUsers(existing);
        Set<String> knownPlans = new HashSet<>(existing.keySet());
        knownPlans.addAll(planRows.keySet());
        // A plans file that could not be read would make every plan it names "unknown" to the other files.
        boolean plansUnreadable = files.containsKey(PLANS) && !rows.containsKey(PLANS);
        Map<PlanKey, List<Row>> indicatorRows = check.indicators(rows.getOrDefault(INDICATORS, List.of()), knownPlans,
                plansUnreadable, existing);
        Map<PlanKey, Row> actionRows = check.actions(rows.getOrDefault(ACTIONS, List.of()), knownPlans,
                plansUnreadable, existing);
        List<ImportedValue> valueRows = List.of();
        if (rows.containsKey(INDICATOR_VALUES)) {
            // Likewise an indicators file that could not be read, for the values of its indicators.
            boolean indicatorsUnreadable = files.containsKey(INDICATORS) && !rows.containsKey(INDICATORS);
            valueRows = check.values(rows.get(INDICATOR_VALUES), knownPlans, plansUnreadable,
                    indicatorsAfterImport(existing, indicatorRows), indicatorsUnreadable);
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((ImportProblem problem) -> RegisterLayout.ofFile(problem.file()))
                    .thenComparingInt(ImportProblem::line));
            throw new ImportRejectedException(problems.size() <= PROBLEMS_REPORTED ? problems
                    : problems.subList(0, PROBLEMS_REPORTED), problems.size());
        }
        Map<String, DeliveryPlan> byReference = new HashMap<>(existing);
        Counts planCounts = applyPlans(network, planRows, byReference);
        Counts indicatorCounts = applyIndicators(indicatorRows, byReference);
        Counts actionCounts = applyActions(actionRows, byReference);
        Counts valueCounts = applyValues(valueRows, byReference, importedBy);
        return new ImportSummary(planCounts, indicatorCounts, actionCounts, valueCounts);
    }

    /**
     * Whether each indicator the network will have after the import is numeric, by plan and code: the register's,
     * or as the indicators file describes it, which replaces its baseline and targets.
     */
    private static Map<PlanKey, Measure> indicatorsAfterImport(Map<String, DeliveryPlan> existing,
            Map<PlanKey, List<Row>> indicatorRows) {
        Map<PlanKey, Measure> measures = new HashMap<>();
        for (DeliveryPlan plan : existing.values()) {
            plan.getIndicators().forEach(indicator -> measures.put(PlanKey.of(plan.getReference(),
                    indicator.getCode()), new Measure(indicator.isNumeric(), indicator.getUnit())));
        }
        indicatorRows.forEach((indicator, rows) -> measures.put(indicator, new Measure(PlanIndicator.isNumeric(
                rows.get(0).get("baseline"), rows.stream().map(row -> row.get("target")).filter(Objects::nonNull)
                        .toList()), rows.get(0).get("unit"))));
        return measures;
    }

    /** What an indicator's values are measured in, once the import is done. */
    private record Measure(boolean numeric, String unit) {
    }

    private Optional<List<Row>> read(RegisterLayout layout, byte[] content, List<ImportProblem> problems) {
        Table table;
        try {
            table = Tables.read(content);
        } catch (TableFormatException e) {
            e.errors().forEach(error -> problems.add(ImportProblem.in(layout, error)));
            return Optional.empty();
        }
        Optional<RegisterLayout> otherFile = Arrays.stream(RegisterLayout.values())
                .filter(other -> other != layout && other.isLayoutOf(table.header().stream()
                        .filter(column -> !column.isBlank()).collect(Collectors.toSet())))
                .findFirst();
        if (otherFile.isPresent()) {
            // Its every line would be wrong for this file; one problem says what happened.
            problems.add(new ImportProblem(layout.fileName(), 1, null, "these are the columns of the "
                    + otherFile.get().fileName() + " file, not of the " + layout.fileName() + " file: choose this file "
                    + "as the " + otherFile.get().fileName() + " file"));
            return Optional.empty();
        }
        table.problems().forEach(error -> problems.add(ImportProblem.in(layout, error)));
        List<String> missing = layout.requiredColumns().stream().filter(column -> !table.header().contains(column))
                .toList();
        if (!missing.isEmpty()) {
            problems.add(new ImportProblem(layout.fileName(), 1, null, (missing.size() == 1
                    ? "the column " + missing.get(0) + " is missing" : "the columns " + String.join(", ", missing)
                            + " are missing") + "; the " + layout.fileName() + " file has the columns "
                    + layout.columnsInWords() + "; " + (layout.requiredColumns().equals(layout.columns())
                            ? "every column" : "every other column") + " must be there, if only empty"));
        }
        // Without a key column the rows cannot be checked; without another, they still can, for the other mistakes.
        boolean headerFits = missing.stream().noneMatch(layout.keyColumns()::contains);
        for (String column : table.header()) {
            if (!column.isBlank() && !layout.columns().contains(column)) {
                problems.add(new ImportProblem(layout.fileName(), 1, column, "\"" + column
                        + "\" is not a column of the " + layout.fileName() + " file, whose columns are "
                        + String.join(", ", layout.columns())));
            }
        }
        // Rows that do not fit the header are told already, and left out of the rows.
        if (table.rows().isEmpty() && table.problems().isEmpty() && headerFits) {
            problems.add(new ImportProblem(layout.fileName(), 1, null, "the file has a header but no rows"));
        }
        return headerFits ? Optional.of(table.rows()) : Optional.empty();
    }

    private Counts applyPlans(Network network, Map<String, Row> planRows, Map<String, DeliveryPlan> byReference) {
        Tally tally = new Tally();
        for (Row row : planRows.values()) {
            String reference = row.get("reference");
            DeliveryPlan plan = byReference.get(key(reference));
            List<String> before = plan == null ? null : RegisterLayout.rowOf(plan);
            if (plan == null) {
                plan = plans.save(new DeliveryPlan(network, reference, row.get("title"), row.get("lead_officer"),
                        row.get("judging_officer")));
                byReference.put(key(reference), plan);
            } else {
                plan.change(row.get("title"), row.get("lead_officer"), row.get("judging_officer"));
            }
            describe(plan, row);
            tally.count(before, RegisterLayout.rowOf(plan));
        }
        return tally.counts();
    }

    private static void describe(DeliveryPlan plan, Row row) {
        plan.setDataEntryOfficer(row.get("data_entry_officer"));
        plan.describe(row.get("agency"), row.get("contact"), row.get("partnership_group"), row.get("priority"),
                row.get("theme"));
        plan.setKeyPartners(row.getOrKept("key_partners", plan.getKeyPartners()));
        if (isRetiredAfterImport(plan, row)) {
            plan.retire();
        } else {
            plan.reinstate();
        }
    }

    /** Whether the row says the plan is retired, or leaves the register's word on a plan it has. */
    private static boolean isRetiredAfterImport(DeliveryPlan plan, Row row) {
        return row.has("retired") ? RegisterLayout.yesOrNo(row.get("retired")).orElse(false)
                : !plan.isActive();
    }

    private Counts applyIndicators(Map<PlanKey, List<Row>> indicatorRows, Map<String, DeliveryPlan> byReference) {
        Tally tally = new Tally();
        for (Map.Entry<PlanKey, List<Row>> entry : indicatorRows.entrySet()) {
            DeliveryPlan plan = byReference.get(entry.getKey().plan());
            Row first = entry.getValue().get(0);
            Map<String, String> targets = new TreeMap<>();
            entry.getValue().stream().filter(row -> row.get("target_year") != null)
                    .forEach(row -> targets.put(FinancialYearsTakenForMonths.asTyped(row.get("target_year")),
                            row.get("target")));
            boolean higherIsBetter = RegisterLayout.yesOrNo(first.get("higher_is_better")).orElseThrow();
            PlanIndicator indicator = plan.indicator(first.get("code")).orElse(null);
            List<List<String>> before = indicator == null ? null : RegisterLayout.rowsOf(plan, indicator);
            if (indicator == null) {
                indicator = plan.addIndicator(first.get("code"), first.get("description"), first.get("baseline"),
                        first.get("unit"), higherIsBetter);
                targets.forEach(indicator::setTarget);
            } else {
                indicator.change(first.get("description"), first.get("baseline"), first.get("unit"), higherIsBetter,
                        targets);
            }
            tally.count(before, RegisterLayout.rowsOf(plan, indicator));
        }
        return tally.counts();
    }

    private Counts applyActions(Map<PlanKey, Row> actionRows, Map<String, DeliveryPlan> byReference) {
        Tally tally = new Tally();
        // Each plan's actions by reference, made once: looked for one by one, a file of one plan's tens of thousands
        // of actions took minutes, each row searching every action before it.
        Map<String, Map<String, PlanAction>> actionsByPlan = new HashMap<>();
        for (Map.Entry<PlanKey, Row> entry : actionRows.entrySet()) {
            DeliveryPlan plan = byReference.get(entry.getKey().plan());
            Map<String, PlanAction> actions = actionsByPlan.computeIfAbsent(entry.getKey().plan(),
                    reference -> plan.getActions().stream().collect(Collectors.toMap(
                            action -> key(action.getReference()), Function.identity())));
            Row row = entry.getValue();
            String status = Optional.ofNullable(row.get("status"))
                    .map(written -> ActionStatus.read(written).orElse(written)).orElse(null);
            PlanAction action = actions.get(entry.getKey().key());
            List<String> before = action == null ? null : asStored(plan, action);
            if (action == null) {
                action = plan.addAction(row.get("reference"), row.get("action"), status);
                actions.put(entry.getKey().key(), action);
            } else {
                action.change(row.get("action"), status);
            }
            action.describe(row.get("objective"), row.get("milestones"), row.get("owner"), row.get("priority"));
            action.setResources(row.getOrKept("resources", action.getResources()));
            action.setRisk(row.getOrKept("risk", action.getRisk()));
            action.setDeadline(row.get("deadline"), Deadlines.dateIn(row.get("deadline")).orElse(null));
            tally.count(before, asStored(plan, action));
        }
        return tally.counts();
    }

    /**
     * An action as the register stores it: its row, and the deadline's date read from the row's words, which a
     * register filled in another way (the demo's) may not hold for the same words.
     */
    private static List<String> asStored(DeliveryPlan plan, PlanAction action) {
        List<String> stored = new ArrayList<>(RegisterLayout.rowOf(plan, action));
        stored.add(String.valueOf(action.getDeadline()));
        return stored;
    }

    /**
     * Each value joins its indicator's series; one for a period the series has replaces it. A value the series holds
     * already, with the same note, is left as it was recorded (by a return's update, say).
     */
    private Counts applyValues(List<ImportedValue> imported, Map<String, DeliveryPlan> byReference, String by) {
        Tally tally = new Tally();
        Instant at = clock.instant();
        // Each plan's series read once, not a query per line: a file may hold years of values for every plan.
        Map<String, Map<String, IndicatorValue>> seriesByPlan = new HashMap<>();
        for (ImportedValue row : imported) {
            DeliveryPlan plan = byReference.get(key(row.plan()));
            String code = plan.indicator(row.code()).orElseThrow().getCode();
            IndicatorValue value = new IndicatorValue(plan, code, row.period());
            value.record(row.number(), row.value(), row.note(), null, by, at);
            List<String> after = RegisterLayout.rowOf(plan, value);
            IndicatorValue stored = seriesByPlan.computeIfAbsent(key(row.plan()), reference -> seriesOf(plan))
                    .get(valueKey(code, row.period()));
            List<String> before = stored == null ? null : RegisterLayout.rowOf(plan, stored);
            tally.count(before, after);
            if (stored == null) {
                values.save(value);
            } else if (!before.equals(after)) {
                stored.record(row.number(), row.value(), row.note(), null, by, at);
            }
        }
        return tally.counts();
    }

    private Map<String, IndicatorValue> seriesOf(DeliveryPlan plan) {
        return values.findByPlan(plan).stream().collect(Collectors.toMap(value -> valueKey(value.getIndicatorCode(),
                value.getPeriod()), Function.identity()));
    }

    /** A value's place in its plan's series, as the database tells them apart: the code in any case. */
    private static String valueKey(String code, ReportingPeriod period) {
        return key(code) + "\u0000" + period;
    }

    /** A checked line of the values file: the number where its indicator is numeric, the value as written. */
    private record ImportedValue(String plan, String code, ReportingPeriod period, BigDecimal number, String value,
            String note) {
    }

    /** What each key's rows did, judged by the entity's export rows before and after: none before is a new one. */
    private static final class Tally {

        private int created;
        private int updated;
        private int unchanged;

        void count(Object before, Object after) {
            if (before == null) {
                created++;
            } else if (before.equals(after)) {
                unchanged++;
            } else {
                updated++;
            }
        }

        Counts counts() {
            return new Counts(created, updated, unchanged);
        }
    }

    /**
     * A row's place: its plan and its own key within the plan (an indicator's code, an action's reference), in the
     * database's terms: its keys ignore case, so "CS.1.1" and "cs.1.1" are one action.
     */
    record PlanKey(String plan, String key) {

        static PlanKey of(String plan, String key) {
            return new PlanKey(RegisterImport.key(plan), RegisterImport.key(key));
        }
    }

    static String key(String reference) {
        return reference.toLowerCase(Locale.ROOT);
    }

    /** Checks the rows of one import, collecting every problem. */
    private final class Check {

        private final Network network;
        private final List<ImportProblem> problems;
        /** The quarter under way in the partnership's time zone: no value can be for a later one. */
        private final ReportingPeriod currentQuarter;
        /** The rows of the plans file naming each officer, who must be users. */
        private final Map<String, List<Row>> officersNamed = new LinkedHashMap<>();

        Check(Network network, List<ImportProblem> problems) {
            this.network = network;
            this.problems = problems;
            this.currentQuarter = ReportingPeriod.quarterOf(LocalDate.now(clock.withZone(zone)));
        }

        Map<String, Row> plans(List<Row> rows) {
            Map<String, Row> byReference = new LinkedHashMap<>();
            Spellings spellings = new Spellings();
            for (Row row : rows) {
                String reference = required(PLANS, row, "reference", REFERENCE);
                if (reference != null && !EngineText.fits(reference)) {
                    problem(PLANS, row, "reference", "'" + reference + "' has a character the process engine cannot "
                            + "keep (an emoji, say): a reference names its returns in the engine; use letters, digits "
                            + "and punctuation");
                }
                required(PLANS, row, "title", MEDIUM_TEXT);
                for (String column : OFFICER_COLUMNS) {
                    String officer = column.equals("data_entry_officer") ? optional(PLANS, row, column, USER_ID)
                            : required(PLANS, row, column, USER_ID);
                    if (officer != null) {
                        officersNamed.computeIfAbsent(officer, id -> new ArrayList<>()).add(row);
                    }
                }
                if (!network.isOfficersMayJudgeOwnPlans() && DeliveryPlan.judgesOwnUpdate(row.get("judging_officer"),
                        row.get("lead_officer"), row.get("data_entry_officer"))) {
                    problem(PLANS, row, "judging_officer", "in " + network.getName() + " a plan's judging officer "
                            + "must be someone other than its lead and data-entry officers: name another officer");
                }
                optional(PLANS, row, "agency", SHORT_TEXT);
                optional(PLANS, row, "partnership_group", SHORT_TEXT);
                optional(PLANS, row, "priority", MEDIUM_TEXT);
                optional(PLANS, row, "theme", MEDIUM_TEXT);
                optional(PLANS, row, "contact", LONG_TEXT);
                optional(PLANS, row, "key_partners", LONG_TEXT);
                String retired = row.get("retired");
                if (retired != null && RegisterLayout.yesOrNo(retired).isEmpty()) {
                    problem(PLANS, row, "retired", "write yes for a plan that reports no more, or no (or nothing) for "
                            + "one that does, not \"" + retired + "\"");
                }
                if (reference != null) {
                    Row earlier = byReference.putIfAbsent(key(reference), row);
                    if (earlier != null) {
                        problem(PLANS, row, "reference", "the plan " + reference + " is already on line "
                                + earlier.line());
                    }
                    spellings.clash(reference).ifPresent(other -> problem(PLANS, row, "reference",
                            Spellings.problem("the plan", reference, other)));
                }
            }
            return byReference;
        }

        /**
         * A problem for each officer named who is not a user, unless a plan retired, and staying so, names them where
         * it did already: an officer who left once their plans had ended (their user deleted, which {@code identity}
         * allows then, or gone from LDAP). The register's export includes retired plans, and importing it must change
         * nothing.
         */
        void officersAreUsers(Map<String, DeliveryPlan> existing) {
            Set<String> users = existingUsers(officersNamed.keySet());
            officersNamed.forEach((officer, rowsNaming) -> {
                if (!users.contains(officer)) {
                    for (Row row : Set.copyOf(rowsNaming)) {
                        String reference = row.get("reference");
                        DeliveryPlan plan = reference == null ? null : existing.get(key(reference));
                        OFFICER_COLUMNS.stream().filter(column -> officer.equals(row.get(column)))
                                .filter(column -> plan == null || !isRetiredAfterImport(plan, row)
                                        || !officer.equals(officerOf(plan, column)))
                                .forEach(column -> problem(PLANS, row, column, "there is no user \"" + officer
                                        + "\": give the officer's Camunda user id, or create the user first"));
                    }
                }
            });
        }

        private static String officerOf(DeliveryPlan plan, String column) {
            return switch (column) {
                case "lead_officer" -> plan.getLeadOfficer();
                case "judging_officer" -> plan.getJudgingOfficer();
                default -> plan.getDataEntryOfficer();
            };
        }

        /** The network's plans the files name, and a problem for each one another network holds. */
        Map<String, DeliveryPlan> existingPlans(Collection<String> planReferences,
                Map<RegisterLayout, List<Row>> rows) {
            Map<String, DeliveryPlan> existing = new HashMap<>();
            for (DeliveryPlan plan : RegisterImport.this.plans.findByNetworkOrderByReference(network)) {
                existing.put(key(plan.getReference()), plan);
            }
            for (Row row : rows.getOrDefault(PLANS, List.of())) {
                String reference = row.get("reference");
                if (reference != null && planReferences.contains(key(reference))
                        && !existing.containsKey(key(reference))) {
                    RegisterImport.this.plans.findByReference(reference).ifPresent(other -> problem(PLANS, row,
                            "reference", !key(other.getReference()).equals(key(reference))
                                    && other.getNetwork().getId().equals(network.getId())
                                    ? Spellings.problem("the plan", reference, other.getReference())
                                    : "the plan " + reference + " belongs to another network"));
                }
            }
            return existing;
        }

        Map<PlanKey, List<Row>> indicators(List<Row> rows, Set<String> knownPlans, boolean plansUnreadable,
                Map<String, DeliveryPlan> existing) {
            Map<PlanKey, List<Row>> byIndicator = new LinkedHashMap<>();
            Map<String, Row> targetYears = new HashMap<>();
            Map<String, Spellings> codes = new HashMap<>();
            for (Row row : rows) {
                String plan = planReference(INDICATORS, row, knownPlans, plansUnreadable);
                String code = required(INDICATORS, row, "code", REFERENCE);
                required(INDICATORS, row, "description", LONG_TEXT);
                optional(INDICATORS, row, "baseline", SHORT_TEXT);
                optional(INDICATORS, row, "unit", REFERENCE);
                String higher = required(INDICATORS, row, "higher_is_better", SHORT_TEXT);
                if (higher != null && RegisterLayout.yesOrNo(higher).isEmpty()) {
                    problem(INDICATORS, row, "higher_is_better", "write yes or no, not \"" + higher + "\"");
                }
                String year = targetYear(row);
                String target = optional(INDICATORS, row, "target", SHORT_TEXT);
                if (year == null && target != null) {
                    problem(INDICATORS, row, "target_year", "the target " + target + " has no year");
                } else if (year != null && target == null) {
                    problem(INDICATORS, row, "target", "the target for " + year + " is empty");
                }
                if (plan == null || code == null) {
                    continue;
                }
                spellingsOf(codes, existing, plan, DeliveryPlan::getIndicators, PlanIndicator::getCode).clash(code)
                        .ifPresent(other -> problem(INDICATORS, row, "code",
                                Spellings.problem("the indicator", code, other)));
                List<Row> indicatorRows = byIndicator.computeIfAbsent(PlanKey.of(plan, code), k -> new ArrayList<>());
                if (!indicatorRows.isEmpty()) {
                    Row first = indicatorRows.get(0);
                    for (String column : List.of("description", "baseline", "unit", "higher_is_better")) {
                        if (notComparable(column, first) || notComparable(column, row)) {
                            continue;
                        }
                        if (!Objects.equals(comparable(column, first), comparable(column, row))) {
                            problem(INDICATORS, row, column, "differs from line " + first.line()
                                    + " for the same indicator " + code + " of " + plan);
                        }
                    }
                }
                indicatorRows.add(row);
                if (year != null) {
                    Row earlier = targetYears.putIfAbsent(key(plan + "\u0000" + code + "\u0000" + year), row);
                    if (earlier != null) {
                        problem(INDICATORS, row, "target_year", "the target of " + code + " for " + year
                                + " is already on line " + earlier.line());
                    }
                }
            }
            return byIndicator;
        }

        Map<PlanKey, Row> actions(List<Row> rows, Set<String> knownPlans, boolean plansUnreadable,
                Map<String, DeliveryPlan> existing) {
            Map<PlanKey, Row> byAction = new LinkedHashMap<>();
            Map<String, Spellings> references = new HashMap<>();
            LocalDate today = LocalDate.now(clock.withZone(zone));
            for (Row row : rows) {
                String plan = planReference(ACTIONS, row, knownPlans, plansUnreadable);
                String reference = required(ACTIONS, row, "reference", REFERENCE);
                optional(ACTIONS, row, "objective", LONG_TEXT);
                required(ACTIONS, row, "action", LONG_TEXT);
                optional(ACTIONS, row, "milestones", LONG_TEXT);
                optional(ACTIONS, row, "owner", MEDIUM_TEXT);
                Deadlines.mistakeIn(optional(ACTIONS, row, "deadline", 100), today)
                        .ifPresent(mistake -> problem(ACTIONS, row, "deadline", mistake));
                optional(ACTIONS, row, "priority", REFERENCE);
                optional(ACTIONS, row, "resources", MEDIUM_TEXT);
                optional(ACTIONS, row, "risk", LONG_TEXT);
                String status = optional(ACTIONS, row, "status", REFERENCE);
                if (status != null && ActionStatus.read(status).isEmpty()
                        && !heldAsWritten(existing, plan, reference, status)) {
                    problem(ACTIONS, row, "status", "\"" + status + "\" is not a status the register knows: "
                            + ActionStatus.choices());
                }
                if (plan != null && reference != null) {
                    Row earlier = byAction.putIfAbsent(PlanKey.of(plan, reference), row);
                    if (earlier != null) {
                        problem(ACTIONS, row, "reference", "the action " + reference + " of " + plan
                                + " is already on line " + earlier.line());
                    }
                    spellingsOf(references, existing, plan, DeliveryPlan::getActions, PlanAction::getReference)
                            .clash(reference).ifPresent(other -> problem(ACTIONS, row, "reference",
                                    Spellings.problem("the action", reference, other)));
                }
            }
            return byAction;
        }

        List<ImportedValue> values(List<Row> rows, Set<String> knownPlans, boolean plansUnreadable,
                Map<PlanKey, Measure> measures, boolean indicatorsUnreadable) {
            List<ImportedValue> values = new ArrayList<>();
            Map<String, Row> periods = new HashMap<>();
            for (Row row : rows) {
                String plan = planReference(INDICATOR_VALUES, row, knownPlans, plansUnreadable);
                String code = required(INDICATOR_VALUES, row, "code", REFERENCE);
                ReportingPeriod period = period(row);
                String value = required(INDICATOR_VALUES, row, "value", VALUE_TEXT);
                String note = optional(INDICATOR_VALUES, row, "note", NOTE_TEXT);
                if (plan == null || code == null) {
                    continue;
                }
                Measure measure = measures.get(PlanKey.of(plan, code));
                if (measure == null && !indicatorsUnreadable) {
                    problem(INDICATOR_VALUES, row, "code", "the plan " + plan + " has no indicator " + code
                            + ", neither in the register nor in the indicators file");
                }
                BigDecimal number = measure != null && measure.numeric() && value != null
                        ? number(row, code, value, measure.unit()) : null;
                if (period != null) {
                    Row earlier = periods.putIfAbsent(key(plan) + "\u0000" + valueKey(code, period), row);
                    if (earlier != null) {
                        problem(INDICATOR_VALUES, row, "period", "the value of " + code + " of " + plan + " for "
                                + period + " is already on line " + earlier.line());
                    }
                }
                values.add(new ImportedValue(plan, code, period, number, value, note));
            }
            return values;
        }

        /**
         * A target's year as written, a problem unless it is a financial year as returns look targets up (the year of
         * the quarter they report on): a year written otherwise ("2010", "2009-10") would be kept and never shown
         * beside a value.
         */
        private String targetYear(Row row) {
            String written = FinancialYearsTakenForMonths.asTyped(optional(INDICATORS, row, "target_year", 20));
            boolean financialYear = written != null && ReportingPeriod.parse(written)
                    .filter(period -> period.quarter() == null).isPresent();
            if (written != null && !financialYear) {
                problem(INDICATORS, row, "target_year", "\"" + written + "\" is not a year: write the financial "
                        + "year, such as 2009/10 (April 2009 to March 2010)");
            }
            return written;
        }

        private ReportingPeriod period(Row row) {
            String written = FinancialYearsTakenForMonths.asTyped(
                    required(INDICATOR_VALUES, row, "period", SHORT_TEXT));
            if (written == null) {
                return null;
            }
            Optional<ReportingPeriod> period = ReportingPeriod.parse(written);
            if (period.isEmpty()) {
                problem(INDICATOR_VALUES, row, "period", "\"" + written + "\" is not a period: "
                        + ReportingPeriod.whatToWrite(written, new ReportingPeriod(2026, 2)));
            } else if (!period.get().hasBegunBy(currentQuarter)) {
                problem(INDICATOR_VALUES, row, "period", period.get() + " has not begun yet: the latest quarter is "
                        + currentQuarter);
            }
            return period.orElse(null);
        }

        /**
         * The value of a numeric indicator: a number, one the series keeps as written, and a percentage only of an
         * indicator that may be one.
         */
        private BigDecimal number(Row row, String code, String value, String unit) {
            Optional<BigDecimal> number = NumberInText.exactly(value);
            if (number.isEmpty()) {
                problem(INDICATOR_VALUES, row, "value", "\"" + value + "\" is not a number, and " + code
                        + " is measured in numbers: write it in figures, such as 74.6");
            } else if (!IndicatorValue.keeps(number.get())) {
                problem(INDICATOR_VALUES, row, "value", value + " has more digits than a value keeps: at most "
                        + IndicatorValue.WHOLE_DIGITS + " before the decimal point and "
                        + IndicatorValue.DECIMAL_PLACES + " after it");
            } else {
                PlanIndicator.percentOfAnotherUnit(value, unit).ifPresent(figure -> problem(INDICATOR_VALUES, row,
                        "value", "\"" + value + "\" is a percentage, and " + code + " is measured in " + unit
                                + ": write it as " + figure));
            }
            return number.orElse(null);
        }

        private String planReference(RegisterLayout layout, Row row, Set<String> knownPlans,
                boolean plansUnreadable) {
            String plan = required(layout, row, "plan_reference", REFERENCE);
            if (plan != null && !knownPlans.contains(key(plan))) {
                if (plansUnreadable) {
                    return null;
                }
                problem(layout, row, "plan_reference", "there is no plan " + plan + " in " + network.getName()
                        + " or in the plans file");
                return null;
            }
            return plan;
        }

        /**
         * Whether the register holds the status as written for that action: one kept from before statuses were read
         * (V23 left those it could not read), which the action's export gives back, so that importing an export
         * changes nothing.
         */
        private static boolean heldAsWritten(Map<String, DeliveryPlan> existing, String plan, String reference,
                String status) {
            return plan != null && reference != null && Optional.ofNullable(existing.get(key(plan)))
                    .flatMap(held -> held.action(reference)).map(PlanAction::getStatus).filter(status::equals)
                    .isPresent();
        }

        /** A plan's keys of one kind as spelt so far: the register's first, then the files'. */
        private static <T> Spellings spellingsOf(Map<String, Spellings> byPlan, Map<String, DeliveryPlan> existing,
                String plan, Function<DeliveryPlan, Collection<T>> kept, Function<T, String> keyOf) {
            return byPlan.computeIfAbsent(key(plan), planKey -> {
                Spellings spellings = new Spellings();
                Optional.ofNullable(existing.get(planKey)).map(kept).orElse(List.of())
                        .forEach(item -> spellings.clash(keyOf.apply(item)));
                return spellings;
            });
        }

        /** A cell as it counts: yes and Yes are the same answer. */
        private static Object comparable(String column, Row row) {
            String value = row.get(column);
            return column.equals("higher_is_better") ? RegisterLayout.yesOrNo(value).orElse(null) : value;
        }

        /** A yes or no that is neither, told on its own line: the lines after it are not wrong for differing. */
        private static boolean notComparable(String column, Row row) {
            return column.equals("higher_is_better") && comparable(column, row) == null;
        }

        private String required(RegisterLayout layout, Row row, String column, int maxLength) {
            String value = row.get(column);
            if (value == null) {
                problem(layout, row, column, "is empty; it is required");
                return null;
            }
            return withinLength(layout, row, column, value, maxLength);
        }

        private String optional(RegisterLayout layout, Row row, String column, int maxLength) {
            String value = row.get(column);
            return value == null ? null : withinLength(layout, row, column, value, maxLength);
        }

        private String withinLength(RegisterLayout layout, Row row, String column, String value, int maxLength) {
            int length = value.codePointCount(0, value.length());
            if (length > maxLength) {
                problem(layout, row, column, "is " + length + " characters long; at most " + maxLength
                        + " are kept");
                return null;
            }
            return value;
        }

        private void problem(RegisterLayout layout, Row row, String column, String message) {
            problems.add(new ImportProblem(layout.fileName(), row.line(), column, message));
        }

        private Set<String> existingUsers(Collection<String> userIds) {
            if (userIds.isEmpty()) {
                return Set.of();
            }
            return AsApplication.run(identityService, () -> new HashSet<>(identityService.createUserQuery()
                    .userIdIn(userIds.toArray(String[]::new)).list().stream().map(User::getId).toList()));
        }
    }
}
