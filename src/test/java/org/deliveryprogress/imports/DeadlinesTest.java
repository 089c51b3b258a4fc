package org.deliveryprogress.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Officers' deadlines as they wrote them in the plans, read by UK conventions: day before month. */
class DeadlinesTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Oct 2009                        | 2009-10-31
            October 2009                    | 2009-10-31
            Sept 2009                       | 2009-09-30
            Sep-09                          | 2009-09-30
            March 2010                      | 2010-03-31
            Nov 09                          | 2009-11-30
            March 10                        | 2010-03-31
            february 2012                   | 2012-02-29
            DEC. 2009                       | 2009-12-31
            """)
    void aMonthMeansByTheEndOfThatMonth(String text, LocalDate date) {
        assertThat(Deadlines.dateIn(text)).contains(date);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            18/11/09                        | 2009-11-18
            18/11/2009                      | 2009-11-18
            18.11.09                        | 2009-11-18
            18-11-2009                      | 2009-11-18
            1/4/10                          | 2010-04-01
            2009-11-18                      | 2009-11-18
            18 November 2009                | 2009-11-18
            18th Nov 2009                   | 2009-11-18
            1st March 2010                  | 2010-03-01
            18-Nov-09                       | 2009-11-18
            22nd of June 2010               | 2010-06-22
            November 18th 2009              | 2009-11-18
            """)
    void aDateIsReadDayBeforeMonth(String text, LocalDate date) {
        assertThat(Deadlines.dateIn(text)).contains(date);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            end of June 2010                | 2010-06-30
            End June 2010                   | 2010-06-30
            by 31 March 2010                | 2010-03-31
            31/03/2010 (reviewed quarterly) | 2010-03-31
            Review in Sept 2009             | 2009-09-30
            """)
    void aDateIsFoundInsideText(String text, LocalDate date) {
        assertThat(Deadlines.dateIn(text)).contains(date);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            April 2009 - March 2010         | 2010-03-31
            01/04/2009 to 31/03/2010        | 2010-03-31
            Phase 1 Dec 2009, phase 2 by 30th June 2010 | 2010-06-30
            """)
    void ofTwoDatesTheLastIsTheDeadline(String text, LocalDate date) {
        assertThat(Deadlines.dateIn(text)).contains(date);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            18/11/00                        | 2000-11-18
            18/11/69                        | 2069-11-18
            18/11/70                        | 1970-11-18
            Nov 99                          | 1999-11-30
            """)
    void twoDigitYearsUpTo69AreThisCenturyAndFrom70TheLast(String text, LocalDate date) {
        assertThat(Deadlines.dateIn(text)).contains(date);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"Ongoing", "To be agreed", "TBA", "COMPLETED", "Quarterly", "   ", "2009/10", "Q3",
            "Q3 2009/10", "2010", "March", "18 November", "may slip", "Version 2.1"})
    void textWithoutADateHasNone(String text) {
        assertThat(Deadlines.dateIn(text)).isEmpty();
    }

    /** An import refuses such a deadline first ({@link #aDateThatIsNoneOrNoPlansIsAMistake}). */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"31/02/2010", "30 February 2010", "11/18/09", "2009-13-01", "00/11/09"})
    void anImpossibleDateIsNoDate(String text) {
        assertThat(Deadlines.dateIn(text)).isEmpty();
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final String EXPECTED = ": write a day from 1 January 2000 to 6 December 2046, day before month as "
            + "in 18/11/2009, a month as in Mar 2010, or words without a date, such as Ongoing";

    @ParameterizedTest(name = "\"{0}\" {1}")
    @CsvSource(delimiter = '|', textBlock = """
            31/02/2027                      | is not a date (February 2027 has 28 days)
            2027-02-30                      | is not a date (February 2027 has 28 days)
            30 February 2010                | is not a date (February 2010 has 28 days)
            00/11/09                        | is not a date (there is no day 0)
            2009-13-01                      | is not a date (there is no month 13)
            18/13/2009                      | is not a date (there is no month 13)
            01/01/0001                      | is 1 January 0001, before 2000
            Nov 99                          | is 30 November 1999, before 2000
            31/12/9999                      | is 31 December 9999, more than 20 years ahead
            Jan 2047                        | is 31 January 2047, more than 20 years ahead
            """)
    void aDateThatIsNoneOrNoPlansIsAMistake(String text, String mistake) {
        assertThat(Deadlines.mistakeIn(text, TODAY)).contains("\"" + text + "\" " + mistake + EXPECTED);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"11/18/09", "Review 18/11/09, ends 11/18/09"})
    void aDateInUsOrderIsToldTheWayRound(String text) {
        assertThat(Deadlines.mistakeIn(text, TODAY)).contains("\"11/18/09\" is not a date (there is no month 18): "
                + "write the day before the month, 18/11/2009 for 18 November 2009");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"Ongoing", "To be agreed", "Quarterly", "2009/10", "Mar 2010", "End 2010",
            "11 April – 23 May 2010", "Ongoing until September 2010", "18/11/09", "1 January 2000",
            "6 December 2046", "April 2009 - March 2010"})
    void wordsAndDatesThatArePlansDeadlinesAreNoMistake(String text) {
        assertThat(Deadlines.mistakeIn(text, TODAY)).isEmpty();
    }
}
