package org.deliveryprogress.packs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.notifications.UserDirectory;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a cycle's meeting pack holds, read from the returns as they stand. */
@Component
class PackContents {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    record Pack(String networkName, String cycleReference, String meetingDay, int version, String producedAt,
            String producedBy, List<Entry> plans) {

        public List<Entry> exceptions() {
            return plans.stream().filter(entry -> entry.status() == StatusMark.RED
                    || entry.status() == StatusMark.AMBER).toList();
        }

        public List<Entry> blockages() {
            return plans.stream().filter(entry -> hasText(entry.blockages()) && !saysNone(entry.blockages()))
                    .toList();
        }

        public List<Entry> bestPractice() {
            return plans.stream().filter(entry -> (entry.status() == StatusMark.GREEN
                    || entry.status() == StatusMark.BLUE) && hasText(entry.judgementComment())).toList();
        }

        public List<Entry> noReturn() {
            return plans.stream().filter(entry -> entry.status() == StatusMark.NO_RETURN).toList();
        }

        public List<Entry> notJudged() {
            return plans.stream().filter(entry -> entry.status() == StatusMark.NOT_JUDGED).toList();
        }
    }

    /** One plan's line of the pack: the plan as on the progress template, and its return. */
    record Entry(String reference, String title, String leadOfficer, String agency, String contact,
            String judgingOfficer, String dataEntryOfficer, String partnershipGroup, String priority, String theme,
            StatusMark status, StatusMark previous, StatusMark.Trend trend, String judgedBy, String judgedAt,
            String submittedBy, String submittedAt, String achievements, String plannedActivities,
            String blockages, String judgementComment, String remedialComment, boolean remedialActionsAgreed,
            List<Remedy> remedialActions) {
    }

    record Remedy(String action, String owner, String dueDate, String state) {
    }

    private final CycleRepository cycles;
    private final PlanReturnRepository returns;
    private final UserDirectory directory;
    private final ZoneId zone;

    PackContents(CycleRepository cycles, PlanReturnRepository returns, UserDirectory directory,
            CycleProperties properties) {
        this.cycles = cycles;
        this.returns = returns;
        this.directory = directory;
        this.zone = properties.timeZone();
    }

    @Transactional(readOnly = true)
    Pack of(Long cycleId, int version, Instant producedAt, String producedBy) {
        Cycle cycle = cycles.findById(cycleId).orElseThrow();
        Map<Long, StatusMark> lastQuarter = cycles
                .findFirstByMeetingNetworkIdAndMeetingMeetingDateLessThanOrderByMeetingMeetingDateDesc(
                        cycle.getMeeting().getNetwork().getId(), cycle.getMeeting().getMeetingDate())
                .map(previous -> returns.findByCycleIdOrderByPlanReference(previous.getId()).stream()
                        .collect(Collectors.toMap(planReturn -> planReturn.getPlan().getId(), StatusMark::of)))
                .orElse(Map.of());
        Function<String, String> names = memoized(directory::nameOf);
        List<Entry> entries = returns.findByCycleIdOrderByPlanReference(cycleId).stream()
                .map(planReturn -> entry(planReturn, lastQuarter.get(planReturn.getPlan().getId()), names))
                .toList();
        return new Pack(cycle.getMeeting().getNetwork().getName(), cycle.getReference(),
                DAY.format(cycle.getMeeting().getMeetingDate()), version, MOMENT.format(producedAt.atZone(zone)),
                producedBy == null ? null : names.apply(producedBy), entries);
    }

    private Entry entry(PlanReturn planReturn, StatusMark previous, Function<String, String> names) {
        DeliveryPlan plan = planReturn.getPlan();
        StatusMark status = StatusMark.of(planReturn);
        return new Entry(plan.getReference(), plan.getTitle(), names.apply(plan.getLeadOfficer()), plan.getAgency(),
                plan.getContact(), names.apply(plan.getJudgingOfficer()), name(plan.getDataEntryOfficer(), names),
                plan.getPartnershipGroup(), plan.getPriority(), plan.getTheme(), status, previous,
                status.since(previous), name(planReturn.getJudgedBy(), names), moment(planReturn.getJudgedAt()),
                name(planReturn.getSubmittedBy(), names), moment(planReturn.getSubmittedAt()),
                planReturn.getAchievements(), planReturn.getPlannedActivities(), planReturn.getBlockages(),
                planReturn.getJudgementComment(), planReturn.getRemedialComment(),
                planReturn.getState() == ReturnState.COMPLETE && !planReturn.getRemedialActions().isEmpty(),
                planReturn.getRemedialActions().stream()
                        .map(action -> new Remedy(action.getAction(), action.getOwner(),
                                action.getDueDate() == null ? null : PackContents.DAY.format(action.getDueDate()),
                                stateOf(action)))
                        .toList());
    }

    private static String stateOf(RemedialAction action) {
        return switch (action.getState()) {
            case PROPOSED -> "proposed, not agreed";
            case AGREED -> "agreed";
        };
    }

    private String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant.atZone(zone));
    }

    private static String name(String userId, Function<String, String> names) {
        return userId == null ? null : names.apply(userId);
    }

    private static <T, R> Function<T, R> memoized(Function<T, R> function) {
        Map<T, R> cache = new HashMap<>();
        return key -> cache.computeIfAbsent(key, function);
    }

    /** "None.", "N/A", "Nothing this quarter": what officers write when there is no blockage to raise. */
    static boolean saysNone(String text) {
        String words = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z/ ]", "");
        return words.length() <= 40 && words.matches("(none|n/a|na|nil|nothing|no blockages?|no issues?)\\b.*");
    }

    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
