package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.testsupport.RandomText;
import org.junit.jupiter.api.Test;

/**
 * The checks written by hand in front of (or instead of) a regex give what the regex alone gave: the number
 * patterns of {@link CellValue}, the page markers and placeholder columns of {@link LabelStream}, the noise
 * characters of {@link LabelKey}. On random texts made of the characters that decide them, with exact values.
 */
class PrecheckEquivalenceTest {

    private static final Pattern NUMBER = Pattern.compile(
            "^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*" + TableVocabulary.MONEY_UNIT + "?$");
    private static final Pattern ANNOTATED = Pattern.compile(
            "^([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*" + TableVocabulary.UNIT + "?\\s*\\(.*\\)$");
    private static final Pattern PAGE_FOOTER =
            Pattern.compile("^[-—–－~\\s]+\\d{1,3}[-—–－~\\s]+$|^第\\s*\\d+\\s*页(共\\s*\\d+\\s*页)?$");
    private static final Pattern PLACEHOLDER_COLUMN = Pattern.compile("^(?:数据|列)\\d{1,2}$");
    private static final String NOISE_CHARS = ":,、.·“”\"'‘’《》<>()[]【】;；!！?？/";

    @Test
    void numbersAreReadAsThePatternsReadThem() {
        Random random = new Random(5);
        String alphabet = "0123456789,,..+- \t\u3000(())万元人次条件个篇项宗户年月其中a\n";
        int numbers = 0;
        int annotated = 0;
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String text = random.nextInt(4) == 0 ? RandomText.of(random, 14, alphabet)
                    : random.nextInt(3) + "" + RandomText.of(random, 10, alphabet);
            Matcher plain = NUMBER.matcher(text);
            BigDecimal expected = plain.matches() ? parsed(plain.group(1), plain.group(2), plain.group(3)) : null;
            if (!Objects.equals(CellValue.parse(text), expected)) {
                differing.add(text);
            }
            Matcher remark = ANNOTATED.matcher(text);
            BigDecimal expectedAnnotated = null;
            if (remark.matches()) {
                Matcher inner = NUMBER.matcher(remark.group(1).strip());
                expectedAnnotated = inner.matches() ? parsed(inner.group(1), inner.group(2), inner.group(3)) : null;
            }
            if (!Objects.equals(CellValue.parseAnnotated(text), expectedAnnotated)) {
                differing.add("annotated " + text);
            }
            numbers += expected == null ? 0 : 1;
            annotated += expectedAnnotated == null ? 0 : 1;
        }
        assertThat(differing).isEmpty();
        // the random texts hit both patterns often enough to mean something
        assertThat(numbers).isGreaterThan(1_000);
        assertThat(annotated).isGreaterThan(30);
        assertThat(CellValue.mayBeANumber("2021年,我局认真贯彻")).isFalse();
        assertThat(CellValue.mayBeANumber("110条,其中")).isTrue();
        assertThat(CellValue.mayBeANumber("22 (其中修订16件)")).isTrue();
        assertThat(CellValue.mayBeANumber("1,234.5 万元")).isTrue();
    }

    private static BigDecimal parsed(String sign, String digits, String fraction) {
        return new BigDecimal(("-".equals(sign) ? "-" : "") + digits.replace(",", "") + (fraction == null ? "" : fraction));
    }

    @Test
    void pageMarkersAndPlaceholderColumnsAreWhatThePatternsMatch() {
        Random random = new Random(9);
        String alphabet = "-—–－~ \t第页共12数据列3\u3000a";
        List<String> differing = new ArrayList<>();
        int markers = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = RandomText.of(random, 9, alphabet);
            boolean marker = PAGE_FOOTER.matcher(text).matches();
            markers += marker ? 1 : 0;
            if (LabelStream.isPageMarker(text) != marker) {
                differing.add("marker " + text);
            }
            if (LabelStream.isPlaceholderColumn(text) != PLACEHOLDER_COLUMN.matcher(text).matches()) {
                differing.add("placeholder " + text);
            }
        }
        assertThat(differing).isEmpty();
        assertThat(markers).isGreaterThan(50);
        assertThat(LabelStream.isPageMarker("- 2 -")).isTrue();
        assertThat(LabelStream.isPageMarker(" -2-")).isTrue();
        assertThat(LabelStream.isPageMarker("第 3 页共 9 页")).isTrue();
        assertThat(LabelStream.isPageMarker("2 -")).isFalse();
        assertThat(LabelStream.isPlaceholderColumn("数据12")).isTrue();
        assertThat(LabelStream.isPlaceholderColumn("列3")).isTrue();
    }

    @Test
    void everyCharacterIsNoiseExactlyWhenItIsWhiteSpaceOrListedPunctuation() {
        List<String> differing = new ArrayList<>();
        int noise = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            boolean listed = Character.isWhitespace((char) c) || NOISE_CHARS.indexOf((char) c) >= 0;
            noise += listed ? 1 : 0;
            if (LabelKey.isNoise((char) c) != listed) {
                differing.add(String.format("U+%04X", c));
            }
        }
        assertThat(differing).isEmpty();
        assertThat(noise).isEqualTo(NOISE_CHARS.length() + 25);
    }
}
