package org.deliveryprogress.history;

import java.util.List;

import org.deliveryprogress.charts.Svg;
import org.deliveryprogress.outcomes.StatusMark;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A network manager's view of the network: how its open cycle stands, and each plan's status cycle by cycle.
 * The open cycle's counts come from the returns (submitted, judged) and from the engine's open tasks (overdue).
 */
record Dashboard(String networkCode, String networkName, OpenCycle openCycle, List<String> cycles,
        List<PlanRow> grid, List<OffTrack> offTrack, @JsonIgnore Svg statusChart) {

    /** The cycle under way, if any. */
    public record OpenCycle(String reference, String meetingDay, int plans, int submitted, int judged,
            int overdueTasks, int openTasks, List<PlanProgress> byPlan, List<OfficerProgress> byOfficer) {
    }

    public record PlanProgress(String reference, String title, String stage, String task, String holder,
            String due, boolean overdue) {
    }

    public record OfficerProgress(String officer, int openTasks, int overdueTasks) {
    }

    /** A plan's statuses in the order of {@link Dashboard#cycles()}; null where it had no return. */
    public record PlanRow(String reference, String title, List<StatusMark> statuses, StatusMark.Trend trend) {
    }

    /**
     * A plan whose latest update shows an indicator short of its target or an action behind, each in words
     * ("NI 1: 70 % (2026/27 Q2) against 75 %, 6.67% short of target: Red").
     */
    public record OffTrack(String reference, String title, String cycle, List<String> indicators,
            List<String> actions) {
    }
}
