package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.testsupport.RandomText;
import org.junit.jupiter.api.Test;

/**
 * The hand-written tails and the banded edit distance of {@link LabelMatcher} against what they replaced (the
 * regexes and the full edit distance table), on random labels made of the characters labels are made of.
 */
class LabelMatcherEquivalenceTest {

    private static final Pattern TRAILING_REMARK = Pattern.compile("\\([^()]{0,60}\\)\\s*$");
    private static final Pattern TRAILING_UNIT = Pattern.compile(TableVocabulary.UNIT + "\\s*$");
    private static final String ALPHABET = "公开申请人次万元条件个其他()  \t\n\u2028\u0085予以法规";

    @Test
    void theTailsAreWhereTheRegexesFoundThem() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String text = RandomText.of(random, 12, ALPHABET);
            Matcher unit = TRAILING_UNIT.matcher(text);
            int expectedUnit = unit.find() ? unit.start() : -1;
            assertThat(LabelMatcher.unitStart(text)).as("unit of [%s]", text).isEqualTo(expectedUnit);
            if (expectedUnit > 0) {
                assertThat(LabelMatcher.unitAtEnd(text)).isEqualTo(unit.group().strip());
            }
            Matcher remark = TRAILING_REMARK.matcher(text);
            assertThat(LabelMatcher.remarkStart(text)).as("remark of [%s]", text)
                    .isEqualTo(remark.find() ? remark.start() : -1);
        }
        String longRemark = "规章(" + "设".repeat(60) + ")";
        assertThat(LabelMatcher.remarkStart(longRemark)).isEqualTo(2);
        assertThat(LabelMatcher.remarkStart("规章(" + "设".repeat(61) + ")")).isEqualTo(-1);
    }

    @Test
    void theBandedEditDistanceIsTheFullTablesWithinTheEditsAllowed() {
        Random random = new Random(11);
        LabelMatcher.EditRows rows = new LabelMatcher.EditRows();
        for (int i = 0; i < 20_000; i++) {
            String label = RandomText.of(random, 14, "公开申请其他予以");
            String text = RandomText.of(random, 20, "公开申请其他予以");
            int allowed = random.nextInt(5);
            long banded = rows.suffixDistance(label, text, allowed);
            int[] full = fullSuffixDistance(label, text, allowed);
            assertThat(banded < 0 ? null : new int[] {(int) (banded >>> 32), (int) banded})
                    .as("%s / %s / %d", label, text, allowed).isEqualTo(full);
        }
    }

    /** The full table, as LabelMatcher computed it before the band. */
    private static int[] fullSuffixDistance(String label, String text, int allowed) {
        int m = label.length();
        int n = Math.min(text.length(), m + allowed);
        if (n < m - allowed) {
            return null;
        }
        int[] previous = new int[n + 1];
        int[] current = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= m; i++) {
            current[0] = i;
            char a = label.charAt(m - i);
            int rowMin = current[0];
            for (int j = 1; j <= n; j++) {
                char b = text.charAt(text.length() - j);
                int cost = a == b ? 0 : 1;
                current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > allowed) {
                return null;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int bestJ = -1;
        int best = Integer.MAX_VALUE;
        for (int j = 0; j <= n; j++) {
            if (previous[j] <= best) {
                best = previous[j];
                bestJ = j;
            }
        }
        return best <= allowed ? new int[] {best, bestJ} : null;
    }
}
