package org.deliveryprogress.history;

import java.util.List;

import org.deliveryprogress.packs.StatusMark;

/**
 * A plan's returns quarter by quarter, latest first: what was decided (from the application's tables) and who did
 * each step when (from the engine's history).
 */
record PlanHistory(String reference, String title, String networkCode, List<Quarter> quarters) {

    public record Quarter(String cycle, String meetingDay, String stage, StatusMark status, StatusMark previous,
            StatusMark.Trend trend, String submittedBy, String submittedAt, String judgedBy, String judgedAt,
            String judgementComment, String remedialDecidedBy, List<Step> steps) {
    }

    /** A task of the return as the engine recorded it. */
    public record Step(String task, String who, String started, String ended, String outcome) {
    }
}
