package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** The units, blank marks and numberings every reader shares. */
class TableVocabularyTest {

    @Test
    void dashesAndSlashesAreBlankMarks() {
        assertThat(TableVocabulary.isBlankMark("-")).isTrue();
        assertThat(TableVocabulary.isBlankMark("—")).isTrue();
        assertThat(TableVocabulary.isBlankMark("——")).isTrue();
        assertThat(TableVocabulary.isBlankMark("/")).isTrue();
        assertThat(TableVocabulary.isBlankMark("\\")).isTrue();
        assertThat(TableVocabulary.isBlankMark('－')).isTrue();
        assertThat(TableVocabulary.isBlankMark("0")).isFalse();
        assertThat(TableVocabulary.isBlankMark("---")).isFalse();
    }

    @Test
    void unitsAreCountingAndMoneyUnits() {
        assertThat(TableVocabulary.isUnit("人次")).isTrue();
        assertThat(TableVocabulary.isUnit("户")).isTrue();
        assertThat(TableVocabulary.isUnit("万元")).isTrue();
        assertThat(TableVocabulary.isUnit("总计")).isFalse();
        assertThat(TableVocabulary.UNIT).isEqualTo("(?:人次|万元|条|件|个|次|人|篇|元|项|宗|户)");
        assertThat(TableVocabulary.MONEY_UNIT).isEqualTo("(?:万元|元)");
    }

    @Test
    void aNumberingAtTheStartOfALabelIsReadAsTheTemplatesWriteIt() {
        assertThat(numberingAtStart("三、本年度办理结果")).isEqualTo("三");
        assertThat(numberingAtStart("第二、其他")).isEqualTo("二");
        assertThat(numberingAtStart("(六)其他处理")).isEqualTo("(六)");
        assertThat(numberingAtStart("3.危及“三安全一稳定”")).isEqualTo("3");
        assertThat(numberingAtStart("(2) 重复申请")).isEqualTo("2");
        assertThat(numberingAtStart("1.5万元")).isNull();
        assertThat(numberingAtStart("总计")).isNull();
    }

    @Test
    void aNumberingAtTheEndOfATextIsTheOneBeforeTheNextLabel() {
        assertThat(numberingAtEnd("(三)不予公开1.")).isEqualTo("1");
        assertThat(numberingAtEnd("五、不予处理 (一) 其中:")).isEqualTo("(一)");
        assertThat(numberingAtEnd("其他法律行政法规禁止公开00000002")).isEqualTo("02");
        assertThat(numberingAtEnd("予以公开")).isNull();
    }

    @Test
    void anIndicatorsPrefixIsItsNumberingAndOfWhich() {
        assertThat(TableVocabulary.LABEL_PREFIX.matcher("其中:3.网站公开").replaceFirst("")).isEqualTo("网站公开");
        assertThat(TableVocabulary.LABEL_PREFIX.matcher("(二)公报").replaceFirst("")).isEqualTo("公报");
        assertThat(TableVocabulary.LABEL_PREFIX.matcher("十一、档案").replaceFirst("")).isEqualTo("档案");
    }

    @Test
    void onlyANumeralAloneIsAHanNumeral() {
        assertThat(TableVocabulary.isHanNumeral("十二")).isTrue();
        assertThat(TableVocabulary.isHanNumeral("其中修订")).isFalse();
    }

    private static String numberingAtStart(String text) {
        Matcher m = TableVocabulary.NUMBERING_AT_START.matcher(text);
        return m.find() ? TableVocabulary.numbering(m) : null;
    }

    private static String numberingAtEnd(String text) {
        Matcher m = TableVocabulary.NUMBERING_AT_END.matcher(text);
        return m.find() ? TableVocabulary.numbering(m) : null;
    }
}
