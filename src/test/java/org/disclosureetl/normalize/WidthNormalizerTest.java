package org.disclosureetl.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WidthNormalizerTest {

    private final WidthNormalizer width = new WidthNormalizer();

    @Test
    void foldsFullWidthDigitsAndPunctuation() {
        assertThat(width.normalize("２０２１年（一）：１，２")).isEqualTo("2021年(一):1,2");
    }

    @Test
    void foldsIdeographicSpace() {
        assertThat(width.normalize("\u3000")).isEqualTo(" ");
        assertThat(width.normalize("一、总体情况\u3000\u3000")).isEqualTo("一、总体情况  ");
    }

    @Test
    void foldsTheWholeFullWidthAsciiBlock() {
        assertThat(width.normalize("\uFF01")).isEqualTo("!");
        assertThat(width.normalize("\uFF5E")).isEqualTo("~");
        assertThat(width.normalize("ＡＢｃ－．／％")).isEqualTo("ABc-./%");
    }

    @Test
    void keepsChinesePunctuationAndNeighboursOfTheBlock() {
        String text = "“三安全一稳定”、其他。《条例》；【注】\uFF00\uFF5F\uFF61";
        assertThat(width.normalize(text)).isEqualTo("“三安全一稳定”、其他。《条例》;【注】\uFF00\uFF5F\uFF61");
    }

    @Test
    void returnsTheSameInstanceWhenNothingChanges() {
        String text = "行政规范性文件\t0\t8\n3.危及“三安全一稳定”";
        assertThat(width.normalize(text)).isSameAs(text);
        assertThat(width.normalize("")).isSameAs("");
    }
}
