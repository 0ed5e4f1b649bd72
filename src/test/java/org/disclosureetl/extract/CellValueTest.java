package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellValueTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0", "8|8", "-3|-3", "+2|2", "0.0000|0", "24252.311082|24252.311082", "18651.06|18651.06",
            "1,234|1234", "75394432.52元|75394432.52", "12.50|12.5", "100|100"})
    void readsNumbersAsPlainDecimals(String text, String plain) {
        assertThat(CellValue.plain(CellValue.parse(text))).isEqualTo(plain);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"3.其他", "第二十条第(一)项", "2021年", "1.", "(七)总计", "-", "总计"})
    void labelsAndMarksAreNotNumbers(String text) {
        assertThat(CellValue.parse(text)).isNull();
    }

    @Test
    void annotatedCellsGiveTheirLeadingNumber() {
        assertThat(CellValue.parseAnnotated("22(其中修订16件)")).isEqualByComparingTo(new BigDecimal("22"));
        assertThat(CellValue.parseAnnotated("55(含自然失效29件)")).isEqualByComparingTo(new BigDecimal("55"));
        assertThat(CellValue.parseAnnotated("55")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|true", "-3|true", "+2|true", "12.5元|true", "22(其中修订16件)|true", "-|false",
            "+|false", "''|false", "３|false", "一|false", "总计|false", "' 8'|false", "-x|false"})
    void onlyTextThatStartsWithADigitOrASignAndADigitIsTriedAsANumber(String text, boolean tried) {
        assertThat(CellValue.startsLikeANumber(text)).isEqualTo(tried);
        if (!tried) {
            // what the fast path skips, the patterns would not have matched either
            assertThat(CellValue.parse(text)).isNull();
            assertThat(CellValue.parseAnnotated(text)).isNull();
        }
    }
}
