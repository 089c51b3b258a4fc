package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deliveryprogress.cycles.CycleProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What an officer may submit on each task of a return, checked without the engine or a server. */
@DisplayName("Submission rules")
class SubmissionRulesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private final SubmissionRules rules = new SubmissionRules(new ObjectMapper(),
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), LONDON),
            new CycleProperties(100, LONDON, LocalTime.of(17, 0)));

    @Nested
    @DisplayName("an update")
    class Update {

        @Test
        @DisplayName("needs achievements and planned activities, and names both when both are missing")
        void required() {
            assertThatThrownBy(() -> rules.update(Map.of(BLOCKAGES, "None")))
                    .isInstanceOf(SubmissionRejectedException.class)
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Key achievements since last quarter (achievements) must be filled in.",
                            "Key activities planned for the next quarter (plannedActivities) must be filled in."));
        }

        @Test
        @DisplayName("keeps texts up to 100,000 characters, and says by how much a longer one is over")
        void limit() {
            String longest = "x".repeat(100_000);
            assertThat(rules.update(Map.of(ACHIEVEMENTS, longest, PLANNED_ACTIVITIES, "More")).achievements())
                    .isEqualTo(longest);
            assertThatThrownBy(() -> rules.update(Map.of(ACHIEVEMENTS, longest + "x", PLANNED_ACTIVITIES, "More")))
                    .hasMessageContaining("100,001 characters long; the limit is 100,000");
        }

        @Test
        @DisplayName("refuses a field that is not text, and treats blank as missing")
        void notText() {
            assertThatThrownBy(() -> rules.update(Map.of(ACHIEVEMENTS, 42, PLANNED_ACTIVITIES, "  ")))
                    .hasMessageContaining("(achievements) must be text")
                    .hasMessageContaining("(plannedActivities) must be filled in");
        }
    }

    @Nested
    @DisplayName("a judgement")
    class Judgement {

        @Test
        @DisplayName("without an outcome is a judgement, not a send-back")
        void judgedByDefault() {
            SubmissionRules.Judgement judgement = rules.judgement(Map.of(RAG_STATUS, "Green"));
            assertThat(judgement.sentBack()).isFalse();
            assertThat(judgement.status()).isEqualTo(RagStatus.Green);
        }

        @Test
        @DisplayName("Red and Amber need a comment; Green and Blue do not")
        void redAndAmberNeedAComment() {
            assertThatThrownBy(() -> rules.judgement(Map.of(RAG_STATUS, "Red")))
                    .hasMessage("A Red status needs a comment: give an overview of the issue and the remedial action "
                            + "planned.");
            assertThatThrownBy(() -> rules.judgement(Map.of(RAG_STATUS, "Amber")))
                    .hasMessageStartingWith("An Amber status needs a comment");
            assertThat(rules.judgement(Map.of(RAG_STATUS, "Blue")).comment()).isNull();
        }

        @Test
        @DisplayName("takes the form's optional comment when the required one is blank, and not otherwise")
        void bestPracticeComment() {
            assertThat(rules.judgement(Map.of(RAG_STATUS, "Green", BEST_PRACTICE_COMMENT, "Share it.")).comment())
                    .isEqualTo("Share it.");
            assertThat(rules.judgement(Map.of(RAG_STATUS, "Green", JUDGEMENT_COMMENT, "Chosen",
                    BEST_PRACTICE_COMMENT, "Ignored")).comment()).isEqualTo("Chosen");
        }

        @Test
        @DisplayName("sent back needs a comment and no status")
        void sentBack() {
            assertThatThrownBy(() -> rules.judgement(Map.of(JUDGEMENT_OUTCOME, OUTCOME_SENT_BACK)))
                    .hasMessage("Say what more information you need from the lead officer.");
            assertThat(rules.judgement(Map.of(JUDGEMENT_OUTCOME, OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, "Which wards?"))
                    .status()).isNull();
        }

        @Test
        @DisplayName("names an unknown status or outcome")
        void unknown() {
            assertThatThrownBy(() -> rules.judgement(Map.of(JUDGEMENT_OUTCOME, "maybe", RAG_STATUS, "Purple")))
                    .hasMessageContaining("not 'maybe'").hasMessageContaining("not 'Purple'");
        }
    }

    @Nested
    @DisplayName("remedial actions")
    class RemedialActions {

        @Test
        @DisplayName("are a list of what, who and a date that is not past")
        void proposals() {
            String actions = "[{\"action\": \"Restore the data\", \"owner\": \"Police\", \"dueDate\": \"" + TODAY
                    + "\"}]";
            assertThat(rules.remedialActions(Map.of(REMEDIAL_ACTIONS, actions)))
                    .containsExactly(new RemedialAction.Proposal("Restore the data", "Police", TODAY));
        }

        @Test
        @DisplayName("say which action lacks what")
        void incomplete() {
            String actions = "[{\"action\": \"Restore the data\"}, {\"owner\": \"Police\", \"dueDate\": \""
                    + TODAY.minusDays(1) + "\"}]";
            assertThatThrownBy(() -> rules.remedialActions(Map.of(REMEDIAL_ACTIONS, actions)))
                    .hasMessageContaining("Remedial action 1: say who is responsible.")
                    .hasMessageContaining("Remedial action 2: say what will be done.")
                    .hasMessageContaining("Remedial action 2: the date " + TODAY.minusDays(1) + " is in the past.");
        }

        @Test
        @DisplayName("need at least one, at most 20, in valid JSON")
        void bounds() {
            assertThatThrownBy(() -> rules.remedialActions(Map.of(REMEDIAL_ACTIONS, "[]")))
                    .hasMessageStartingWith("Propose at least one remedial action");
            String many = "[" + String.join(",", Collections.nCopies(21,
                    "{\"action\": \"a\", \"owner\": \"b\", \"dueDate\": \"" + TODAY + "\"}")) + "]";
            assertThatThrownBy(() -> rules.remedialActions(Map.of(REMEDIAL_ACTIONS, many)))
                    .hasMessage("Propose at most 20 remedial actions, not 21.");
            assertThatThrownBy(() -> rules.remedialActions(Map.of(REMEDIAL_ACTIONS, "[{")))
                    .hasMessageStartingWith("The remedial actions are not valid JSON");
        }
    }

    @Nested
    @DisplayName("a decision on remedial actions")
    class RemedialDecision {

        @Test
        @DisplayName("is agreed or sent back, and a send-back says why, also through the form's optional comment")
        void decision() {
            assertThatThrownBy(() -> rules.remedialDecision(Map.of()))
                    .hasMessageStartingWith("Choose whether to agree the remedial actions");
            assertThatThrownBy(() -> rules.remedialDecision(Map.of(REMEDIAL_OUTCOME, OUTCOME_SENT_BACK)))
                    .hasMessageStartingWith("Say why the remedial actions are sent back");
            assertThat(rules.remedialDecision(Map.of(REMEDIAL_OUTCOME, OUTCOME_AGREED, AGREEMENT_COMMENT, "Good."))
                    .comment()).isEqualTo("Good.");
        }
    }

    @Nested
    @DisplayName("what a completion may set")
    class Fields {

        @Test
        @DisplayName("its task's fields only: anything else is named, in order")
        void onlyItsFields() {
            rules.checkOnlyFieldsOf(ReturnTask.JUDGE_STATUS, Set.of(RAG_STATUS, JUDGEMENT_COMMENT));
            assertThatThrownBy(() -> rules.checkOnlyFieldsOf(ReturnTask.SUBMIT_UPDATE,
                    Set.of(ACHIEVEMENTS, RETURN_ID, LEAD_OFFICER, RAG_STATUS)))
                    .isInstanceOf(SubmissionRejectedException.class)
                    .hasMessage("This task takes achievements, blockages, plannedActivities; it cannot set "
                            + "leadOfficer, ragStatus, returnId. Send only the task's fields.");
        }
    }
}
