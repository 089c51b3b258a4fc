package org.deliveryprogress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Financial years that Excel took for months, read back as they were typed. */
@DisplayName("A financial year Excel took for a month")
class FinancialYearsTakenForMonthsTest {

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "Oct-09     | 2009/10",
            "Sep-08     | 2008/09",
            "Oct 2009   | 2009/10",
            "Dec 2011   | 2011/12",
            "nov-10     | 2010/11",
            "2009-10-01 | 2009/10",
            "2009/10    | 2009/10",
            "2026/27 Q2 | 2026/27 Q2",
            "Mar 2010   | Mar 2010",
            "Oct-10     | Oct-10",
            "2009-10-02 | 2009-10-02",
            "2009-10    | 2009-10" })
    @DisplayName("is read back as the year only where the month is the year's second part")
    void readBack(String written, String read) {
        assertThat(FinancialYearsTakenForMonths.asTyped(written)).isEqualTo(read);
    }
}
