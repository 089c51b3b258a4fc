package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.shared.DayMonthYear;
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
    /**
     * How far ahead a remedial action may be due. It is to bring a Red or Amber plan back on track and is followed up
     * at every quarterly meeting; a Local Area Agreement, which its plans serve, runs three years. A later date is
     * almost surely a slip (2072 for 2027), and an action that long should be split into steps.
     */
    static final int DUE_DATE_YEARS_AHEAD = 3;

    /** An ISO date, or the date of an ISO date-time as some clients send it. */
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:T.*)?");
    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A judging officer's decision on an update. */
    record Judgement(boolean sentBack, RagStatus status, String comment) {
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

    ReturnUpdate update(Map<String, ?> values) {
        List<String> problems = new ArrayList<>();
        String achievements = requiredText(values, ACHIEVEMENTS, "Key achievements since last quarter",
                UPDATE_TEXT_LIMIT, problems);
        String planned = requiredText(values, PLANNED_ACTIVITIES, "Key activities planned for the next quarter",
                UPDATE_TEXT_LIMIT, problems);
        String blockages = optionalText(values, BLOCKAGES, "Blockages or issues", UPDATE_TEXT_LIMIT, problems);
        rejectIfAny(problems);
        return new ReturnUpdate(achievements, planned, blockages);
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

    Judgement judgement(Map<String, ?> submitted) {
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
        if (comment == null && sentBack) {
            problems.add("Say what more information you need from the lead officer.");
        } else if (comment == null && status != null && status.needsRemedialAction()) {
            problems.add((status == RagStatus.Amber ? "An " : "A ") + status + " status needs a comment: give an "
                    + "overview of the issue and the remedial action planned.");
        }
        rejectIfAny(problems);
        return new Judgement(sentBack, status, comment);
    }

    List<RemedialAction.Proposal> remedialActions(Map<String, ?> values) {
        List<String> problems = new ArrayList<>();
        List<RemedialAction.Proposal> proposals = new ArrayList<>();
        JsonNode actions = asJson(values.get(REMEDIAL_ACTIONS), problems);
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
            problems.add(where + IN_WORDS.format(date) + " is in the past; give a date from today, "
                    + IN_WORDS.format(today) + ", on.");
        } else if (date.isAfter(latest)) {
            problems.add(where + IN_WORDS.format(date) + " is more than " + DUE_DATE_YEARS_AHEAD + " years ahead: "
                    + "check the year, or split the action into steps that can be followed up by "
                    + IN_WORDS.format(latest) + ".");
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

    private static boolean isGiven(JsonNode entry, String key) {
        JsonNode node = entry == null ? null : entry.get(key);
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank());
    }

    private JsonNode asJson(Object value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return value instanceof String || !(value instanceof Collection<?> || value instanceof Map<?, ?>)
                    ? objectMapper.readTree(value.toString())
                    : objectMapper.valueToTree(value);
        } catch (JsonProcessingException e) {
            problems.add("The remedial actions are not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static String textOf(JsonNode entry, String field) {
        JsonNode node = entry == null ? null : entry.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        return node.asText().strip();
    }

    private static String requiredText(Map<String, ?> values, String name, String label, int limit,
            List<String> problems) {
        String text = optionalText(values, name, label, limit, problems);
        if (text == null && isBlank(values.get(name))) {
            problems.add(label + " (" + name + ") must be filled in.");
        }
        return text;
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
        return value == null || (value instanceof String text && text.isBlank());
    }

    private static void rejectIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new SubmissionRejectedException(problems.stream().filter(Objects::nonNull).toList());
        }
    }
}
