package org.deliveryprogress.packs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.deliveryprogress.charts.Svg;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.cycles.CycleRepository;
import org.deliveryprogress.identity.UserDirectory;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.outcomes.ReturnOutcomes;
import org.deliveryprogress.outcomes.StatusCharts;
import org.deliveryprogress.outcomes.StatusMark;
import org.deliveryprogress.outcomes.SuggestionMark;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.plans.IndicatorCharts;
import org.deliveryprogress.plans.IndicatorValue;
import org.deliveryprogress.plans.IndicatorValueRepository;
import org.deliveryprogress.plans.PlanAction;
import org.deliveryprogress.returns.EvidenceView;
import org.deliveryprogress.returns.EvidenceViews;
import org.deliveryprogress.returns.PlanReturn;
import org.deliveryprogress.returns.PlanReturnRepository;
import org.deliveryprogress.returns.RemedialAction;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.shared.ReadableDates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** What a cycle's meeting pack holds, read from the returns as they stand. */
@Component
class PackContents {

    /** What officers write when there is no blockage to raise; anything more is an ask of the network. */
    private static final Set<String> NOTHING_TO_RAISE = Set.of("none", "n/a", "na", "nil", "nothing", "no",
            "not applicable", "no blockages", "no blockage", "no issues", "none this quarter", "nothing to report",
            "none at present", "none at this time", "nothing this quarter");

    /** {@code statusChart}: the network's plans by status, quarter by quarter, up to this cycle. */
    record Pack(String networkName, String cycleReference, String meetingDay, int version, String producedAt,
            String producedBy, Svg statusChart, List<Entry> plans) {

        public List<Entry> exceptions() {
            return plans.stream().filter(Entry::redOrAmber).toList();
        }

        /**
         * The plans not Red or Amber whose evidence says otherwise: an indicator off target or an action behind. A
         * green status over red figures is what the meeting most needs to see.
         */
        public List<Entry> offTrackButNotRedOrAmber() {
            return plans.stream().filter(entry -> !entry.redOrAmber() && entry.offTrack()).toList();
        }

        public List<Entry> blockages() {
            return plans.stream()
                    .filter(entry -> StringUtils.hasText(entry.blockages()) && !saysNone(entry.blockages())).toList();
        }

        public List<Entry> bestPractice() {
            return plans.stream().filter(entry -> (entry.status() == StatusMark.GREEN
                    || entry.status() == StatusMark.BLUE) && StringUtils.hasText(entry.judgementComment())).toList();
        }

        public List<Entry> noReturn() {
            return plans.stream().filter(entry -> entry.status() == StatusMark.NO_RETURN).toList();
        }

        public List<Entry> notJudged() {
            return plans.stream().filter(entry -> entry.status() == StatusMark.NOT_JUDGED).toList();
        }

        public List<Entry> sentBackNotResubmitted() {
            return plans.stream().filter(entry -> entry.status() == StatusMark.SENT_BACK).toList();
        }
    }

    /**
     * One plan's line of the pack: the plan as on the progress template, and its return. A judge and a judgement
     * comment only where the plan was judged. Every send-back and the agreement of remedial actions are named for
     * what they were ({@link ReturnOutcomes}); a return the cycle closed on says whom it was waiting for.
     */
    record Entry(String reference, String title, String leadOfficer, String agency, String contact,
            String judgingOfficer, String partnershipGroup, String priority, String theme, String keyPartners,
            StatusMark status,
            StatusMark previous, StatusMark.Trend trend, String judgedBy, String judgedAt, String submittedBy,
            String submittedAt, String achievements, String plannedActivities, String blockages,
            EvidenceView evidence, Map<String, Planned> planned, List<Svg> charts, SuggestionMark suggested,
            String judgementComment, List<ReturnOutcomes.Outcome> decisions, String waitingAtClose,
            boolean remedialActionsAgreed, List<Remedy> remedialActions) {

        boolean redOrAmber() {
            return isRedOrAmber(status);
        }

        static boolean isRedOrAmber(StatusMark status) {
            return status == StatusMark.RED || status == StatusMark.AMBER;
        }

        /** Whether its evidence names an indicator off this year's target or an action behind. */
        boolean offTrack() {
            return evidence.offTrack();
        }

        /** The latest send-back of the update: what a return sent back and not resubmitted still owes an answer to. */
        public ReturnOutcomes.Outcome lastUpdateSendBack() {
            return decisions.stream().filter(decision -> decision.kind() == ReturnOutcomes.Kind.UPDATE_SENT_BACK)
                    .reduce((first, second) -> second).orElse(null);
        }

        /** The send-backs of the remedial actions, the earliest first. */
        public List<ReturnOutcomes.Outcome> remedialSendBacks() {
            return decisions.stream()
                    .filter(decision -> decision.kind() == ReturnOutcomes.Kind.REMEDIAL_ACTIONS_SENT_BACK).toList();
        }

        public ReturnOutcomes.Outcome remedialAgreement() {
            return decisions.stream()
                    .filter(decision -> decision.kind() == ReturnOutcomes.Kind.REMEDIAL_ACTIONS_AGREED)
                    .findFirst().orElse(null);
        }
    }

    record Remedy(String action, String owner, String dueDate, String state) {
    }

    /**
     * What the plan says an action needs and risks, as the register holds it when the pack is produced (the paper
     * forms' Resources and Risk columns); {@link Entry#planned} holds one for each action that has either.
     */
    record Planned(String resources, String risk) {
    }

    private final CycleRepository cycles;
    private final PlanReturnRepository returns;
    private final UserDirectory directory;
    private final ReadableDates readable;
    private final ReturnOutcomes outcomes;
    private final EvidenceViews evidenceViews;
    private final IndicatorValueRepository indicatorValues;

    PackContents(CycleRepository cycles, PlanReturnRepository returns, UserDirectory directory,
            ReadableDates readable, ReturnOutcomes outcomes, EvidenceViews evidenceViews,
            IndicatorValueRepository indicatorValues) {
        this.cycles = cycles;
        this.returns = returns;
        this.directory = directory;
        this.readable = readable;
        this.outcomes = outcomes;
        this.evidenceViews = evidenceViews;
        this.indicatorValues = indicatorValues;
    }

    @Transactional(readOnly = true)
    Pack of(Long cycleId, int version, Instant producedAt, String producedBy) {
        Cycle cycle = cycles.findById(cycleId).orElseThrow();
        Network network = cycle.getMeeting().getNetwork();
        Map<Long, StatusMark> lastQuarter = cycles
                .findFirstByMeetingNetworkIdAndMeetingMeetingDateLessThanOrderByMeetingMeetingDateDesc(
                        cycle.getMeeting().getNetwork().getId(), cycle.getMeeting().getMeetingDate())
                .map(previous -> returns.findByCycleIdOrderByPlanReference(previous.getId()).stream()
                        .collect(Collectors.toMap(planReturn -> planReturn.getPlan().getId(), StatusMark::of)))
                .orElse(Map.of());
        List<PlanReturn> cycleReturns = returns.findByCycleIdOrderByPlanReference(cycleId);
        Map<String, String> names = directory.namesOf(Stream.concat(Stream.of(producedBy), cycleReturns.stream()
                .flatMap(planReturn -> Stream.of(planReturn.getLeadOfficer(), planReturn.getJudgingOfficer(),
                        planReturn.getJudgedBy(),
                        planReturn.getSubmittedBy()))).toList());
        Map<Long, List<IndicatorValue>> series = indicatorValues.seriesOf(cycleReturns.stream()
                .map(planReturn -> planReturn.getPlan().getId()).toList());
        List<Entry> entries = new ArrayList<>();
        for (PlanReturn planReturn : cycleReturns) {
            Long planId = planReturn.getPlan().getId();
            String chartIds = "plan-" + entries.size() + "-chart-";
            entries.add(entry(planReturn, lastQuarter.get(planId), names, () -> IndicatorCharts.of(
                    planReturn.getPlan(), series.getOrDefault(planId, List.of()), chartIds).values().stream()
                    .map(chart -> new Svg(text(chart.markup()), text(chart.textAlternative()))).toList()));
        }
        return new Pack(text(network.getName()), cycle.getReference(),
                ReadableDates.day(cycle.getMeeting().getMeetingDate()), version, readable.moment(producedAt),
                names.get(producedBy), statusChart(network, cycle), entries);
    }

    /** The network's last {@value StatusCharts#QUARTERS} cycles up to this one. */
    private Svg statusChart(Network network, Cycle cycle) {
        List<Cycle> upToThis = cycles.findByMeetingNetworkIdOrderByMeetingMeetingDate(network.getId()).stream()
                .filter(each -> !each.getMeeting().getMeetingDate().isAfter(cycle.getMeeting().getMeetingDate()))
                .toList();
        List<Cycle> shown = upToThis.subList(Math.max(0, upToThis.size() - StatusCharts.QUARTERS), upToThis.size());
        Svg chart = StatusCharts.of(network, shown, returns.countStatuses(shown.stream().map(Cycle::getId).toList()));
        return new Svg(text(chart.markup()), text(chart.textAlternative()));
    }

    /**
     * The plan's indicator charts are drawn for the plans the meeting discusses (section 2: Red or Amber, or an
     * indicator off target or an action behind); the others' values are in their tables. A chart costs about 35 KB
     * and 35-65 ms of the PDF here: one for each indicator of a network of a thousand plans would make a pack of
     * tens of megabytes that takes minutes, past the job executor's lock time.
     */
    private Entry entry(PlanReturn planReturn, StatusMark previous, Map<String, String> names,
            Supplier<List<Svg>> charts) {
        DeliveryPlan plan = planReturn.getPlan();
        StatusMark status = StatusMark.of(planReturn);
        boolean judged = planReturn.getRagStatus() != null;
        EvidenceView evidence = evidenceViews.of(planReturn).map(PackContents::text);
        boolean discussed = Entry.isRedOrAmber(status) || evidence.offTrack();
        return new Entry(text(plan.getReference()), text(plan.getTitle()), names.get(planReturn.getLeadOfficer()),
                text(plan.getAgency()), text(plan.getContact()), names.get(planReturn.getJudgingOfficer()),
                text(plan.getPartnershipGroup()), text(plan.getPriority()), text(plan.getTheme()),
                text(plan.getKeyPartners()), status, previous,
                status.since(previous), judged ? names.get(planReturn.getJudgedBy()) : null,
                judged ? readable.moment(planReturn.getJudgedAt()) : null, names.get(planReturn.getSubmittedBy()),
                readable.moment(planReturn.getSubmittedAt()), text(planReturn.getAchievements()),
                text(planReturn.getPlannedActivities()), text(planReturn.getBlockages()),
                evidence, planned(plan), discussed ? charts.get() : List.of(),
                Optional.ofNullable(SuggestionMark.of(planReturn)).map(mark -> mark.map(PackContents::text))
                        .orElse(null),
                judged ? text(planReturn.getJudgementComment()) : null,
                outcomes.decisions(planReturn).stream()
                        .map(outcome -> new ReturnOutcomes.Outcome(outcome.kind(), text(outcome.what()),
                                text(outcome.text())))
                        .toList(),
                outcomes.waitingAtClose(planReturn).map(PackContents::text).orElse(null),
                planReturn.getState() == ReturnState.COMPLETE,
                planReturn.getRemedialActions().stream()
                        .map(action -> new Remedy(text(action.getAction()), text(action.getOwner()),
                                ReadableDates.day(action.getDueDate()), stateOf(action)))
                        .toList());
    }

    private static Map<String, Planned> planned(DeliveryPlan plan) {
        return plan.getActions().stream().filter(action -> action.getResources() != null || action.getRisk() != null)
                .collect(Collectors.toMap(PlanAction::getReference,
                        action -> new Planned(text(action.getResources()), text(action.getRisk()))));
    }

    private static String stateOf(RemedialAction action) {
        return switch (action.getState()) {
            case PROPOSED -> "proposed, not agreed";
            case AGREED -> "agreed";
        };
    }

    /**
     * Officers' text as it can go into the pack's XHTML (and so its PDF): the control characters XML does not allow
     * (a vertical tab from Word's line breaks, say) become line breaks or go. Everything else stays as written.
     */
    static String text(String written) {
        if (written == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(written.length());
        written.codePoints().forEach(c -> {
            if (c == 0x0B || c == 0x0C) {
                safe.append('\n');
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    static boolean saysNone(String text) {
        String words = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!,;:]+$", "")
                .replaceAll("\\s+", " ");
        return NOTHING_TO_RAISE.contains(words);
    }
}
