package org.deliveryprogress.outcomes;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.deliveryprogress.charts.StatusChart;
import org.deliveryprogress.charts.Svg;
import org.deliveryprogress.cycles.Cycle;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.plans.ReportingPeriod;
import org.deliveryprogress.returns.RagStatus;
import org.deliveryprogress.returns.ReturnState;
import org.deliveryprogress.returns.StatusCount;

/** A network's plans by status quarter by quarter, as the meeting pack and the dashboard draw them. */
public final class StatusCharts {

    /** As many quarters as a chart's width keeps readable: two years. */
    public static final int QUARTERS = 8;

    private static final String NOT_JUDGED = "not judged";
    private static final String NO_RETURN = "no return";

    private StatusCharts() {
    }

    /**
     * The network's chart of the given cycles, the earliest first, each labelled with the quarter its meeting falls
     * in (an open cycle's called open, its returns without a status under way), from their returns' statuses
     * ({@code PlanReturnRepository.countStatuses}).
     */
    public static Svg of(Network network, List<Cycle> cycles, List<StatusCount> counts) {
        Map<Long, Map<String, Long>> byCycle = counts.stream().collect(Collectors.groupingBy(StatusCount::cycleId,
                Collectors.groupingBy(StatusCharts::shownAs, Collectors.summingLong(StatusCount::returns))));
        String title = network.getName() + ": plans by status, quarter by quarter";
        return new StatusChart(title, cycles.stream().map(cycle -> {
            Map<String, Long> statuses = byCycle.getOrDefault(cycle.getId(), Map.of());
            return new StatusChart.Quarter(ReportingPeriod.quarterOf(cycle.getMeeting().getMeetingDate()).toString(),
                    cycle.getState() == Cycle.State.OPEN, count(statuses, RagStatus.Red.name()),
                    count(statuses, RagStatus.Amber.name()), count(statuses, RagStatus.Green.name()),
                    count(statuses, RagStatus.Blue.name()), count(statuses, NOT_JUDGED), count(statuses, NO_RETURN));
        }).toList()).draw("status-chart");
    }

    /**
     * The part of the bar a count goes in: its status, or, not judged, whether the plan returned nothing, as the
     * pack's summary tells them apart (where the chart counted both as not judged).
     */
    private static String shownAs(StatusCount count) {
        if (count.status() != null) {
            return count.status().name();
        }
        return count.state() == ReturnState.NO_RETURN ? NO_RETURN : NOT_JUDGED;
    }

    private static int count(Map<String, Long> statuses, String status) {
        return statuses.getOrDefault(status, 0L).intValue();
    }
}
