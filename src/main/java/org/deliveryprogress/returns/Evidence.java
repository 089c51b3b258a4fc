package org.deliveryprogress.returns;

import java.time.LocalDate;
import java.util.List;

import org.deliveryprogress.plans.ReportingPeriod;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The evidence an update gives behind its texts: each of the plan's indicators, each open action's progress, and how
 * each remedial action agreed last quarter was followed up. Stored with the return, as submitted.
 */
public record Evidence(List<IndicatorAnswer> indicators, List<ActionProgress> actions,
        List<RemedialFollowUp> followUps) {

    public static final Evidence NONE = new Evidence(List.of(), List.of(), List.of());

    /** How a remedial action agreed last quarter has been followed up. */
    public enum FollowUpState {
        done("Done"), inProgress("In progress"), notDone("Not done");

        private final String words;

        FollowUpState(String words) {
            this.words = words;
        }

        /** The state as the forms, pages and pack write it. */
        public String inWords() {
            return words;
        }
    }

    /**
     * An indicator's answer: its value for a period (a number where the indicator is numeric), or no new data this
     * quarter and why (the note).
     */
    @Embeddable
    public static class IndicatorAnswer {

        @Column(name = "indicator_code")
        private String code;
        private String period;
        @Column(name = "value_as_given")
        private String value;
        private String note;
        private boolean noData;
        private String previousPeriod;
        private String previousValue;
        private String target;

        protected IndicatorAnswer() {
        }

        IndicatorAnswer(String code, ReportingPeriod period, String value, String note, boolean noData) {
            this.code = code;
            this.period = period == null ? null : period.toString();
            this.value = value;
            this.note = note;
            this.noData = noData;
        }

        public String getCode() {
            return code;
        }

        public String getPeriod() {
            return period;
        }

        /** The value as the officer gave it. */
        public String getValue() {
            return value;
        }

        public String getNote() {
            return note;
        }

        public boolean isNoData() {
            return noData;
        }

        /** The value before this one in the series, when the update was submitted: its direction of travel. */
        void follow(String previousPeriod, String previousValue) {
            this.previousPeriod = previousPeriod;
            this.previousValue = previousValue;
        }

        String getPreviousPeriod() {
            return previousPeriod;
        }

        String getPreviousValue() {
            return previousValue;
        }

        /** The plan's target for the value's year when the update was submitted, as written; null for none. */
        void keepTarget(String target) {
            this.target = target;
        }

        public String getTarget() {
            return target;
        }
    }

    /** An open action's status this quarter (the register's statuses, or "behind") and a short note. */
    @Embeddable
    public static class ActionProgress {

        @Column(name = "action_reference")
        private String reference;
        private String status;
        private String note;
        private LocalDate deadline;

        protected ActionProgress() {
        }

        ActionProgress(String reference, String status, String note) {
            this.reference = reference;
            this.status = status;
            this.note = note;
        }

        public String getReference() {
            return reference;
        }

        public String getStatus() {
            return status;
        }

        public String getNote() {
            return note;
        }

        /** The action's deadline date in the register when the update was submitted; null for none. */
        void keepDeadline(LocalDate deadline) {
            this.deadline = deadline;
        }

        public LocalDate getDeadline() {
            return deadline;
        }
    }

    /** How a remedial action agreed last quarter was followed up. */
    @Embeddable
    public static class RemedialFollowUp {

        private Long remedialActionId;
        @Enumerated(EnumType.STRING)
        private FollowUpState state;
        private String note;

        protected RemedialFollowUp() {
        }

        RemedialFollowUp(Long remedialActionId, FollowUpState state, String note) {
            this.remedialActionId = remedialActionId;
            this.state = state;
            this.note = note;
        }

        Long getRemedialActionId() {
            return remedialActionId;
        }

        public FollowUpState getState() {
            return state;
        }

        public String getNote() {
            return note;
        }
    }
}
