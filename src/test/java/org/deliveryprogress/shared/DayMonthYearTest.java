package org.deliveryprogress.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A date in three boxes, day first")
class DayMonthYearTest {

    @Test
    @DisplayName("is read day, month, year, as a UK officer writes it")
    void readsDayFirst() {
        assertThat(new DayMonthYear("2", "10", "2027").date()).isEqualTo(LocalDate.of(2027, 10, 2));
        assertThat(new DayMonthYear("31", "1", "2027").date()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(new DayMonthYear(" 09 ", "03", "2028").date()).isEqualTo(LocalDate.of(2028, 3, 9));
    }

    @Test
    @DisplayName("knows leap years")
    void leapYears() {
        assertThat(new DayMonthYear("29", "2", "2028").date()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThatThrownBy(() -> new DayMonthYear("29", "2", "2027").date())
                .hasMessage("There is no 29 February 2027: February 2027 has 28 days.");
    }

    @ParameterizedTest(name = "{0}/{1}/{2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            31 | 2   | 2027 | There is no 31 February 2027: February 2027 has 28 days.
            0  | 5   | 2027 | The day must be a number from 1 to 31, not 0.
            x  | 5   | 2027 | The day must be a whole number, not 'x'.
            12 | 13  | 2027 | The month must be a number from 1 to 12, not 13.
            12 | Jan | 2027 | The month must be a number from 1 to 12: 1 for January, not 'Jan'.
            1  | Sept. | 2027 | The month must be a number from 1 to 12: 9 for September, not 'Sept.'.
            1  | 1st | 2027 | The month must be a number from 1 to 12, not '1st'.
            12 | 1   | 27   | The year must have four digits, for example 2027, not 27.
            12 | 1   |      | Give the day, month and year: the year is missing.
               |     |      | Give the day, month and year: the day and the month and the year are missing.
            """)
    @DisplayName("refuses what is not a date, saying which box is wrong")
    void refusesWhatIsNotADate(String day, String month, String year, String message) {
        assertThatThrownBy(() -> new DayMonthYear(day, month, year).date())
                .isInstanceOf(InvalidRequestException.class).hasMessage(message);
    }
}
