package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetSafeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=HYPERLINK(1)|'=HYPERLINK(1)",
            "+cmd|'+cmd",
            "-2+3+cmd|'-2+3+cmd",
            "@SUM(A1)|'@SUM(A1)",
            "-3|-3",
            "+2|+2",
            "-|-",
            "0.0000|0.0000",
            "肇庆市金融工作局|肇庆市金融工作局",
            "(一)予以公开|(一)予以公开"})
    void formulasAreNeutralizedNumbersAndDashesAreKept(String cell, String written) {
        assertThat(SpreadsheetSafe.text(cell)).isEqualTo(written);
    }
}
