package org.deliveryprogress.returns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The register's figures with their unit, as the forms, the judgement's evidence and the pack show them. */
@DisplayName("A figure with its unit")
class UnitShownTest {

    @ParameterizedTest(name = "\"{0}\" in {1} → \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "74.6                | %                 | 74.6 %",
            "74.6%               | %                 | 74.6 %",
            "74.6%               | % of pupils       | 74.6 % of pupils",
            "1,234.5 %           | % of pupils       | 1,234.5 % of pupils",
            "17%                 | per cent          | 17 per cent",
            "17%                 | pupils (%)        | 17% pupils (%)",
            "2%                  | percentage points | 2 percentage points",
            "120per 100,000      | per 100,000       | 120 per 100,000",
            "Baseline 74.6%      | %                 | Baseline 74.6%",
            "1,207               | number of reports | 1,207 number of reports",
            "Increase on 2025/26 | %                 | Increase on 2025/26",
            "To be agreed        | number of reports | To be agreed",
            "No more than 142    | incidents         | No more than 142 incidents" })
    @DisplayName("a figure takes its unit, spaced as the series shows it; text written with its unit, and a target in "
            + "words, are shown as written")
    void figure(String figure, String unit, String shown) {
        assertThat(UnitShown.of(figure, unit)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "74.6%               | Baseline 74.6 %; target 2026/27: Increase on 2025/26",
            "74.6                | Baseline 74.6 %; target 2026/27: Increase on 2025/26" })
    @DisplayName("in the evidence the judging officer reads, as a seed's plan was imported")
    void inTheEvidence(String baseline, String shown) {
        EvidenceView.IndicatorLine line = new EvidenceView.IndicatorLine("NI 1", null, "%", false, "2026/27",
                "77.9", null, baseline, "Increase on 2025/26", "2026/27", null, null, null, null);
        assertThat("Baseline " + line.baselineShown() + "; target 2026/27: " + line.targetShown()).isEqualTo(shown);
    }
}
