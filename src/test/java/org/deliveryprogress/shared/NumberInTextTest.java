package org.deliveryprogress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberInTextTest {

    @ParameterizedTest(name = "\"{0}\" holds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            74.6                            | 74.6
            812 (2007/08)                   | 812
            2007/08: 74.6%                  | 74.6
            Reduce by 10%                   | 10
            No more than 1,207              | 1207
            By 2010/11: 80                  | 80
            2009-10 Q3 figure 12            | 12
            Q3 2008/09: 45                  | 45
            Q4 2009-10 figure 12            | 12
            2000                            | 2000
            1950%                           | 1950
            No more than 2000               | 2000
            At least 2010 by 2012/13        | 2010
            Maximum of 1999 incidents       | 1999
            < 2000                          | 2000
            """)
    @DisplayName("The first number a text holds besides the years and quarters it names")
    void firstNumberBesidesPeriods(String text, BigDecimal number) {
        assertThat(NumberInText.firstBesidesPeriods(text)).contains(number);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Strategy adopted by 2010/11", "Increase on 2025/26", "In place by 2010", "Adopted",
            "Less than 2009 levels", "More than in 2008/09", "No more than 2009/10's",
            "No more than 2009 levels", "At least 2008's", ""})
    @DisplayName("A text whose only figures are years and quarters holds no number besides them")
    void noNumberBesidesPeriods(String text) {
        assertThat(NumberInText.firstBesidesPeriods(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            75,9                            | 75.9
            75,9 %                          | 75.9%
            -3,25                           | -3.25
            1.234,5                         | 1234.5
            12.345.678,09                   | 12345678.09
            """)
    @DisplayName("A number written with a decimal comma, and thousands dots if any, written with a decimal point")
    void decimalComma(String text, String withPoint) {
        assertThat(NumberInText.withDecimalPoint(text)).contains(withPoint);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1,234", "74.6", "1.234", "1,5,6", "1.23,4", "12.34,5", "1,234.5", "about 75,9"})
    @DisplayName("Thousands commas, decimal points and what is no number have no decimal comma")
    void noDecimalComma(String text) {
        assertThat(NumberInText.withDecimalPoint(text)).isEmpty();
    }
}
