package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The tokenizer's hand-written splits give what the regexes they replaced give. */
class TokenizerSplitTest {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern CELL_GAP = Pattern.compile("(?:\\s{2,}|\\u3000)+");
    private static final List<String> TEXTS = List.of("", "总计", "收到申请数", "1 2", "1  2", "一、总体情况\u3000二", "a\tb",
            "a\nb", "a\u000Bb", "a\fb", "a\rb", "12 (其中 3 件)", "行政复议  结果维持  3", "\u00a0不是空白", "末尾 ", " 开头",
            "   ", "\u3000", "a \u3000b", "a\u3000 b", "a\u3000  b", "a  \u3000 \u3000  b", "a \u3000 b", "  a  ");

    @Test
    void givesWhatTheSeparatorsSplitGives() {
        for (String text : TEXTS) {
            assertThat(Tokenizer.splitAtSpaces(text)).as("spaces in [%s]", text).containsExactly(SPACES.split(text));
            assertThat(Tokenizer.splitAtCellGaps(text)).as("gaps in [%s]", text).containsExactly(CELL_GAP.split(text));
        }
        assertThat(Tokenizer.splitAtSpaces("1 2")).containsExactly("1", "2");
        assertThat(Tokenizer.splitAtCellGaps("1 2")).containsExactly("1 2");
        assertThat(Tokenizer.splitAtCellGaps("a \u3000b")).containsExactly("a ", "b");
        assertThat(Tokenizer.splitAtSpaces(" a")).containsExactly("", "a");
        assertThat(Tokenizer.splitAtSpaces("  ")).isEmpty();
    }

    @Test
    void givesWhatTheSeparatorsSplitGiveOnRandomTexts() {
        Random random = new Random(3);
        String alphabet = "  \t\n\u000B\f\r\u3000\u3000\u00a0\u2028\u0085a一1";
        check(random, alphabet, SPACES, Tokenizer::splitAtSpaces);
        check(random, alphabet, CELL_GAP, Tokenizer::splitAtCellGaps);
    }

    private static void check(Random random, String alphabet, Pattern separator, Function<String, String[]> split) {
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (!Arrays.equals(split.apply(text.toString()), separator.split(text))) {
                differing.add(text.toString());
            }
        }
        assertThat(differing).as("%s", separator).isEmpty();
    }
}
