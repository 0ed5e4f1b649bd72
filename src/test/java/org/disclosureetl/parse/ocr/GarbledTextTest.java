package org.disclosureetl.parse.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which text layers {@link ScannedPages} takes for garbage, to OCR the picture under them instead. */
class GarbledTextTest {

    @Test
    void mojibakePrivateUseGlyphsAndTextWithoutAChineseCharacterAreGarbage() {
        assertThat(ScannedPages.garbled("ç³è¯·äººæåµ èªç¶äºº")).isTrue(); // 申请人情况 自然人, UTF-8 read as Latin-1
        assertThat(ScannedPages.garbled("\uE001\uE002\uE003\uE004 \uE005\uE006\uE007\uE008\uE009\uE00A")).isTrue();
        assertThat(ScannedPages.garbled("ABCDEFG 12345 ,.;")).isTrue();
        assertThat(ScannedPages.garbled("ç³è¯·äººæåµèªç¶äººæ³äººæå¶ä»ç»ç»é¡¹ä¹å 报告")).isTrue();
    }

    @Test
    void aReportsTextIsNotGarbageThoughItHasLatinLettersAndDigits() {
        assertThat(ScannedPages.garbled("2022 年，湛河区金融工作局认真贯彻落实《条例》要求")).isFalse();
        assertThat(ScannedPages.garbled("一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95")).isFalse();
        assertThat(ScannedPages.garbled("http://www.example.gov.cn/xxgk/2023/index.html 网址")).isFalse();
        assertThat(ScannedPages.garbled("")).isFalse();
    }

    @Test
    void aPageIsUsableWithTenCharactersOfRealText() {
        assertThat(ScannedPages.usable("湛河区金融工作局年度报告")).isTrue();
        assertThat(ScannedPages.usable("- 3 -")).isFalse();
        assertThat(ScannedPages.usable("ç³è¯·äººæåµèªç¶äºº")).isFalse();
        assertThat(ScannedPages.usable(null)).isFalse();
    }
}
