package org.disclosureetl.parse.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumericCellTest {

    @Test
    void lookAlikesBecomeDigitsOnlyWhenEveryCharacterIsADigitOrLooksLikeOne() {
        assertThat(NumericCell.asDigits("1O")).isEqualTo("10");
        assertThat(NumericCell.asDigits("l〇")).isEqualTo("10");
        assertThat(NumericCell.asDigits("2 5")).isEqualTo("25");
        assertThat(NumericCell.asDigits("行政许可")).isNull();
        assertThat(NumericCell.asDigits("(一)予以公开")).isNull();
    }

    @Test
    void aLabelIsKeptAsTheChineseModelsReadIt() {
        NumericCell.Decision label = NumericCell.decide("行政处罚", "");
        assertThat(label.text()).isEqualTo("行政处罚");
        assertThat(label.unsure()).isFalse();
    }

    @Test
    void twoReadingsThatAgreeAfterTheLookAlikesAreMappedGiveTheNumber() {
        NumericCell.Decision decision = NumericCell.decide("1O", "10");
        assertThat(decision.text()).isEqualTo("10");
        assertThat(decision.unsure()).isFalse();
        assertThat(NumericCell.decide("一", "-").text()).isEqualTo("-");
    }

    @Test
    void readingsThatDisagreeLeaveTheCellEmptyWithBothCandidates() {
        NumericCell.Decision decision = NumericCell.decide("8", "0");
        assertThat(decision.text()).isEmpty();
        assertThat(decision.candidates()).containsExactly("8", "0");
    }

    @Test
    void aCellWithInkThatNeitherReadingMakesANumberOfIsUnsure() {
        NumericCell.Decision decision = NumericCell.decide("", "");
        assertThat(decision.text()).isEmpty();
        assertThat(decision.candidates()).containsExactly("?");
        assertThat(NumericCell.decide("1-0", "1-0").candidates()).containsExactly("1-0");
    }
}
