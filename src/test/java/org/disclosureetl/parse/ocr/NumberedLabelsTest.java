package org.disclosureetl.parse.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NumberedLabelsTest {

    private static final NumberedLabels TEMPLATES = NumberedLabels.fromTemplates();

    /** As Tesseract read B01/B02 at 150 dpi: 6 as 5, 8 as 3, Traditional glyphs and a wrong character. */
    @Test
    void aMisreadNumberIsTakenFromTheOneLabelTheRestOfTheCellIs() {
        assertThat(TEMPLATES.mend("5.屬於四類過程性信息"))
                .isEqualTo(new NumberedLabels.Mended("6.屬於四類過程性信息", "5", "6"));
        assertThat(TEMPLATES.mend("3.届于行政查询事项"))
                .isEqualTo(new NumberedLabels.Mended("8.届于行政查询事项", "3", "8"));
        assertThat(TEMPLATES.mend("3必于行政查询事项").text()).isEqualTo("8必于行政查询事项");
    }

    @Test
    void aRightNumberAnUnknownLabelAndAShortLabelAreKept() {
        assertThat(TEMPLATES.mend("6.属于四类过程性信息")).isNull();
        assertThat(TEMPLATES.mend("3.本年度工作要点")).isNull();
        assertThat(TEMPLATES.mend("1.其他")).isNull();
        assertThat(TEMPLATES.mend("属于四类过程性信息")).isNull();
        assertThat(TEMPLATES.mend("12")).isNull();
    }

    /** 当面申请数 is 1 in every legacy variant, but 网上申请数 and 传真申请数 are within 2 edits of it. */
    @Test
    void aLabelTheTemplatesNumberDifferentlyOrNearAnotherKeepsItsNumber() {
        assertThat(TEMPLATES.mend("3.网上申请数")).isNull(); // 2 in one variant, 4 in another
        assertThat(TEMPLATES.mend("3.当面申请数")).isNull();
        assertThat(TEMPLATES.mend("1.同意部分公开答复数")).isNull(); // 2 in one variant, 3 in another
    }

    @Test
    void twoLabelsAsNearAsEachOtherMendNothing() {
        NumberedLabels labels = NumberedLabels.of(Map.of("属于国家秘密信息", Set.of("1"), "属于商业秘密信息", Set.of("2"),
                "保护第三方合法权益", Set.of("4")));

        assertThat(labels.mend("3.属于国家秘密信息")).isNull(); // 0 edits from one, 2 from the other
        assertThat(labels.mend("3.保护第三方合法权益").text()).isEqualTo("4.保护第三方合法权益");
        assertThat(labels.mend("3.保护第三人合法")).isNull(); // 3 edits: more than 7 characters allow
    }
}
