package org.disclosureetl.extract.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The checks attribution writes out by hand, against the regexes they replaced, on random lines. */
class HandWrittenChecksTest {

    private static final String ALPHABET = "# \t\u3000年2019公开报告(a)ā上一篇下条相关链接";

    private static String random(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    @Test
    void theHeadingMarkAndTheYearAreFoundWhereTheRegexesFoundThem() {
        Pattern headingMark = Pattern.compile("^#+\\s*");
        Pattern anyYear = Pattern.compile("(?:19|20)\\d{2}");
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String text = random(random, 12);
            assertThat(TitleReader.withoutHeadingMark(text)).as("[%s]", text)
                    .isEqualTo(headingMark.matcher(text).replaceFirst(""));
            assertThat(TitleMatcher.hasYear(text)).as("[%s]", text).isEqualTo(anyYear.matcher(text).find());
        }
        assertThat(TitleReader.withoutHeadingMark("## 2022年XX局")).isEqualTo("2022年XX局");
        assertThat(TitleMatcher.hasYear("XX局2021年")).isTrue();
        assertThat(TitleMatcher.hasYear("XX局1821年")).isFalse();
    }

    @Test
    void aLineIsCompactedAlikeWhetherOrNotItsBracketsHoldPinyin() {
        assertThat(CompactText.of("機(jī)關(guān) 2021年").text()).isEqualTo("機關2021年");
        assertThat(CompactText.of("規章(设区的市) 二〇二一年").text()).isEqualTo("規章(设区的市)2021年");
        assertThat(CompactText.of("(A) (1)").text()).isEqualTo("(A)(1)");
    }
}
