package org.deliveryprogress.returns;

import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleDeadlines;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.plans.ActionStatus;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.IndicatorCharts;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.plans.PlanIndicator;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What the Camunda Forms of a return's tasks show, read from the application's tables when a form opens: the plan,
 * its deadlines, last quarter's return, its open actions, and what has been submitted so far (so that an update sent
 * back for more information opens with the text the officer wrote, and its judge sees what the answer changed), and
 * what Tasklist's script needs to confirm a completion. Values are plain texts, maps and lists; maps and lists reach
 * the form as Json variables ({@link ReturnFormHandler}).
 */
@Component
@Transactional(readOnly = true)
class ReturnForms {

    private final PlanReturnRepository returns;
    private final ReturnDraftRepository drafts;
    private final IndicatorValueRepository indicatorValues;
    private final EvidenceViews evidenceViews;
    private final UserDirectory users;
    private final AgreeingManager agreeingManager;
    private final IdentityService identityService;
    private final ReadableDates dates;
    private final ZoneId zone;
    private final ObjectMapper objectMapper;

    ReturnForms(PlanReturnRepository returns, ReturnDraftRepository drafts, IndicatorValueRepository indicatorValues,
            EvidenceViews evidenceViews, UserDirectory users, AgreeingManager agreeingManager,
            IdentityService identityService, ReadableDates dates, CycleProperties cycleProperties,
            ObjectMapper objectMapper) {
        this.returns = returns;
        this.drafts = drafts;
        this.indicatorValues = indicatorValues;
        this.evidenceViews = evidenceViews;
        this.users = users;
        this.agreeingManager = agreeingManager;
        this.identityService = identityService;
        this.dates = dates;
        this.zone = cycleProperties.timeZone();
        this.objectMapper = objectMapper;
    }

    /**
     * What the return's task's form shows. The task's due date is its own: a manager may have moved it from the
     * cycle's ({@link ReturnDeadlines}).
     */
    Map<String, Object> formData(Long returnId, String taskDefinitionKey, Date due) {
        PlanReturn planReturn = returns.findWithPlanEvidence(returnId).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("plan", plan(planReturn));
        data.put("cycle", cycle(planReturn.getCycle()));
        if (due != null) {
            data.put("task", Map.of("dueDate", day(due.toInstant())));
        }
        data.put("confirmation", confirmation(planReturn, taskDefinitionKey));
        Optional<PlanReturn> previous = returns.findPrevious(planReturn.getPlan().getId(),
                planReturn.getCycle().getId());
        previous.ifPresent(last -> {
            data.put("lastReturn", lastReturn(last));
            data.put("agreedRemedialActions", remedialActions(last, RemedialAction.State.AGREED));
        });
        data.put("openActions", planReturn.getPlan().getActions().stream().filter(PlanAction::isOpen)
                .map(ReturnForms::action).toList());
        if (planReturn.getSubmittedAt() != null) {
            data.put("update", update(planReturn));
        }
        if (planReturn.getJudgedAt() != null) {
            data.put("judgement", judgement(planReturn));
        }
        if (planReturn.getRemedialDecidedBy() != null) {
            data.put("remedialDecision", remedialDecision(planReturn));
        }
        switch (taskDefinitionKey) {
            case TASK_SUBMIT_UPDATE -> {
                Optional<ReturnDraft> draft = drafts.findById(returnId);
                JsonNode drafted = draftedEvidence(draft);
                data.put(INDICATOR_VALUES, withDraft(indicatorRows(planReturn), drafted.path(INDICATOR_VALUES),
                        "code", "period", "value", "note", "noData"));
                data.put(ACTION_PROGRESS, withDraft(actionRows(planReturn, previous), drafted.path(ACTION_PROGRESS),
                        "reference", "status", "note"));
                data.put(REMEDIAL_FOLLOW_UP, withDraft(followUpRows(planReturn, previous),
                        drafted.path(REMEDIAL_FOLLOW_UP), "id", "state", "note"));
                ReturnUpdate texts = ReturnDraft.textsToShow(draft, planReturn);
                putIfPresent(data, ACHIEVEMENTS, texts.achievements());
                putIfPresent(data, PLANNED_ACTIVITIES, texts.plannedActivities());
                putIfPresent(data, BLOCKAGES, texts.blockages());
                draft.ifPresent(saved -> data.put("draft", Map.of("savedByName", users.nameOf(saved.getSavedBy()),
                        "savedAt", dates.moment(saved.getSavedAt()))));
                reader(planReturn).ifPresent(reader -> data.put("reader", reader));
            }
            case TASK_JUDGE_STATUS -> {
                EvidenceView evidence = evidenceViews.of(planReturn);
                Map<String, Object> shown = new LinkedHashMap<>(evidence(evidence));
                // Drawn as the plan's page and the pack draw them, as images: form-js shows no inline SVG.
                shown.put("charts", IndicatorCharts.of(planReturn.getPlan(),
                        indicatorValues.seriesOf(planReturn.getPlan()), "judge-chart-").values().stream()
                        .map(chart -> Map.of("uri", chart.dataUri(), "alt", chart.textAlternative())).toList());
                data.put("evidence", shown);
                evidence.suggestion().ifPresent(suggestion -> data.put("suggestion", suggestion(suggestion)));
                planReturn.lastSendBack(SendBack.Kind.UPDATE)
                        .ifPresent(sendBack -> data.put("earlierRequest", Map.of("comment", sendBack.getComment(),
                                "askedByName", users.nameOf(sendBack.getSentBy()))));
                ChangesSinceSendBack.of(planReturn, evidence).ifPresent(since -> data.put("sinceSendBack",
                        Map.of("changes", since.changes().stream().map(change -> Map.of("what", change.what(),
                                "before", change.before(), "now", change.now())).toList())));
            }
            case TASK_PROPOSE_REMEDIAL_ACTIONS, TASK_AGREE_REMEDIAL_ACTIONS -> {
                if (!planReturn.getRemedialActions().isEmpty()) {
                    data.put(REMEDIAL_ACTIONS, remedialActions(planReturn, null));
                }
            }
            default -> {
            }
        }
        return data;
    }

    /**
     * Officers appear by name in the forms (officers may not read each other's profiles in Tasklist): the return's,
     * those it opened with, whatever the register says now. Whether the data-entry officer may submit is there so
     * that the update's form tells one who may not to hand it over.
     */
    private Map<String, Object> plan(PlanReturn planReturn) {
        DeliveryPlan plan = planReturn.getPlan();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", plan.getReference());
        map.put("title", plan.getTitle());
        map.put("leadOfficer", planReturn.getLeadOfficer());
        map.put("leadOfficerName", users.nameOf(planReturn.getLeadOfficer()));
        map.put("judgingOfficer", planReturn.getJudgingOfficer());
        map.put("judgingOfficerName", users.nameOf(planReturn.getJudgingOfficer()));
        putIfPresent(map, "dataEntryOfficer", planReturn.getDataEntryOfficer());
        if (planReturn.getDataEntryOfficer() != null) {
            map.put("dataEntryOfficerName", users.nameOf(planReturn.getDataEntryOfficer()));
            map.put("dataEntryOfficerMaySubmit", plan.getNetwork().isEntryOfficersMaySubmit());
        }
        putIfPresent(map, "agency", plan.getAgency());
        putIfPresent(map, "partnershipGroup", plan.getPartnershipGroup());
        putIfPresent(map, "priority", plan.getPriority());
        putIfPresent(map, "theme", plan.getTheme());
        return map;
    }

    /**
     * Which of the update's two officers opens its form, so that each reads the hand-over instruction meant for them:
     * the data-entry officer how to hand a draft over, the lead officer that one may be handed to them. Told by the
     * user the engine runs the request as, never by the browser; anyone else (a manager, an administrator) is told
     * only who submits. A plan with no data-entry officer has no hand-over.
     */
    private Optional<String> reader(PlanReturn planReturn) {
        Authentication signedIn = identityService.getCurrentAuthentication();
        String userId = signedIn == null ? null : signedIn.getUserId();
        if (userId == null || planReturn.getDataEntryOfficer() == null) {
            return Optional.empty();
        }
        if (userId.equals(planReturn.getLeadOfficer())) {
            return Optional.of("leadOfficer");
        }
        return userId.equals(planReturn.getDataEntryOfficer()) ? Optional.of("dataEntryOfficer") : Optional.empty();
    }

    private Map<String, Object> cycle(Cycle cycle) {
        CycleDeadlines deadlines = cycle.deadlines();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", cycle.getReference());
        map.put("meetingDate", cycle.getMeeting().getMeetingDate().toString());
        map.put("remedialDueDate", day(deadlines.agreementsDue()));
        return map;
    }

    /**
     * What Tasklist's script needs, beside the plan and the cycle, to confirm a completion and say who acts next: the
     * step, and for a proposal the manager who will agree it, where that is plain (else the network's managers).
     */
    private Map<String, Object> confirmation(PlanReturn planReturn, String taskDefinitionKey) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("step", taskDefinitionKey);
        if (TASK_PROPOSE_REMEDIAL_ACTIONS.equals(taskDefinitionKey)) {
            agreeingManager.of(planReturn.getId(), planReturn.getPlan().getNetwork().getManagerGroup())
                    .ifPresent(manager -> map.put("agreedByName", users.nameOf(manager)));
        }
        return map;
    }

    private static Map<String, Object> lastReturn(PlanReturn previous) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cycleReference", previous.getCycle().getReference());
        map.put("state", previous.getState().name());
        putIfPresent(map, RAG_STATUS, previous.getRagStatus() == null ? null : previous.getRagStatus().name());
        putIfPresent(map, ACHIEVEMENTS, previous.getAchievements());
        putIfPresent(map, PLANNED_ACTIVITIES, previous.getPlannedActivities());
        putIfPresent(map, BLOCKAGES, previous.getBlockages());
        putIfPresent(map, JUDGEMENT_COMMENT, previous.getJudgementComment());
        return map;
    }

    private Map<String, Object> update(PlanReturn planReturn) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, ACHIEVEMENTS, planReturn.getAchievements());
        putIfPresent(map, PLANNED_ACTIVITIES, planReturn.getPlannedActivities());
        putIfPresent(map, BLOCKAGES, planReturn.getBlockages());
        map.put("submittedBy", planReturn.getSubmittedBy());
        map.put("submittedByName", users.nameOf(planReturn.getSubmittedBy()));
        map.put("submittedAt", planReturn.getSubmittedAt().toString());
        return map;
    }

    private Map<String, Object> judgement(PlanReturn planReturn) {
        Map<String, Object> map = new LinkedHashMap<>();
        boolean sentBack = planReturn.getState() == ReturnState.SENT_BACK;
        map.put(JUDGEMENT_OUTCOME, sentBack ? OUTCOME_SENT_BACK : OUTCOME_JUDGED);
        if (!sentBack && planReturn.getRagStatus() != null) {
            map.put(RAG_STATUS, planReturn.getRagStatus().name());
        }
        putIfPresent(map, JUDGEMENT_COMMENT, planReturn.getJudgementComment());
        map.put("judgedBy", planReturn.getJudgedBy());
        map.put("judgedByName", users.nameOf(planReturn.getJudgedBy()));
        return map;
    }

    private static Map<String, Object> remedialDecision(PlanReturn planReturn) {
        Map<String, Object> map = new LinkedHashMap<>();
        boolean agreed = planReturn.getState() == ReturnState.COMPLETE;
        map.put(REMEDIAL_OUTCOME, agreed ? OUTCOME_AGREED : OUTCOME_SENT_BACK);
        putIfPresent(map, REMEDIAL_COMMENT, planReturn.getRemedialComment());
        return map;
    }

    private static List<Map<String, Object>> remedialActions(PlanReturn planReturn, RemedialAction.State only) {
        return planReturn.getRemedialActions().stream()
                .filter(action -> only == null || action.getState() == only)
                .map(ReturnForms::remedialAction)
                .toList();
    }

    /**
     * The date both ways: ISO for the forms that show it in words, and day, month and year for the proposal form's
     * three boxes, which a form sent back opens with. A form submits only its own fields, so never both.
     */
    private static Map<String, Object> remedialAction(RemedialAction action) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("action", action.getAction());
        map.put("owner", action.getOwner());
        map.put(DUE_DATE, action.getDueDate().toString());
        map.put(DUE_DAY, action.getDueDate().getDayOfMonth());
        map.put(DUE_MONTH, action.getDueDate().getMonthValue());
        map.put(DUE_YEAR, action.getDueDate().getYear());
        return map;
    }

    /**
     * One row per indicator of the plan for the update's form: what it measures and its latest value for reference,
     * and the answer so far (what was submitted, after a send-back) or the period a value would now be for. Where
     * that period has a value from elsewhere (an import, another return's update), the row says so: the answer will
     * replace it.
     */
    private List<Map<String, Object>> indicatorRows(PlanReturn planReturn) {
        Map<String, Evidence.IndicatorAnswer> answered = planReturn.getEvidence().indicators().stream()
                .collect(Collectors.toMap(Evidence.IndicatorAnswer::getCode, Function.identity()));
        ReportingPeriod lastQuarter = ReportingPeriod.quarterOf(planReturn.getCycle().getMeeting().getMeetingDate())
                .previous();
        List<IndicatorValue> series = indicatorValues.seriesOf(planReturn.getPlan());
        Map<String, IndicatorValue> latest = series.stream().collect(Collectors.toMap(IndicatorValue::getIndicatorCode,
                Function.identity(), (earlier, later) -> later));
        return planReturn.getPlan().getIndicators().stream().map(indicator -> {
            Map<String, Object> row = new LinkedHashMap<>();
            Evidence.IndicatorAnswer answer = answered.get(indicator.getCode());
            String period = answer == null ? lastQuarter.toString() : answer.getPeriod();
            row.put("code", indicator.getCode());
            row.put("heading", indicator.getCode() + ": " + indicator.getDescription());
            Optional<IndicatorValue> held = heldElsewhere(series, indicator, period, planReturn.getId());
            row.put("about", aboutIndicator(indicator, latest.get(indicator.getCode()), lastQuarter, held)
                    + held.map(value -> toBeReplaced(value, indicator)).orElse(""));
            putIfPresent(row, "unit", indicator.getUnit());
            row.put("noData", answer != null && answer.isNoData());
            row.put("period", period);
            putIfPresent(row, "value", answer == null ? null : answer.getValue());
            putIfPresent(row, "note", answer == null ? null : answer.getNote());
            return row;
        }).toList();
    }

    /** What the indicator measures against; its latest value unless the row tells it as the value to replace. */
    private static String aboutIndicator(PlanIndicator indicator, IndicatorValue latest, ReportingPeriod period,
            Optional<IndicatorValue> held) {
        String unit = indicator.getUnit();
        List<String> parts = new ArrayList<>();
        if (indicator.getBaseline() != null) {
            parts.add("Baseline " + UnitShown.of(indicator.getBaseline(), unit));
        }
        String target = indicator.getTargetsByYear().get(period.year());
        if (target != null) {
            parts.add("target " + period.year() + ": " + UnitShown.of(target, unit));
        }
        if (latest == null) {
            parts.add("no value recorded yet");
        } else if (held.filter(latest::equals).isEmpty()) {
            parts.add("last value " + UnitShown.of(latest.getValue(), unit) + " (" + latest.getPeriod() + ")");
        }
        parts.add(indicator.isHigherIsBetter() ? "higher is better" : "lower is better");
        return String.join("; ", parts) + ".";
    }

    /** The value the series holds for the period, where an import or another return's update recorded it. */
    private static Optional<IndicatorValue> heldElsewhere(List<IndicatorValue> series, PlanIndicator indicator,
            String period, Long returnId) {
        // Codes are keys in any case, as in the database.
        return series.stream().filter(value -> value.getIndicatorCode().equalsIgnoreCase(indicator.getCode())
                && value.getPeriod().toString().equals(period) && !returnId.equals(value.getReturnId())).findFirst();
    }

    private String toBeReplaced(IndicatorValue held, PlanIndicator indicator) {
        return " " + held.getPeriod() + " has a value already: " + UnitShown.of(held.getValue(), indicator.getUnit())
                + ", "
                + (held.isImported() ? "imported" : "reported") + " by " + users.nameOf(held.getRecordedBy()) + " on "
                + dates.moment(held.getRecordedAt()) + ". A value given here for " + held.getPeriod()
                + " replaces it; the plan's history keeps both.";
    }

    private JsonNode draftedEvidence(Optional<ReturnDraft> draft) {
        try {
            String evidence = draft.map(ReturnDraft::getEvidence).orElse(null);
            return evidence == null ? MissingNode.getInstance() : objectMapper.readTree(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A draft's evidence is not JSON", e);
        }
    }

    /**
     * The rows with the answers the draft holds for them (matched by the row's key): what the officers filled in so
     * far comes before what was submitted or suggested.
     */
    private static List<Map<String, Object>> withDraft(List<Map<String, Object>> rows, JsonNode drafted, String key,
            String... answers) {
        Map<String, JsonNode> byKey = new HashMap<>();
        drafted.forEach(entry -> byKey.put(entry.path(key).asText(), entry));
        return rows.stream().map(row -> {
            JsonNode entry = byKey.get(String.valueOf(row.get(key)));
            if (entry == null) {
                return row;
            }
            Map<String, Object> merged = new LinkedHashMap<>(row);
            for (String answer : answers) {
                JsonNode value = entry.get(answer);
                if (value == null || value.isNull() || value.asText().isEmpty()) {
                    merged.remove(answer);
                } else {
                    merged.put(answer, value.isBoolean() ? value.booleanValue() : value.asText());
                }
            }
            return merged;
        }).toList();
    }

    /**
     * One row per open action: its status so far (this return's answer, else the register's) to confirm or change,
     * and what the plan says of it, the resources and risk among it, for the officer to weigh.
     */
    private static List<Map<String, Object>> actionRows(PlanReturn planReturn, Optional<PlanReturn> previous) {
        Map<String, Evidence.ActionProgress> answered = planReturn.getEvidence().actions().stream()
                .collect(Collectors.toMap(Evidence.ActionProgress::getReference, Function.identity()));
        Map<String, Evidence.ActionProgress> lastQuarter = previous.map(PlanReturn::getEvidence)
                .map(Evidence::actions).orElse(List.of()).stream()
                .collect(Collectors.toMap(Evidence.ActionProgress::getReference, Function.identity()));
        return planReturn.getPlan().getActions().stream().filter(PlanAction::isOpen).map(action -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("reference", action.getReference());
            row.put("heading", action.getReference() + ": " + action.getAction());
            List<String> about = new ArrayList<>();
            if (action.getDeadlineText() != null) {
                about.add("Deadline " + action.getDeadlineText());
            }
            if (action.getOwner() != null) {
                about.add("responsible: " + action.getOwner());
            }
            Evidence.ActionProgress before = lastQuarter.get(action.getReference());
            if (before != null && before.getNote() != null) {
                about.add("last quarter: " + before.getStatus() + ", " + before.getNote());
            }
            row.put("about", about.isEmpty() ? "" : String.join("; ", about) + ".");
            putIfPresent(row, "resources", action.getResources());
            putIfPresent(row, "risk", action.getRisk());
            Evidence.ActionProgress answer = answered.get(action.getReference());
            String status = answer != null ? answer.getStatus() : action.getStatus();
            // The register may have no status for an action, one of its own, or "update requested", which is no
            // answer: the form then preselects none.
            putIfPresent(row, "status", ActionStatus.named(status).filter(ActionStatus.ANSWERS::contains).orElse(null));
            putIfPresent(row, "note", answer == null ? null : answer.getNote());
            return row;
        }).toList();
    }

    /** One row per remedial action agreed last quarter, to say whether it is done. */
    private static List<Map<String, Object>> followUpRows(PlanReturn planReturn, Optional<PlanReturn> previous) {
        Map<Long, Evidence.RemedialFollowUp> answered = planReturn.getEvidence().followUps().stream()
                .collect(Collectors.toMap(Evidence.RemedialFollowUp::getRemedialActionId, Function.identity()));
        return previous.map(PlanReturn::getRemedialActions).orElse(List.of()).stream()
                .filter(action -> action.getState() == RemedialAction.State.AGREED).map(action -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", action.getId());
                    row.put("heading", action.getAction());
                    row.put("about", "Responsible: " + action.getOwner() + "; due " + ReadableDates.date(
                            action.getDueDate()) + ".");
                    Evidence.RemedialFollowUp answer = answered.get(action.getId());
                    putIfPresent(row, "state", answer == null ? null : answer.getState().name());
                    putIfPresent(row, "note", answer == null ? null : answer.getNote());
                    return row;
                }).toList();
    }

    /** What the judge weighs beside the texts: values against baseline and target, actions behind first. */
    private static Map<String, Object> evidence(EvidenceView evidence) {
        List<Map<String, Object>> values = evidence.indicators().stream()
                .map(line -> Map.<String, Object>of("indicator", line.label(), "value", line.valueShown(),
                        "baseline", Objects.toString(line.baselineShown(), ""),
                        "target", Objects.toString(line.targetShownWithYear(), ""),
                        "check", Objects.toString(line.checkShown(), ""),
                        "direction", Objects.toString(line.directionShown(), ""),
                        "note", Objects.toString(line.note(), "")))
                .toList();
        List<Map<String, Object>> actions = evidence.behindFirst().stream()
                .map(line -> Map.<String, Object>of("reference", line.reference(), "status", line.status(),
                        "behind", line.behind() ? line.whyBehind() : "",
                        "note", Objects.toString(line.note(), "")))
                .toList();
        List<Map<String, Object>> followUps = evidence.followUps().stream()
                .map(line -> Map.<String, Object>of("action", line.action(), "state", line.stateInWords(),
                        "note", Objects.toString(line.note(), "")))
                .toList();
        return Map.of("indicators", values, "actions", actions, "followUps", followUps);
    }

    /**
     * The suggestion and its reasons; {@code kinder} lists the statuses kinder than it, for which the form asks why
     * (the same rule as the server's, {@link StatusSuggestion#isKinder}).
     */
    private static Map<String, Object> suggestion(StatusSuggestion suggestion) {
        return Map.of("status", suggestion.status().name(),
                "reasons", suggestion.reasons().stream().map(reason -> Map.of("reason", reason)).toList(),
                "kinder", Arrays.stream(RagStatus.values()).filter(suggestion::isKinder).map(Enum::name).toList());
    }

    private static Map<String, Object> action(PlanAction action) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", action.getReference());
        map.put("action", action.getAction());
        putIfPresent(map, "milestones", action.getMilestones());
        putIfPresent(map, "owner", action.getOwner());
        putIfPresent(map, "deadline", action.getDeadlineText());
        putIfPresent(map, "status", action.getStatus());
        return map;
    }

    private String day(Instant instant) {
        return LocalDate.ofInstant(instant, zone).toString();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
