package org.deliveryprogress.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Periods as councils write them: a financial year April to March, and its quarters. */
class ReportingPeriodTest {

    @Test
    void aYearIsWrittenWithTheTwoDigitsOfTheYearItEnds() {
        assertThat(new ReportingPeriod(2026, null).year()).isEqualTo("2026/27");
        assertThat(new ReportingPeriod(2008, 3).year()).isEqualTo("2008/09");
        assertThat(new ReportingPeriod(2099, 1).year()).isEqualTo("2099/00");
    }

    @Test
    void aQuarterIsWrittenAfterItsYear() {
        assertThat(new ReportingPeriod(2026, 2)).hasToString("2026/27 Q2");
        assertThat(new ReportingPeriod(2009, null)).hasToString("2009/10");
    }

    @Test
    void whatIsWrittenReadsBackAsTheSamePeriod() {
        for (ReportingPeriod period : new ReportingPeriod[] { new ReportingPeriod(2026, 4),
                new ReportingPeriod(2008, null), new ReportingPeriod(2099, 1) }) {
            assertThat(ReportingPeriod.parse(period.toString())).contains(period);
        }
        assertThat(ReportingPeriod.parse("2026/28 Q1")).isEmpty();
    }

    @Test
    void aQuarterTypedInLowerCaseOrAfterTwoSpacesIsRead() {
        assertThat(ReportingPeriod.parse("2026/27 q2")).contains(new ReportingPeriod(2026, 2));
        assertThat(ReportingPeriod.parse("2026/27  Q2")).contains(new ReportingPeriod(2026, 2));
        assertThat(ReportingPeriod.parse("2026/27Q2")).isEmpty();
    }

    @Test
    void januaryFallsInTheLastQuarterOfTheYearBefore() {
        assertThat(ReportingPeriod.quarterOf(LocalDate.of(2027, 1, 29))).isEqualTo(new ReportingPeriod(2026, 4));
        assertThat(ReportingPeriod.quarterOf(LocalDate.of(2026, 4, 1))).isEqualTo(new ReportingPeriod(2026, 1));
    }

    @Test
    void aPeriodHasBegunByTheQuarterItIsUpToAndAYearByAnyOfItsQuarters() {
        ReportingPeriod current = new ReportingPeriod(2026, 3);
        assertThat(new ReportingPeriod(2026, 3).hasBegunBy(current)).isTrue();
        assertThat(new ReportingPeriod(2025, 4).hasBegunBy(current)).isTrue();
        assertThat(new ReportingPeriod(2026, 4).hasBegunBy(current)).isFalse();
        assertThat(new ReportingPeriod(2026, null).hasBegunBy(current)).as("the year under way").isTrue();
        assertThat(new ReportingPeriod(2027, null).hasBegunBy(current)).isFalse();
    }

    @Test
    void aMonthWrittenForAPeriodIsAnsweredWithTheQuarterItFallsIn() {
        ReportingPeriod example = new ReportingPeriod(2026, 2);
        assertThat(ReportingPeriod.whatToWrite("September 2026", example))
                .isEqualTo("write the quarter of the financial year it falls in, 2026/27 Q2 (July to September 2026)");
        assertThat(ReportingPeriod.whatToWrite("Sept. 2027", example)).contains("2027/28 Q2 (July to September 2027)");
        assertThat(ReportingPeriod.whatToWrite("jan 2027", example)).contains("2026/27 Q4 (January to March 2027)");
        assertThat(ReportingPeriod.whatToWrite("Q2 2026", example)).isEqualTo("write a quarter of a financial year, "
                + "such as 2026/27 Q2 (July to September 2026), or a year, such as 2026/27");
    }

    @Test
    void aYearRunsAprilToMarch() {
        assertThat(new ReportingPeriod(2026, null).months()).isEqualTo("April 2026 to March 2027");
        assertThat(new ReportingPeriod(2026, 4).months()).isEqualTo("January to March 2027");
    }
}
