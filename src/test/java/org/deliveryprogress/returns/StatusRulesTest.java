package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.deliveryprogress.networks.StatusRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented rules that turn a return's evidence into a suggested status, at their edges. */
@DisplayName("Status rules")
class StatusRulesTest {

    private static final StatusRules DEFAULTS = StatusRules.defaults();
    /** Belfast's: Green within 1%, Amber 1-5% adrift, Red beyond. */
    private static final StatusRules BELFAST = new StatusRules(BigDecimal.ONE, BigDecimal.valueOf(5), false);
    /** Havering's: Red when more than 10% off target and not improving. */
    private static final StatusRules HAVERING = new StatusRules(BigDecimal.ZERO, BigDecimal.TEN, true);

    @Nested
    @DisplayName("an indicator against its target")
    class AgainstTarget {

        @ParameterizedTest(name = "{0} against \"{1}\", higher is better: {2} → {3}")
        @CsvSource(delimiter = '|', value = {
                "100   | 100                     | true  | Green | on target",
                "101   | 100                     | true  | Green | on target",
                "95    | 100                     | true  | Amber | 5% short of target",
                "94.99 | 100                     | true  | Red   | 5.01% short of target",
                "94.9  | 100                     | true  | Red   | 5.1% short of target",
                "142   | No more than 142        | false | Green | on target",
                "149.1 | No more than 142        | false | Amber | 5% short of target",
                "149.2 | No more than 142        | false | Red   | 5.07% short of target",
                "120   | No more than 142        | false | Green | on target",
                "18.6  | 19.5% Indicative target.| true  | Amber | 4.62% short of target",
                "1,234 | 1,300                   | true  | Red   | 5.08% short of target",
                "1     | 0                       | false | Red   | short of a zero target",
                "0     | 0                       | false | Green | on target" })
        void defaults(String value, String target, boolean higherIsBetter, RagStatus status, String words) {
            TargetCheck check = TargetCheck.of(value, target, higherIsBetter, DEFAULTS, null).orElseThrow();
            assertThat(check.status()).isEqualTo(status);
            assertThat(check.inWords()).isEqualTo(words);
        }

        @ParameterizedTest(name = "{0} against 100 → {1}")
        @CsvSource({ "99, Green", "98.99, Amber", "95, Amber", "94.9, Red" })
        @DisplayName("by a network's own tolerances, each limit inside its band")
        void networksOwn(String value, RagStatus status) {
            assertThat(TargetCheck.of(value, "100", true, BELFAST, null).orElseThrow().status()).isEqualTo(status);
        }

        @ParameterizedTest(name = "{0} against \"{1}\", {2}: {3}, {4}")
        @CsvSource(delimiter = '|', nullValues = "unknown", value = {
                "85  | 100 | better  | Amber | 15% short of target but improving",
                "85  | 100 | same    | Red   | 15% short of target",
                "85  | 100 | worse   | Red   | 15% short of target",
                "85  | 100 | unknown | Red   | 15% short of target",
                "95  | 100 | worse   | Amber | 5% short of target",
                "100 | 100 | worse   | Green | on target",
                "1   | 0   | better  | Amber | short of a zero target but improving" })
        @DisplayName("by a network's rule that Red is for an indicator not improving, beyond Amber's tolerance only")
        void redOnlyWhenNotImproving(String value, String target, Direction direction, RagStatus status,
                String words) {
            TargetCheck check = TargetCheck.of(value, target, !target.equals("0"), HAVERING, direction)
                    .orElseThrow();
            assertThat(check.status()).isEqualTo(status);
            assertThat(check.inWords()).isEqualTo(words);
        }

        @Test
        @DisplayName("lets the direction of travel change nothing without that rule")
        void directionChangesNothingByDefault() {
            assertThat(TargetCheck.of("85", "100", true, DEFAULTS, Direction.better).orElseThrow())
                    .isEqualTo(TargetCheck.of("85", "100", true, DEFAULTS, null).orElseThrow())
                    .extracting(TargetCheck::status).isEqualTo(RagStatus.Red);
        }

        @Test
        @DisplayName("checks nothing without a target, with a target in words, or without a number to check")
        void nothingToCheck() {
            assertThat(TargetCheck.of("70", null, true, DEFAULTS, null)).isEmpty();
            assertThat(TargetCheck.of("70", "Strategy adopted", true, DEFAULTS, null)).isEmpty();
            assertThat(TargetCheck.of(null, "75", true, DEFAULTS, null)).isEmpty();
            assertThat(TargetCheck.of("about seventy", "75", true, DEFAULTS, null)).isEmpty();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(delimiter = '|', value = {
                "Increase on 2025/26",
                "Baseline + 2 percentage points",
                "Increase by 3 percentage points on the 2008/09 baseline",
                "To be agreed after the 2010 Place Survey",
                "2 points above the England average",
                "Reduce by 10%" })
        @DisplayName("checks nothing against a target in words whose figures are years or a change, as the seeds write")
        void targetInWordsWithFigures(String target) {
            // Read as its first number, "Increase on 2025/26" was 2025 and a rising 77.9 was 96% short: Red.
            assertThat(TargetCheck.of("77.9", target, true, DEFAULTS, null)).isEmpty();
        }

        @ParameterizedTest(name = "{0} against \"{1}\" → {2}")
        @CsvSource(delimiter = '|', value = {
                "812 | 812 (2007/08)              | Green",
                "75  | By 2010/11: 80             | Red",
                "76  | 76% by March 2011          | Green",
                "140 | Reduce to 142 by 2011       | Green",
                "2009| 2010                       | Amber",
                "2300| No more than 2000 by 2011/12 | Red",
                "1900| No more than 2000 by 2011/12 | Green" })
        @DisplayName("reads a target's figure past the years it names")
        void targetPastItsYears(String value, String target, RagStatus status) {
            boolean higherIsBetter = !target.startsWith("Reduce") && !target.startsWith("No more");
            assertThat(TargetCheck.of(value, target, higherIsBetter, DEFAULTS, null).orElseThrow().status())
                    .isEqualTo(status);
        }
    }

    @ParameterizedTest(name = "{0} then {1}, higher is better: {2} → {3}")
    @CsvSource({ "70, 72, true, better", "70, 72, false, worse", "72, 70, false, better", "72, 70, true, worse",
            "70, 70.0, true, same" })
    @DisplayName("the direction of travel respects which way the indicator is better")
    void direction(String previous, String value, boolean higherIsBetter, Direction direction) {
        assertThat(Direction.of(previous, value, higherIsBetter)).contains(direction);
    }

    @Test
    @DisplayName("no direction of travel without a number before")
    void noDirection() {
        assertThat(Direction.of(null, "70", true)).isEmpty();
        assertThat(Direction.of("strategy drafted", "70", true)).isEmpty();
    }

    @Nested
    @DisplayName("the suggested status")
    class Suggestion {

        @Test
        @DisplayName("is the worst of the evidence, with a reason for each thing short of Green, worst first")
        void worstOfTheEvidence() {
            EvidenceView evidence = evidence(List.of(indicator("NI 1", "95", "100"), indicator("LI 9", "80", "100"),
                    indicator("NI 2", "100", "100")), List.of(action("CS.1", "on track", false)), List.of());
            StatusSuggestion suggestion = evidence.suggestion().orElseThrow();
            assertThat(suggestion.status()).isEqualTo(RagStatus.Red);
            assertThat(suggestion.reasons()).containsExactly(
                    "LI 9: 80 (2026/27 Q2) against a target of 100 for 2026/27, 20% short of target: Red.",
                    "NI 1: 95 (2026/27 Q2) against a target of 100 for 2026/27, 5% short of target: Amber.");
        }

        @Test
        @DisplayName("says why an indicator off target is Amber, not Red, where the network's rule eases it")
        void easedByImprovement() {
            TargetCheck check = TargetCheck.of("85", "100", true, HAVERING, Direction.better).orElseThrow();
            EvidenceView.IndicatorLine improving = new EvidenceView.IndicatorLine("NI 1", null, "%", false,
                    "2026/27 Q2", "85", null, null, "100", "2026/27", check, "2026/27 Q1", "80", Direction.better);
            StatusSuggestion suggestion = evidence(List.of(improving), List.of(), List.of()).suggestion()
                    .orElseThrow();
            assertThat(suggestion.status()).isEqualTo(RagStatus.Amber);
            assertThat(suggestion.reasons()).containsExactly("NI 1: 85 % (2026/27 Q2) against a target of 100 % for "
                    + "2026/27, 15% short of target but improving: Amber.");
        }

        @Test
        @DisplayName("is Amber for an action behind, past its deadline, or a remedial action not done")
        void actionsAndFollowUps() {
            assertThat(evidence(List.of(indicator("NI 1", "100", "100")), List.of(action("CS.1", "behind", false)),
                    List.of()).suggestion().orElseThrow().status()).isEqualTo(RagStatus.Amber);
            StatusSuggestion overdue = evidence(List.of(), List.of(action("CS.2", "on track", true)), List.of())
                    .suggestion().orElseThrow();
            assertThat(overdue.status()).isEqualTo(RagStatus.Amber);
            assertThat(overdue.reasons()).containsExactly(
                    "CS.2: Train the staff: due Saturday 31 October 2026 and not completed: Amber.");
            assertThat(evidence(List.of(), List.of(), List.of(followUp(Evidence.FollowUpState.notDone)))
                    .suggestion().orElseThrow().status()).isEqualTo(RagStatus.Amber);
            assertThat(evidence(List.of(), List.of(), List.of(followUp(Evidence.FollowUpState.inProgress)))
                    .suggestion().orElseThrow().status()).isEqualTo(RagStatus.Green);
        }

        @Test
        @DisplayName("is Green when nothing points lower, and never Blue")
        void green() {
            StatusSuggestion suggestion = evidence(List.of(indicator("NI 1", "120", "100"),
                    indicator("NI 2", "100", "100")), List.of(), List.of()).suggestion().orElseThrow();
            assertThat(suggestion.status()).isEqualTo(RagStatus.Green);
            assertThat(suggestion.reasons())
                    .containsExactly("All 2 indicators with a target are on target, and no action is behind.");
        }

        @Test
        @DisplayName("is nothing when the evidence holds nothing to check: a missing value, no target, a text target")
        void nothingToSuggest() {
            EvidenceView evidence = evidence(List.of(indicator("NI 1", null, "100"), indicator("NI 2", "70", null),
                    indicator("NI 3", "70", "Strategy adopted")), List.of(), List.of());
            assertThat(evidence.suggestion()).isEmpty();
        }

        @Test
        @DisplayName("is kinder than a judgement only where the judge gave a better status; Blue for Green is not")
        void kinder() {
            StatusSuggestion amber = new StatusSuggestion(RagStatus.Amber, List.of());
            assertThat(amber.isKinder(RagStatus.Green)).isTrue();
            assertThat(amber.isKinder(RagStatus.Blue)).isTrue();
            assertThat(amber.isKinder(RagStatus.Amber)).isFalse();
            assertThat(amber.isKinder(RagStatus.Red)).isFalse();
            assertThat(new StatusSuggestion(RagStatus.Red, List.of()).isKinder(RagStatus.Amber)).isTrue();
            assertThat(new StatusSuggestion(RagStatus.Green, List.of()).isKinder(RagStatus.Blue)).isFalse();
        }

        private EvidenceView evidence(List<EvidenceView.IndicatorLine> indicators,
                List<EvidenceView.ActionLine> actions, List<EvidenceView.FollowUpLine> followUps) {
            return new EvidenceView(indicators, actions, followUps);
        }

        private EvidenceView.IndicatorLine indicator(String code, String value, String target) {
            Optional<TargetCheck> check = value == null ? Optional.empty()
                    : TargetCheck.of(value, target, true, DEFAULTS, null);
            return new EvidenceView.IndicatorLine(code, null, null, value == null, "2026/27 Q2", value, null, null,
                    target, "2026/27", check.orElse(null), null, null, null);
        }

        private EvidenceView.ActionLine action(String reference, String status, boolean overdue) {
            return new EvidenceView.ActionLine(reference, "Train the staff", status, null,
                    LocalDate.of(2026, 10, 31), overdue);
        }

        private EvidenceView.FollowUpLine followUp(Evidence.FollowUpState state) {
            return new EvidenceView.FollowUpLine(1L, "Run a second survey", "lead", LocalDate.of(2026, 9, 30), state,
                    null);
        }
    }
}
