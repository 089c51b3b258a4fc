package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.deliveryprogress.returns.ReturnVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.deliveryprogress.cycles.CycleProperties;
import org.deliveryprogress.plans.DeliveryPlan;
import org.deliveryprogress.returns.SubmissionRules.ExpectedEvidence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What an officer may submit on each task of a return, checked without the engine or a server. */
@DisplayName("Submission rules")
class SubmissionRulesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final ExpectedEvidence NOTHING_EXPECTED = new ExpectedEvidence(List.of(), List.of(), List.of());

    private final SubmissionRules rules = new SubmissionRules(new ObjectMapper(),
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), LONDON),
            new CycleProperties(100, LONDON, LocalTime.of(17, 0)));

    @Nested
    @DisplayName("an update")
    class Update {

        @Test
        @DisplayName("needs achievements and planned activities, and names both when both are missing")
        void required() {
            assertThatThrownBy(() -> rules.update(Map.of(BLOCKAGES, "None"), NOTHING_EXPECTED))
                    .isInstanceOf(SubmissionRejectedException.class)
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Key achievements since last quarter (achievements) must be filled in.",
                            "Key activities planned for the next quarter (plannedActivities) must be filled in."));
        }

        @Test
        @DisplayName("takes no-break and zero-width spaces alone for nothing written")
        void invisibleText() {
            assertThatThrownBy(() -> rules.update(Map.of(ACHIEVEMENTS, "\u200B", PLANNED_ACTIVITIES, "\u00A0 \u2060"),
                    NOTHING_EXPECTED))
                    .isInstanceOf(SubmissionRejectedException.class)
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Key achievements since last quarter (achievements) must be filled in.",
                            "Key activities planned for the next quarter (plannedActivities) must be filled in."));
        }

        @Test
        @DisplayName("keeps texts up to 100,000 characters, and says by how much a longer one is over")
        void limit() {
            String longest = "x".repeat(100_000);
            assertThat(rules.update(Map.of(ACHIEVEMENTS, longest, PLANNED_ACTIVITIES, "More"), NOTHING_EXPECTED)
                    .texts().achievements())
                    .isEqualTo(longest);
            assertThatThrownBy(() -> rules.update(Map.of(ACHIEVEMENTS, longest + "x", PLANNED_ACTIVITIES, "More"),
                    NOTHING_EXPECTED))
                    .hasMessageContaining("100,001 characters long; the limit is 100,000");
        }

        @Test
        @DisplayName("names a text that is too long as the update's form labels it, blockages included")
        void tooLongNamedAsLabelled() {
            assertThatThrownBy(() -> rules.update(Map.of(ACHIEVEMENTS, "Done", PLANNED_ACTIVITIES, "More",
                    BLOCKAGES, "x".repeat(100_001)), NOTHING_EXPECTED))
                    .isInstanceOf(SubmissionRejectedException.class)
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Blockages or issues to be addressed by the network (blockages) is 100,001 characters "
                                    + "long; the limit is 100,000. Shorten it."));
        }

        @Test
        @DisplayName("refuses a field that is not text, and treats blank as missing")
        void notText() {
            assertThatThrownBy(() -> rules.update(Map.of(ACHIEVEMENTS, 42, PLANNED_ACTIVITIES, "  "), NOTHING_EXPECTED))
                    .hasMessageContaining("(achievements) must be text")
                    .hasMessageContaining("(plannedActivities) must be filled in");
        }
    }

    @Nested
    @DisplayName("an update's evidence")
    class UpdateEvidence {

        private final DeliveryPlan plan = new DeliveryPlan(null, "CC-NI1", "Cohesion", "lead", "judge");
        private final ExpectedEvidence expected;

        UpdateEvidence() {
            plan.addIndicator("NI 1", "People getting on well", "74.6", "%", true);
            plan.addIndicator("LI 9", "Strategy adopted", "Not yet", null, true);
            plan.addAction("CS.1", "Run the survey", "on track");
            plan.addAction("CS.2", "Train the staff", "not started");
            RemedialAction restore = new RemedialAction(null, 0, new RemedialAction.Proposal("Restore the data",
                    "Police", TODAY.plusMonths(1)));
            ReflectionTestUtils.setField(restore, "id", 7L);
            expected = new ExpectedEvidence(plan.getIndicators(), plan.getActions(), List.of(restore));
        }

        @Test
        @DisplayName("takes every indicator, open action and agreed remedial action answered once, numbers as numbers")
        void everythingAnswered() {
            Evidence evidence = rules.update(submission(
                    "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q2\", \"value\": \"1,075.5%\"},"
                            + " {\"code\": \"LI 9\", \"noData\": true, \"note\": \"Adopted in March\"}]",
                    "[{\"reference\": \"CS.1\", \"status\": \"Completed\"},"
                            + " {\"reference\": \"CS.2\", \"status\": \"behind\", \"note\": \"No trainer\"}]",
                    "[{\"id\": 7, \"state\": \"inProgress\"}]"), expected).evidence();

            assertThat(evidence.indicators()).extracting(Evidence.IndicatorAnswer::getCode,
                    Evidence.IndicatorAnswer::getPeriod, Evidence.IndicatorAnswer::getValue,
                    Evidence.IndicatorAnswer::isNoData)
                    .containsExactly(tuple("NI 1", "2026/27 Q2", "1,075.5%", false), tuple("LI 9", null, null, true));
            assertThat(evidence.actions()).extracting(Evidence.ActionProgress::getStatus)
                    .containsExactly("completed", "behind");
            assertThat(evidence.followUps()).extracting(Evidence.RemedialFollowUp::getState)
                    .containsExactly(Evidence.FollowUpState.inProgress);
        }

        @Test
        @DisplayName("refuses unknown codes and references, answers given twice, and what is left unanswered")
        void unknownTwiceOrMissing() {
            assertThatThrownBy(() -> rules.update(submission(
                    "[{\"code\": \"NI 99\", \"period\": \"2026/27 Q2\", \"value\": \"1\"},"
                            + " {\"code\": \"NI 1\", \"period\": \"2026/27 Q2\", \"value\": \"1\"},"
                            + " {\"code\": \"NI 1\", \"period\": \"2026/27 Q1\", \"value\": \"2\"}]",
                    "[{\"reference\": \"CS.9\", \"status\": \"on track\"}]",
                    "[{\"id\": 8, \"state\": \"done\"}]"), expected))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Indicators: 'NI 99' is not one of this plan's indicators (LI 9, NI 1).",
                            "NI 1: answered twice; give one answer per indicator.",
                            "Answer every indicator of the plan, with its latest value or no new data and why: LI 9 "
                                    + "has no answer.",
                            "Actions: 'CS.9' is not an open action of this plan (CS.1, CS.2).",
                            "Give the progress of every open action: CS.1, CS.2 have none.",
                            "Remedial actions agreed last quarter: '8' is not one of them (7).",
                            "Follow up every remedial action agreed last quarter: 'Restore the data' has no answer."));
            assertThatThrownBy(() -> rules.update(Map.of(ACHIEVEMENTS, "Done", PLANNED_ACTIVITIES, "More"),
                    expected)).hasMessageContaining("indicatorValues is missing")
                    .hasMessageContaining("actionProgress is missing")
                    .hasMessageContaining("remedialFollowUp is missing");
        }

        @Test
        @DisplayName("names what is left unanswered even when a wrong answer's key is the list's own name")
        void unansweredBesideAKeyNamedAsItsList() {
            assertThatThrownBy(() -> rules.update(submission("[{\"code\": \"indicatorValues\"}]",
                    "[{\"reference\": \"actionProgress\"}]", "[{\"id\": \"remedialFollowUp\"}]"), expected))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Indicators: 'indicatorValues' is not one of this plan's indicators (LI 9, NI 1).",
                            "Answer every indicator of the plan, with its latest value or no new data and why: LI 9, "
                                    + "NI 1 have no answer.",
                            "Actions: 'actionProgress' is not an open action of this plan (CS.1, CS.2).",
                            "Give the progress of every open action: CS.1, CS.2 have none.",
                            "Remedial actions agreed last quarter: 'remedialFollowUp' is not one of them (7).",
                            "Follow up every remedial action agreed last quarter: 'Restore the data' has no answer."));
        }

        @Test
        @DisplayName("refuses a value that is not a number for a numeric indicator, naming it; takes words for one "
                + "measured in words")
        void numbers() {
            assertThatThrownBy(() -> rules.update(submission(
                    "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q2\", \"value\": \"about 75\"},"
                            + " {\"code\": \"LI 9\", \"period\": \"2026/27\", \"value\": \"Adopted\"}]",
                    ALL_ACTIONS, FOLLOWED_UP), expected))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "NI 1: 'about 75' is not a number; write it in figures, such as 74.6 (%)."));
            assertThatThrownBy(() -> rules.update(submission(
                    "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q2\", \"value\": \"75.1234567\"},"
                            + " {\"code\": \"LI 9\", \"period\": \"2026/27\", \"value\": \"Adopted\"}]",
                    ALL_ACTIONS, FOLLOWED_UP), expected))
                    .hasMessage("NI 1: '75.1234567' has more than 14 digits before the decimal point or 6 after it; "
                            + "check it.");
            assertThatThrownBy(() -> rules.update(submission(
                    "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q2\", \"value\": \"75,9 %\"},"
                            + " {\"code\": \"LI 9\", \"period\": \"2026/27\", \"value\": \"Adopted\"}]",
                    ALL_ACTIONS, FOLLOWED_UP), expected))
                    .as("a decimal comma").hasMessage("NI 1: '75,9 %' has a decimal comma; write it with a point: "
                            + "75.9%.");
            assertThatThrownBy(() -> rules.update(submission(
                    "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q2\", \"value\": \"n/a\"},"
                            + " {\"code\": \"LI 9\", \"period\": \"2026/27\", \"value\": \"Adopted\"}]",
                    ALL_ACTIONS, FOLLOWED_UP), expected))
                    .as("no figure at all: most often no data, which has its own answer")
                    .hasMessage("NI 1: 'n/a' is not a number; write it in figures, such as 74.6 (%), or say there "
                            + "is no new data this quarter and why.");
        }

        @Test
        @DisplayName("refuses a percentage for an indicator measured in something else, saying what it is measured in; "
                + "takes one for a rate and for an indicator without a unit")
        void percentages() {
            DeliveryPlan hate = new DeliveryPlan(null, "CC-HATE", "Hate crime", "lead", "judge");
            hate.addIndicator("LI HC1", "Hate incidents reported", "212", "reports", true);
            hate.addIndicator("LI HC2", "Repeat victims", "18.0", "per cent", false);
            hate.addIndicator("LI HC3", "Cases closed", "40", null, true);
            ExpectedEvidence hateEvidence = new ExpectedEvidence(hate.getIndicators(), List.of(), List.of());

            assertThatThrownBy(() -> rules.update(submission(
                    "[{\"code\": \"LI HC1\", \"period\": \"2026/27 Q2\", \"value\": \"1,212 %\"},"
                            + " {\"code\": \"LI HC2\", \"period\": \"2026/27 Q2\", \"value\": \"17%\"},"
                            + " {\"code\": \"LI HC3\", \"period\": \"2026/27 Q2\", \"value\": \"45%\"}]",
                    "[]", "[]"), hateEvidence))
                    .hasMessage("LI HC1: '1,212 %' is a percentage, and LI HC1 is measured in reports; write it "
                            + "as 1,212.");
            assertThat(rules.update(submission(
                    "[{\"code\": \"LI HC1\", \"period\": \"2026/27 Q2\", \"value\": \"1,212\"},"
                            + " {\"code\": \"LI HC2\", \"period\": \"2026/27 Q2\", \"value\": \"17%\"},"
                            + " {\"code\": \"LI HC3\", \"period\": \"2026/27 Q2\", \"value\": \"45%\"}]",
                    "[]", "[]"), hateEvidence).evidence().indicators())
                    .extracting(Evidence.IndicatorAnswer::getValue).containsExactly("1,212", "17%", "45%");
        }

        @Test
        @DisplayName("needs a reason for no new data, and a value or no data, not both")
        void noData() {
            assertThatThrownBy(() -> rules.update(submission(
                    "[{\"code\": \"NI 1\", \"noData\": true, \"value\": \"75\"},"
                            + " {\"code\": \"LI 9\", \"noData\": \"true\"}]", ALL_ACTIONS, FOLLOWED_UP),
                    expected))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "NI 1: say why there is no new data this quarter (note).",
                            "NI 1: give a value or say there is no new data, not both.",
                            "LI 9: say why there is no new data this quarter (note)."));
        }

        @Test
        @DisplayName("answers a month written for a period with the quarter it falls in")
        void monthForAPeriod() {
            assertThatThrownBy(() -> rules.update(submission(
                    "[{\"code\": \"NI 1\", \"period\": \"September 2026\", \"value\": \"75\"},"
                            + " {\"code\": \"LI 9\", \"period\": \"2026/27 Q3\", \"value\": \"Yes\"}]",
                    ALL_ACTIONS, FOLLOWED_UP), expected))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "NI 1: 'September 2026' is not a period; write the quarter of the financial year it "
                                    + "falls in, 2026/27 Q2 (July to September 2026)."));
        }

        @Test
        @DisplayName("reads a period as a quarter or a financial year, and refuses one not begun yet")
        void periods() {
            assertThatThrownBy(() -> rules.update(submission(
                    "[{\"code\": \"NI 1\", \"period\": \"Q2 2026\", \"value\": \"75\"},"
                            + " {\"code\": \"LI 9\", \"period\": \"2026/27 Q4\", \"value\": \"Yes\"}]",
                    ALL_ACTIONS, FOLLOWED_UP), expected))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "NI 1: 'Q2 2026' is not a period; write a quarter of a financial year, such as "
                                    + "2026/27 Q2 (July to September 2026), or a year, such as 2026/27.",
                            "LI 9: 2026/27 Q4 has not begun yet; the latest quarter is 2026/27 Q3."));
            assertThat(rules.update(submission("[{\"code\": \"NI 1\", \"period\": \"2026/27\", \"value\": "
                    + "\"75\"}, {\"code\": \"LI 9\", \"period\": \"2026/27 Q3\", \"value\": \"Yes\"}]",
                    ALL_ACTIONS, FOLLOWED_UP), expected).evidence().indicators()).hasSize(2);
        }

        @Test
        @DisplayName("needs a reason for an action behind and a remedial action not done, and known states")
        void reasons() {
            assertThatThrownBy(() -> rules.update(submission(ALL_INDICATORS,
                    "[{\"reference\": \"CS.1\", \"status\": \"behind\"},"
                            + " {\"reference\": \"CS.2\", \"status\": \"late\"}]",
                    "[{\"id\": \"7\", \"state\": \"notDone\"}]"), expected))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Action CS.1: say why it is behind and what is being done (note).",
                            "Action CS.2: 'late' is not a status: not started, on track, behind, completed, removed.",
                            "Remedial action agreed last quarter 'Restore the data': say why it was not done (note)."));
        }

        @Test
        @DisplayName("names a remedial action by what it says, as the form heads its row, not by a number")
        void remedialActionsNamedAsTheFormHeadsThem() {
            RemedialAction briefing = new RemedialAction(null, 1, new RemedialAction.Proposal("Agree interim hate "
                    + "crime reporting arrangements with partners\nand circulate a briefing.", "Police", TODAY));
            ReflectionTestUtils.setField(briefing, "id", 8L);
            ExpectedEvidence two = new ExpectedEvidence(plan.getIndicators(), plan.getActions(),
                    List.of(expected.toFollowUp().get(0), briefing));
            assertThatThrownBy(() -> rules.update(submission(ALL_INDICATORS, ALL_ACTIONS,
                    "[{\"id\": \"8\", \"state\": \"notDone\"}]"), two))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Remedial action agreed last quarter 'Agree interim hate crime reporting arrangements "
                                    + "with…': say why it was not done (note).",
                            "Follow up every remedial action agreed last quarter: 'Restore the data' has no answer."));
            assertThatThrownBy(() -> rules.update(submission(ALL_INDICATORS, ALL_ACTIONS, "[]"), two))
                    .hasMessageContaining("'Restore the data', 'Agree interim hate crime reporting arrangements "
                            + "with…' have no answer.");
            assertThatThrownBy(() -> rules.update(submission(ALL_INDICATORS, ALL_ACTIONS,
                    "[{\"id\": \"7\", \"state\": \"done\"}, {\"id\": \"8\", \"state\": \"done\"},"
                            + " {\"id\": \"8\", \"state\": \"inProgress\"}]"), two))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Remedial action agreed last quarter 'Agree interim hate crime reporting arrangements "
                                    + "with…': followed up twice; give one answer per action."));
        }

        @Test
        @DisplayName("takes the register's \"update requested\" as what the update is asked for, not as its answer")
        void updateRequestedIsNoAnswer() {
            assertThatThrownBy(() -> rules.update(submission(ALL_INDICATORS,
                    "[{\"reference\": \"CS.1\", \"status\": \"Update requested\"},"
                            + " {\"reference\": \"CS.2\", \"status\": \"on track\"}]", FOLLOWED_UP), expected))
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems()).containsExactly(
                            "Action CS.1: 'update requested' is what this update is asked for; say how the action "
                                    + "stands: not started, on track, behind, completed, removed."));
        }

        @Test
        @DisplayName("refuses what is not a list of objects, or not JSON, naming the field")
        void shapes() {
            assertThatThrownBy(() -> rules.update(submission("{\"code\": \"NI 1\"}", "[1, 2]", "not json"),
                    expected))
                    .hasMessageContaining("indicatorValues must be a list of at most 100 entries, each {code, period, "
                            + "value, note, noData}.")
                    .hasMessageContaining("actionProgress must be a list")
                    .hasMessageContaining("remedialFollowUp are not valid JSON");
        }

        private static final String ALL_INDICATORS = "[{\"code\": \"NI 1\", \"period\": \"2026/27 Q2\", "
                + "\"value\": \"75\"}, {\"code\": \"LI 9\", \"period\": \"2026/27\", \"value\": \"Yes\"}]";
        private static final String ALL_ACTIONS = "[{\"reference\": \"CS.1\", \"status\": \"on track\"},"
                + " {\"reference\": \"CS.2\", \"status\": \"on track\"}]";
        private static final String FOLLOWED_UP = "[{\"id\": 7, \"state\": \"done\"}]";

        private Map<String, Object> submission(String indicators, String actions, String followUps) {
            return Map.of(ACHIEVEMENTS, "Done", PLANNED_ACTIVITIES, "More", INDICATOR_VALUES, indicators,
                    ACTION_PROGRESS, actions, REMEDIAL_FOLLOW_UP, followUps);
        }
    }

    @Nested
    @DisplayName("a judgement")
    class Judgement {

        private final StatusSuggestion amber = new StatusSuggestion(RagStatus.Amber,
                List.of("NI 1: 70 % (2026/27 Q2) against a target of 72 % for 2026/27, 2.8% short of target: Amber."));

        private SubmissionRules.Judgement judged(Map<String, ?> values) {
            return rules.judgement(values, Optional.empty());
        }

        @Test
        @DisplayName("without an outcome is a judgement, not a send-back")
        void judgedByDefault() {
            SubmissionRules.Judgement judgement = judged(Map.of(RAG_STATUS, "Green"));
            assertThat(judgement.sentBack()).isFalse();
            assertThat(judgement.status()).isEqualTo(RagStatus.Green);
        }

        @Test
        @DisplayName("Red and Amber need a comment; Green and Blue do not")
        void redAndAmberNeedAComment() {
            assertThatThrownBy(() -> judged(Map.of(RAG_STATUS, "Red")))
                    .hasMessage("A Red status needs a comment: give an overview of the issue and the remedial action "
                            + "planned.");
            assertThatThrownBy(() -> judged(Map.of(RAG_STATUS, "Amber")))
                    .hasMessageStartingWith("An Amber status needs a comment");
            assertThat(judged(Map.of(RAG_STATUS, "Blue")).comment()).isNull();
            assertThatThrownBy(() -> judged(Map.of(RAG_STATUS, "Red", JUDGEMENT_COMMENT, "\u200B\uFEFF")))
                    .as("a comment of invisible characters").hasMessageStartingWith("A Red status needs a comment");
        }

        @Test
        @DisplayName("takes the form's optional comment when the required one is blank, and not otherwise")
        void bestPracticeComment() {
            assertThat(judged(Map.of(RAG_STATUS, "Green", BEST_PRACTICE_COMMENT, "Share it.")).comment())
                    .isEqualTo("Share it.");
            assertThat(judged(Map.of(RAG_STATUS, "Green", JUDGEMENT_COMMENT, "Chosen",
                    BEST_PRACTICE_COMMENT, "Ignored")).comment()).isEqualTo("Chosen");
        }

        @Test
        @DisplayName("sent back needs a comment and no status")
        void sentBack() {
            assertThatThrownBy(() -> judged(Map.of(JUDGEMENT_OUTCOME, OUTCOME_SENT_BACK)))
                    .hasMessage("Say what more information you need from the lead officer.");
            assertThat(judged(Map.of(JUDGEMENT_OUTCOME, OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, "Which wards?"))
                    .status()).isNull();
        }

        @Test
        @DisplayName("names an unknown status or outcome")
        void unknown() {
            assertThatThrownBy(() -> judged(Map.of(JUDGEMENT_OUTCOME, "maybe", RAG_STATUS, "Purple")))
                    .hasMessageContaining("not 'maybe'").hasMessageContaining("not 'Purple'");
        }
    
        @Test
        @DisplayName("kinder than the evidence suggests needs a comment saying why, and records the suggestion")
        void kinderThanTheEvidence() {
            assertThatThrownBy(() -> rules.judgement(Map.of(RAG_STATUS, "Green"), Optional.of(amber)))
                    .hasMessage("The evidence suggests Amber (NI 1: 70 % (2026/27 Q2) against a target of 72 % for "
                            + "2026/27, 2.8% short of target: Amber.) A Green status is kinder than the evidence: "
                            + "say in the comment why.");
            assertThatThrownBy(() -> rules.judgement(Map.of(RAG_STATUS, "Blue"), Optional.of(amber)))
                    .hasMessageContaining("A Blue status is kinder than the evidence");
            SubmissionRules.Judgement explained = rules.judgement(Map.of(RAG_STATUS, "Green", JUDGEMENT_COMMENT,
                    "The survey was run in the summer holidays."), Optional.of(amber));
            assertThat(explained.status()).isEqualTo(RagStatus.Green);
            assertThat(explained.suggestion()).isEqualTo(amber);
        }

        @Test
        @DisplayName("as the evidence suggests, or harsher, or Blue where Green is suggested, needs no more comment")
        void notKinder() {
            StatusSuggestion green = new StatusSuggestion(RagStatus.Green, List.of("On target."));
            assertThat(rules.judgement(Map.of(RAG_STATUS, "Blue"), Optional.of(green)).comment()).isNull();
            assertThat(rules.judgement(Map.of(RAG_STATUS, "Green"), Optional.of(green)).suggestion()).isEqualTo(green);
            assertThatThrownBy(() -> rules.judgement(Map.of(RAG_STATUS, "Amber"), Optional.of(green)))
                    .hasMessageStartingWith("An Amber status needs a comment");
            assertThat(rules.judgement(Map.of(JUDGEMENT_OUTCOME, OUTCOME_SENT_BACK, JUDGEMENT_COMMENT, "Which wards?"),
                    Optional.of(amber)).suggestion()).as("a send-back records no suggestion").isNull();
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
                    .hasMessageContaining("Remedial action 2: 1 December 2026 is in the past; give a date from today, "
                            + "2 December 2026, on.");
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

    /**
     * By when a remedial action will be done: an ISO date, or day, month and year as the form's three boxes send them.
     * Today is Wednesday 2 December 2026, so the latest date accepted is 2 December 2029.
     */
    @Nested
    @DisplayName("a remedial action's date")
    class DueDates {

        @Test
        @DisplayName("in three boxes is read day first, whatever a browser's order: 2 10 2027 is 2 October")
        void dayMonthYear() {
            assertThat(dueDateOf(parts(31, 1, 2027))).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(dueDateOf(parts(2, 10, 2027))).isEqualTo(LocalDate.of(2027, 10, 2));
        }

        @Test
        @DisplayName("in three boxes may be numbers or their text, with leading zeros, as a REST client sends them")
        void partsAsText() {
            assertThat(dueDateOf(parts("02", " 10 ", "2027"))).isEqualTo(LocalDate.of(2027, 10, 2));
        }

        @Test
        @DisplayName("as an ISO date is read as before, also from a date-time")
        void isoDate() {
            assertThat(dueDateOf(Map.of(DUE_DATE, "2027-01-31"))).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(dueDateOf(Map.of(DUE_DATE, "2027-01-31T00:00:00.000Z"))).isEqualTo(LocalDate.of(2027, 1, 31));
        }

        @Test
        @DisplayName("29 February is a date in a leap year, and not in another, either way it is written")
        void leapDay() {
            assertThat(dueDateOf(parts(29, 2, 2028))).isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(dueDateOf(Map.of(DUE_DATE, "2028-02-29"))).isEqualTo(LocalDate.of(2028, 2, 29));
            assertRefused(parts(29, 2, 2027),
                    "Remedial action 1: there is no 29 February 2027: February 2027 has 28 days.");
            assertRefused(Map.of(DUE_DATE, "2027-02-29"),
                    "Remedial action 1: there is no 29 February 2027: February 2027 has 28 days.");
        }

        @Test
        @DisplayName("31 February is refused, never rolled into March")
        void thirtyFirstOfFebruary() {
            assertRefused(parts(31, 2, 2027),
                    "Remedial action 1: there is no 31 February 2027: February 2027 has 28 days.");
            assertRefused(parts(31, 4, 2027), "Remedial action 1: there is no 31 April 2027: April 2027 has 30 days.");
        }

        @Test
        @DisplayName("day 0, month 13 and a two-digit year are each named")
        void outOfRange() {
            assertRefused(parts(0, 1, 2027), "Remedial action 1: the day must be a number from 1 to 31, not 0.");
            assertRefused(parts(32, 1, 2027), "Remedial action 1: the day must be a number from 1 to 31, not 32.");
            assertRefused(parts(31, 13, 2027), "Remedial action 1: the month must be a number from 1 to 12, not 13.");
            assertRefused(parts(31, 1, 27),
                    "Remedial action 1: the year must have four digits, for example 2027, not 27.");
            assertRefused(parts(0, 13, 27), "Remedial action 1: the day must be a number from 1 to 31, not 0.",
                    "Remedial action 1: the month must be a number from 1 to 12, not 13.",
                    "Remedial action 1: the year must have four digits, for example 2027, not 27.");
        }

        @Test
        @DisplayName("today is accepted; yesterday is in the past")
        void todayAndYesterday() {
            assertThat(dueDateOf(parts(2, 12, 2026))).isEqualTo(TODAY);
            assertRefused(parts(1, 12, 2026),
                    "Remedial action 1: 1 December 2026 is in the past; give a date from today, 2 December 2026, on.");
        }

        @Test
        @DisplayName("at most three years ahead: 2 December 2029 is accepted, the day after is not")
        void farFuture() {
            assertThat(dueDateOf(parts(2, 12, 2029))).isEqualTo(LocalDate.of(2029, 12, 2));
            assertRefused(parts(3, 12, 2029), "Remedial action 1: 3 December 2029 is more than 3 years ahead: check "
                    + "the year, or split the action into steps that can be followed up by 2 December 2029.");
            assertRefused(Map.of(DUE_DATE, "2207-01-31"), "Remedial action 1: 31 January 2207 is more than 3 years "
                    + "ahead: check the year, or split the action into steps that can be followed up by "
                    + "2 December 2029.");
        }

        @Test
        @DisplayName("in both shapes at once is refused, even when they agree")
        void bothShapes() {
            Map<String, Object> both = new LinkedHashMap<>(parts(31, 1, 2027));
            both.put(DUE_DATE, "2027-01-31");
            assertRefused(both, "Remedial action 1: give the date either as dueDate (YYYY-MM-DD) or as dueDay, "
                    + "dueMonth and dueYear, not both.");
        }

        @Test
        @DisplayName("in neither shape is refused; so are boxes left empty, naming them")
        void neitherShape() {
            assertRefused(Map.of(), "Remedial action 1: say by when it will be done: the day, month and year.");
            Map<String, Object> empty = new LinkedHashMap<>();
            empty.put(DUE_DAY, null);
            empty.put(DUE_MONTH, "");
            empty.put(DUE_YEAR, null);
            assertRefused(empty, "Remedial action 1: say by when it will be done: the day, month and year.");
            assertRefused(Map.of(DUE_DAY, 31), "Remedial action 1: give the day, month and year: the month and the "
                    + "year are missing.");
            assertRefused(Map.of(DUE_DAY, 31, DUE_MONTH, 1),
                    "Remedial action 1: give the day, month and year: the year is missing.");
        }

        @Test
        @DisplayName("text in a box, or a fraction, is refused, quoting it")
        void textInABox() {
            assertRefused(parts("31st", "Jan", 2027), "Remedial action 1: the day must be a whole number, not '31st'.",
                    "Remedial action 1: the month must be a number from 1 to 12: 1 for January, not 'Jan'.");
            assertRefused(parts(31, 1.5, 2027),
                    "Remedial action 1: the month must be a number from 1 to 12, not '1.5'.");
            assertRefused(Map.of(DUE_DATE, "31/01/2027"), "Remedial action 1: '31/01/2027' is not a date; write it as "
                    + "YYYY-MM-DD, for example 2027-01-31.");
        }

        @Test
        @DisplayName("names the action it belongs to, by its number in the list")
        void namesTheAction() {
            assertThatThrownBy(() -> rules.remedialActions(Map.of(REMEDIAL_ACTIONS, List.of(
                    action(parts(31, 1, 2027)), action(parts(31, 2, 2027))))))
                    .hasMessage("Remedial action 2: there is no 31 February 2027: February 2027 has 28 days.");
        }

        private LocalDate dueDateOf(Map<String, ?> date) {
            return rules.remedialActions(Map.of(REMEDIAL_ACTIONS, List.of(action(date)))).get(0).dueDate();
        }

        private void assertRefused(Map<String, ?> date, String... problems) {
            assertThatThrownBy(() -> rules.remedialActions(Map.of(REMEDIAL_ACTIONS, List.of(action(date)))))
                    .isInstanceOf(SubmissionRejectedException.class)
                    .satisfies(e -> assertThat(((SubmissionRejectedException) e).getProblems())
                            .containsExactly(problems));
        }

        private static Map<String, Object> action(Map<String, ?> date) {
            Map<String, Object> action = new LinkedHashMap<>(Map.of("action", "Restore the data", "owner", "Police"));
            action.putAll(date);
            return action;
        }

        private static Map<String, Object> parts(Object day, Object month, Object year) {
            return Map.of(DUE_DAY, day, DUE_MONTH, month, DUE_YEAR, year);
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
                    .hasMessage("This task takes achievements, actionProgress, blockages, indicatorValues, "
                            + "plannedActivities, remedialFollowUp; it cannot set leadOfficer, ragStatus, returnId. "
                            + "Send only the task's fields.");
        }
    }
}
