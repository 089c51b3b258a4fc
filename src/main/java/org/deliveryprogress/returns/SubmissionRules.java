package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.plans.ActionStatus;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.shared.BlankText;
import org.deliveryprogress.shared.DayMonthYear;
import org.deliveryprogress.shared.NumberInText;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What officers may submit on each task of a return. Forms check some of this in the browser, but anything can reach
 * the REST API, so the server checks everything before a task completes, and says what to fix.
 */
@Component
class SubmissionRules {

    static final int UPDATE_TEXT_LIMIT = 100_000;
    static final int COMMENT_LIMIT = 10_000;
    static final int ACTION_LIMIT = 2_000;
    static final int OWNER_LIMIT = 200;
    static final int MAX_REMEDIAL_ACTIONS = 20;
    static final int NOTE_LIMIT = 2_000;
    static final int VALUE_LIMIT = 500;
    static final int MAX_EVIDENCE_ENTRIES = 100;
    private static final Map<String, String> SHAPES = Map.of(
            INDICATOR_VALUES, "{code, period, value, note, noData}",
            ACTION_PROGRESS, "{reference, status, note}",
            REMEDIAL_FOLLOW_UP, "{id, state, note}");
    private static final Map<String, String> MISSING = Map.of(
            INDICATOR_VALUES, "give each indicator's latest value, or say there is no new data and why.",
            ACTION_PROGRESS, "give the progress of each open action.",
            REMEDIAL_FOLLOW_UP, "say how each remedial action agreed last quarter was followed up.");
    /**
     * How far ahead a remedial action may be due. It is to bring a Red or Amber plan back on track and is followed up
     * at every quarterly meeting; a Local Area Agreement, which its plans serve, runs three years. A later date is
     * almost surely a slip (2072 for 2027), and an action that long should be split into steps.
     */
    static final int DUE_DATE_YEARS_AHEAD = 3;
    /** The longest remedial action a refusal quotes whole; officers.js shortens a row's heading alike. */
    private static final int HEADING_LIMIT = 60;

    /** An ISO date, or the date of an ISO date-time as some clients send it. */
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:T.*)?");

    /** What an update must answer: the plan's indicators, its open actions, last quarter's agreed remedial actions. */
    record ExpectedEvidence(List<PlanIndicator> indicators, List<PlanAction> openActions,
            List<RemedialAction> toFollowUp) {
    }

    /** An update as submitted: its texts and its evidence. */
    record Submission(ReturnUpdate texts, Evidence evidence) {
    }

    /** A judging officer's decision on an update, and what the evidence suggested when they made it. */
    record Judgement(boolean sentBack, RagStatus status, String comment, StatusSuggestion suggestion) {
    }

    /** A network manager's decision on proposed remedial actions. */
    record RemedialDecision(boolean agreed, String comment) {
    }

    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final ZoneId zone;

    SubmissionRules(ObjectMapper objectMapper, Clock clock,
            CycleProperties cycleProperties) {
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.zone = cycleProperties.timeZone();
    }

    /** An update's texts and evidence, every problem of both said at once. */
    Submission update(Map<String, ?> values, ExpectedEvidence expected) {
        List<String> problems = new ArrayList<>();
        String achievements = requiredText(values, UpdateText.ACHIEVEMENTS, problems);
        String planned = requiredText(values, UpdateText.PLANNED_ACTIVITIES, problems);
        String blockages = updateText(values, UpdateText.BLOCKAGES, problems);
        Evidence evidence = new Evidence(
                indicatorAnswers(entries(values, INDICATOR_VALUES, expected.indicators().size(), problems),
                        expected, problems),
                actionProgress(entries(values, ACTION_PROGRESS, expected.openActions().size(), problems), expected,
                        problems),
                followUps(entries(values, REMEDIAL_FOLLOW_UP, expected.toFollowUp().size(), problems), expected,
                        problems));
        rejectIfAny(problems);
        return new Submission(new ReturnUpdate(achievements, planned, blockages), evidence);
    }

    /** Each indicator once: a value for a period up to this quarter, or no new data and why. */
    private List<Evidence.IndicatorAnswer> indicatorAnswers(Entries entries, ExpectedEvidence expected,
            List<String> problems) {
        Map<String, PlanIndicator> byCode = new LinkedHashMap<>();
        expected.indicators().forEach(indicator -> byCode.put(indicator.getCode(), indicator));
        ReportingPeriod latest = ReportingPeriod.quarterOf(LocalDate.now(clock.withZone(zone)));
        List<Evidence.IndicatorAnswer> answers = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (JsonNode entry : entries.each()) {
            String code = textOf(entry, "code");
            PlanIndicator indicator = code == null ? null : byCode.get(code);
            if (indicator == null) {
                problems.add(code == null ? "Indicators: an answer has no code; give the indicator's code."
                        : "Indicators: '" + code + "' is not one of this plan's indicators (" + String.join(", ",
                                byCode.keySet()) + ").");
                continue;
            }
            if (!answered.add(code)) {
                problems.add(code + ": answered twice; give one answer per indicator.");
                continue;
            }
            String where = code + ": ";
            String note = limited(textOf(entry, "note"), where + "the note", NOTE_LIMIT, problems);
            String value = textOf(entry, "value");
            String periodText = textOf(entry, "period");
            if (isTrue(entry.get("noData"))) {
                if (note == null) {
                    problems.add(where + "say why there is no new data this quarter (note).");
                }
                if (value != null) {
                    problems.add(where + "give a value or say there is no new data, not both.");
                }
                answers.add(new Evidence.IndicatorAnswer(code, null, null, note, true));
                continue;
            }
            ReportingPeriod period = ReportingPeriod.parse(periodText).orElse(null);
            if (periodText == null) {
                problems.add(where + "say which period the value is for, such as " + latest.previous() + ".");
            } else if (period == null) {
                problems.add(where + "'" + periodText + "' is not a period; "
                        + ReportingPeriod.whatToWrite(periodText, latest.previous()) + ".");
            } else if (!period.hasBegunBy(latest)) {
                problems.add(where + period + " has not begun yet; the latest quarter is " + latest + ".");
            }
            if (value == null) {
                problems.add(where + "give the latest value, or say there is no new data this quarter.");
            } else {
                Optional<String> wrongFigure = indicator.isNumeric() ? wrongFigure(code, value, indicator)
                        : Optional.empty();
                if (wrongFigure.isPresent()) {
                    problems.add(where + wrongFigure.get());
                } else {
                    value = limited(value, where + "the value", VALUE_LIMIT, problems);
                }
            }
            answers.add(new Evidence.IndicatorAnswer(code, period, value, note, false));
        }
        List<String> unanswered = byCode.keySet().stream().filter(code -> !answered.contains(code)).toList();
        if (!unanswered.isEmpty() && !entries.refused()) {
            problems.add("Answer every indicator of the plan, with its latest value or no new data and why: "
                    + String.join(", ", unanswered) + (unanswered.size() == 1 ? " has" : " have") + " no answer.");
        }
        return answers;
    }

    /** What is wrong with a value of an indicator measured in numbers, in the order an officer would mend it. */
    private static Optional<String> wrongFigure(String code, String value, PlanIndicator indicator) {
        Optional<String> withDecimalPoint = NumberInText.withDecimalPoint(value);
        if (withDecimalPoint.isPresent()) {
            return Optional.of("'" + value + "' has a decimal comma; write it with a point: " + withDecimalPoint.get()
                    + ".");
        }
        Optional<BigDecimal> number = NumberInText.exactly(value);
        if (number.isEmpty()) {
            // A value without a figure ("n/a", "tbc", "-") is most often no data, which is answered as such.
            return Optional.of("'" + value + "' is not a number; write it in figures, such as 74.6"
                    + (indicator.getUnit() == null ? "" : " (" + indicator.getUnit() + ")")
                    + (value.chars().anyMatch(Character::isDigit) ? ""
                            : ", or say there is no new data this quarter and why")
                    + ".");
        }
        if (!IndicatorValue.keeps(number.get())) {
            return Optional.of("'" + value + "' has more than " + IndicatorValue.WHOLE_DIGITS + " digits before the "
                    + "decimal point or " + IndicatorValue.DECIMAL_PLACES + " after it; check it.");
        }
        return PlanIndicator.percentOfAnotherUnit(value, indicator.getUnit()).map(figure -> "'" + value
                + "' is a percentage, and " + code + " is measured in " + indicator.getUnit() + "; write it as "
                + figure + ".");
    }

    /** Each open action once: its status this quarter and, if it is behind, why. */
    private List<Evidence.ActionProgress> actionProgress(Entries entries, ExpectedEvidence expected,
            List<String> problems) {
        Set<String> open = new LinkedHashSet<>(expected.openActions().stream().map(PlanAction::getReference).toList());
        List<Evidence.ActionProgress> progress = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (JsonNode entry : entries.each()) {
            String reference = textOf(entry, "reference");
            if (reference == null || !open.contains(reference)) {
                problems.add(reference == null ? "Actions: a progress entry has no reference; give the action's."
                        : "Actions: '" + reference + "' is not an open action of this plan (" + String.join(", ",
                                open) + ").");
                continue;
            }
            if (!answered.add(reference)) {
                problems.add(reference + ": progress given twice; give one per action.");
                continue;
            }
            String where = "Action " + reference + ": ";
            String status = textOf(entry, "status");
            Optional<String> named = ActionStatus.named(status);
            String known = named.filter(ActionStatus.ANSWERS::contains).orElse(null);
            if (known == null) {
                problems.add(where + (status == null ? "choose its status"
                        : named.isEmpty() ? "'" + status + "' is not a status"
                                : "'" + named.get() + "' is what this update is asked for; say how the action stands")
                        + ": " + String.join(", ", ActionStatus.ANSWERS) + ".");
            }
            String note = limited(textOf(entry, "note"), where + "the note", NOTE_LIMIT, problems);
            if (ActionStatus.BEHIND.equals(known) && note == null) {
                problems.add(where + "say why it is behind and what is being done (note).");
            }
            progress.add(new Evidence.ActionProgress(reference, known, note));
        }
        List<String> unanswered = open.stream().filter(reference -> !answered.contains(reference)).toList();
        if (!unanswered.isEmpty() && !entries.refused()) {
            problems.add("Give the progress of every open action: " + String.join(", ", unanswered)
                    + (unanswered.size() == 1 ? " has" : " have") + " none.");
        }
        return progress;
    }

    /** Each remedial action agreed last quarter once: done, in progress or not done, and why not. */
    private List<Evidence.RemedialFollowUp> followUps(Entries entries, ExpectedEvidence expected,
            List<String> problems) {
        Map<String, RemedialAction> byId = new LinkedHashMap<>();
        expected.toFollowUp().forEach(action -> byId.put(String.valueOf(action.getId()), action));
        List<Evidence.RemedialFollowUp> followUps = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (JsonNode entry : entries.each()) {
            String id = textOf(entry, "id");
            RemedialAction action = id == null ? null : byId.get(id);
            if (action == null) {
                problems.add("Remedial actions agreed last quarter: " + (id == null ? "a follow-up has no id"
                        : "'" + id + "' is not one of them (" + String.join(", ", byId.keySet()) + ")") + ".");
                continue;
            }
            String where = "Remedial action agreed last quarter " + headingOf(action) + ": ";
            if (!answered.add(id)) {
                problems.add(where + "followed up twice; give one answer per action.");
                continue;
            }
            String state = textOf(entry, "state");
            Evidence.FollowUpState followed = Arrays.stream(Evidence.FollowUpState.values())
                    .filter(known -> known.name().equals(state)).findFirst().orElse(null);
            if (followed == null) {
                problems.add(where + (state == null ? "say" : "'" + state + "' is not a state; say") + " whether it "
                        + "is done, in progress or not done (done, inProgress, notDone).");
            }
            String note = limited(textOf(entry, "note"), where + "the note", NOTE_LIMIT, problems);
            if (followed == Evidence.FollowUpState.notDone && note == null) {
                problems.add(where + "say why it was not done (note).");
            }
            followUps.add(new Evidence.RemedialFollowUp(action.getId(), followed, note));
        }
        List<String> unanswered = byId.keySet().stream().filter(id -> !answered.contains(id))
                .map(id -> headingOf(byId.get(id))).toList();
        if (!unanswered.isEmpty() && !entries.refused()) {
            problems.add("Follow up every remedial action agreed last quarter: " + String.join(", ", unanswered)
                    + (unanswered.size() == 1 ? " has" : " have") + " no answer.");
        }
        return followUps;
    }

    /**
     * The Json list a field holds, each entry an object; a list where nothing is expected may be empty or absent. A
     * list missing or unreadable is refused as a whole, and its entries are none.
     */
    private Entries entries(Map<String, ?> values, String name, int expected, List<String> problems) {
        Object value = values.get(name);
        if (isBlank(value)) {
            if (expected > 0) {
                problems.add(name + " is missing: " + MISSING.get(name));
                return Entries.REFUSED;
            }
            return new Entries(List.of(), false);
        }
        JsonNode list = asJson(value, name, problems);
        if (list == null) {
            return Entries.REFUSED;
        }
        if (!list.isArray() || list.size() > MAX_EVIDENCE_ENTRIES
                || !list.valueStream().allMatch(JsonNode::isObject)) {
            problems.add(name + " must be a list of at most " + MAX_EVIDENCE_ENTRIES + " entries, each "
                    + SHAPES.get(name) + ".");
            return Entries.REFUSED;
        }
        return new Entries(list.valueStream().toList(), false);
    }

    /** A list's entries; {@code refused} when the list as a whole was, so that what it leaves out is not said too. */
    private record Entries(List<JsonNode> each, boolean refused) {

        static final Entries REFUSED = new Entries(List.of(), true);
    }

    /**
     * The text, or null when it is over the limit, which {@code problems} then says: "X is 1,234 characters long...".
     */
    static String limited(String text, String what, int limit, List<String> problems) {
        if (text != null && text.length() > limit) {
            problems.add(String.format(Locale.UK, "%s is %,d characters long; the limit is %,d.", what,
                    text.length(), limit));
            return null;
        }
        return text;
    }

    private static boolean isTrue(JsonNode node) {
        return node != null && (node.asBoolean(false) || "true".equalsIgnoreCase(node.asText()));
    }

    /**
     * A completion sets its task's fields and nothing else: not another task's, and not what the process keeps for
     * itself (the return, its officers, its deadlines), which would otherwise let an officer redirect the return.
     */
    void checkOnlyFieldsOf(ReturnTask task, Collection<String> changed) {
        List<String> others = changed.stream().filter(name -> !task.fields().contains(name)).sorted().toList();
        if (!others.isEmpty()) {
            throw new SubmissionRejectedException(List.of("This task takes " + String.join(", ",
                    task.fields().stream().sorted().toList()) + "; it cannot set " + String.join(", ", others)
                    + ". Send only the task's fields."));
        }
    }

    /**
     * The judge decides the status; one kinder than the evidence suggests (see {@link StatusSuggestion#isKinder})
     * needs a comment saying why, as a Red or Amber one needs an overview of the issue.
     */
    Judgement judgement(Map<String, ?> submitted, Optional<StatusSuggestion> suggestion) {
        Map<String, ?> values = withAliases(submitted);
        List<String> problems = new ArrayList<>();
        Object outcome = values.get(JUDGEMENT_OUTCOME);
        boolean sentBack = OUTCOME_SENT_BACK.equals(outcome);
        if (outcome != null && !sentBack && !OUTCOME_JUDGED.equals(outcome)) {
            problems.add("The judgement outcome must be 'judged' (set the status) or 'sentBack' (send the update "
                    + "back for more information), not '" + outcome + "'.");
        }
        RagStatus status = null;
        if (!sentBack) {
            Object rag = values.get(RAG_STATUS);
            status = RagStatus.parse(rag).orElse(null);
            if (isBlank(rag)) {
                problems.add("Choose a status: Red, Amber, Green or Blue.");
            } else if (status == null) {
                problems.add("The status must be Red, Amber, Green or Blue, not '" + rag + "'.");
            }
        }
        String comment = optionalText(values, JUDGEMENT_COMMENT, "The comment", COMMENT_LIMIT, problems);
        StatusSuggestion suggested = sentBack ? null : suggestion.orElse(null);
        if (comment == null && sentBack) {
            problems.add("Say what more information you need from the lead officer.");
        } else if (comment == null && status != null && suggested != null && suggested.isKinder(status)) {
            problems.add("The evidence suggests " + suggested.status() + " (" + String.join(" ", suggested.reasons())
                    + ") " + (status == RagStatus.Amber ? "An " : "A ") + status + " status is kinder than the "
                    + "evidence: say in the comment why.");
        } else if (comment == null && status != null && status.needsRemedialAction()) {
            problems.add((status == RagStatus.Amber ? "An " : "A ") + status + " status needs a comment: give an "
                    + "overview of the issue and the remedial action planned.");
        }
        rejectIfAny(problems);
        return new Judgement(sentBack, status, comment, suggested);
    }

    List<RemedialAction.Proposal> remedialActions(Map<String, ?> values) {
        List<String> problems = new ArrayList<>();
        List<RemedialAction.Proposal> proposals = new ArrayList<>();
        JsonNode actions = asJson(values.get(REMEDIAL_ACTIONS), "The remedial actions", problems);
        if (actions != null && !actions.isArray()) {
            problems.add("The remedial actions must be a list of {action, owner, dueDate} or {action, owner, dueDay, "
                    + "dueMonth, dueYear}.");
        } else if (actions == null || actions.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add("Propose at least one remedial action: what will be done, who is responsible and by "
                        + "when.");
            }
        } else if (actions.size() > MAX_REMEDIAL_ACTIONS) {
            problems.add("Propose at most " + MAX_REMEDIAL_ACTIONS + " remedial actions, not " + actions.size() + ".");
        } else {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            for (int i = 0; i < actions.size(); i++) {
                proposals.add(proposal(actions.get(i), i + 1, today, problems));
            }
        }
        rejectIfAny(problems);
        return proposals;
    }

    RemedialDecision remedialDecision(Map<String, ?> submitted) {
        Map<String, ?> values = withAliases(submitted);
        List<String> problems = new ArrayList<>();
        Object outcome = values.get(REMEDIAL_OUTCOME);
        boolean agreed = OUTCOME_AGREED.equals(outcome);
        if (!agreed && !OUTCOME_SENT_BACK.equals(outcome)) {
            problems.add(isBlank(outcome)
                    ? "Choose whether to agree the remedial actions ('agreed') or send them back ('sentBack')."
                    : "The decision must be 'agreed' or 'sentBack', not '" + outcome + "'.");
        }
        String comment = optionalText(values, REMEDIAL_COMMENT, "The comment", COMMENT_LIMIT, problems);
        if (comment == null && OUTCOME_SENT_BACK.equals(outcome)) {
            problems.add("Say why the remedial actions are sent back, so the lead officer knows what to change.");
        }
        rejectIfAny(problems);
        return new RemedialDecision(agreed, comment);
    }

    private RemedialAction.Proposal proposal(JsonNode entry, int number, LocalDate today, List<String> problems) {
        String where = "Remedial action " + number + ": ";
        String action = textOf(entry, "action");
        String owner = textOf(entry, "owner");
        if (action == null) {
            problems.add(where + "say what will be done.");
        } else if (action.length() > ACTION_LIMIT) {
            problems.add(where + "the description is " + action.length() + " characters long; the limit is "
                    + ACTION_LIMIT + ".");
        }
        if (owner == null) {
            problems.add(where + "say who is responsible.");
        } else if (owner.length() > OWNER_LIMIT) {
            problems.add(where + "the name of who is responsible is longer than " + OWNER_LIMIT + " characters.");
        }
        return new RemedialAction.Proposal(action, owner, dueDate(entry, where, today, problems));
    }

    /**
     * By when the action will be done, from either shape of an entry, day first as the UK writes it; every problem is
     * said: missing, both shapes, not a real date, in the past, or implausibly far ahead.
     */
    private static LocalDate dueDate(JsonNode entry, String where, LocalDate today, List<String> problems) {
        boolean iso = isGiven(entry, DUE_DATE);
        boolean partsGiven = Stream.of(DUE_DAY, DUE_MONTH, DUE_YEAR).anyMatch(key -> isGiven(entry, key));
        if (iso && partsGiven) {
            problems.add(where + "give the date either as " + DUE_DATE + " (YYYY-MM-DD) or as " + DUE_DAY + ", "
                    + DUE_MONTH + " and " + DUE_YEAR + ", not both.");
            return null;
        }
        if (!iso && !partsGiven) {
            problems.add(where + "say by when it will be done: the day, month and year.");
            return null;
        }
        LocalDate date = iso ? isoDate(entry.get(DUE_DATE).asText().strip(), where, problems)
                : dateFromParts(entry, where, problems);
        if (date == null) {
            return null;
        }
        LocalDate latest = today.plusYears(DUE_DATE_YEARS_AHEAD);
        if (date.isBefore(today)) {
            problems.add(where + ReadableDates.date(date) + " is in the past; give a date from today, "
                    + ReadableDates.date(today) + ", on.");
        } else if (date.isAfter(latest)) {
            problems.add(where + ReadableDates.date(date) + " is more than " + DUE_DATE_YEARS_AHEAD + " years ahead: "
                    + "check the year, or split the action into steps that can be followed up by "
                    + ReadableDates.date(latest) + ".");
        }
        return date;
    }

    private static LocalDate isoDate(String text, String where, List<String> problems) {
        Matcher iso = ISO_DATE.matcher(text);
        if (!iso.matches()) {
            problems.add(where + "'" + text + "' is not a date; write it as YYYY-MM-DD, for example 2027-01-31.");
            return null;
        }
        return realDate(new DayMonthYear(iso.group(3), iso.group(2), iso.group(1)), where, problems);
    }

    /** The three boxes as typed, or as a REST client sends them (31 or "31"). */
    private static LocalDate dateFromParts(JsonNode entry, String where, List<String> problems) {
        return realDate(new DayMonthYear(boxText(entry.get(DUE_DAY)), boxText(entry.get(DUE_MONTH)),
                boxText(entry.get(DUE_YEAR))), where, problems);
    }

    private static String boxText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber() && node.canConvertToInt()
                && node.decimalValue().remainder(BigDecimal.ONE).signum() == 0) {
            return String.valueOf(node.intValue());
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static LocalDate realDate(DayMonthYear boxes, String where, List<String> problems) {
        List<String> found = boxes.problems();
        found.forEach(problem -> problems.add(where + problem));
        return found.isEmpty() ? boxes.date() : null;
    }

    /** A remedial action as the update's form heads its row, which numbers none: by what it says, or its start. */
    private static String headingOf(RemedialAction action) {
        String text = action.getAction().strip().replaceAll("\\s+", " ");
        int cut = text.lastIndexOf(' ', HEADING_LIMIT - 1);
        return "'" + (text.length() <= HEADING_LIMIT ? text
                : text.substring(0, cut > 0 ? cut : HEADING_LIMIT - 1) + "…") + "'";
    }

    private static boolean isGiven(JsonNode entry, String key) {
        JsonNode node = entry == null ? null : entry.get(key);
        return node != null && !node.isNull() && !(node.isTextual() && BlankText.isBlank(node.asText()));
    }

    private JsonNode asJson(Object value, String what, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return value instanceof String || !(value instanceof Collection<?> || value instanceof Map<?, ?>)
                    ? objectMapper.readTree(value.toString())
                    : objectMapper.valueToTree(value);
        } catch (JsonProcessingException e) {
            problems.add(what + " are not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static String textOf(JsonNode entry, String field) {
        JsonNode node = entry == null ? null : entry.get(field);
        if (node == null || node.isNull() || BlankText.isBlank(node.asText())) {
            return null;
        }
        return node.asText().strip();
    }

    private static String requiredText(Map<String, ?> values, UpdateText updateText, List<String> problems) {
        String text = updateText(values, updateText, problems);
        if (text == null && isBlank(values.get(updateText.variable()))) {
            problems.add(updateText.label() + " (" + updateText.variable() + ") must be filled in.");
        }
        return text;
    }

    private static String updateText(Map<String, ?> values, UpdateText updateText, List<String> problems) {
        return optionalText(values, updateText.variable(), updateText.label(), UPDATE_TEXT_LIMIT, problems);
    }

    private static String optionalText(Map<String, ?> values, String name, String label, int limit,
            List<String> problems) {
        Object value = values.get(name);
        if (isBlank(value)) {
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(label + " (" + name + ") must be text.");
            return null;
        }
        if (text.length() > limit) {
            problems.add(String.format(Locale.UK, "%s (%s) is %,d characters long; the limit is %,d. Shorten it.",
                    label, name, text.length(), limit));
            return null;
        }
        return text;
    }

    /** The values under their public names: a form's optional field counts when its public one is blank. */
    private static Map<String, ?> withAliases(Map<String, ?> submitted) {
        Map<String, Object> values = new HashMap<>(submitted);
        FORM_ALIASES.forEach((alias, name) -> {
            Object value = values.remove(alias);
            if (isBlank(values.get(name))) {
                values.put(name, value);
            }
        });
        return values;
    }

    private static boolean isBlank(Object value) {
        return value == null || (value instanceof String text && BlankText.isBlank(text));
    }

    private static void rejectIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems.stream().filter(Objects::nonNull).toList());
        }
    }
}
