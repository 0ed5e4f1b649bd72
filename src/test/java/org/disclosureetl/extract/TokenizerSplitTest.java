package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The tokenizer's split skips the regex only where the regex would not split. */
class TokenizerSplitTest {

    private static final List<Pattern> SEPARATORS = List.of(Pattern.compile("[\\s\\u3000]+"),
            Pattern.compile("(?:\\s{2,}|\\u3000)+"));

    @Test
    void givesWhatTheSeparatorsSplitGives() {
        List<String> texts = List.of("", "总计", "收到申请数", "1 2", "1  2", "一、总体情况\u3000二", "a\tb", "a\nb",
                "a\u000Bb", "a\fb", "a\rb", "12 (其中 3 件)", "行政复议  结果维持  3", "\u00a0不是空白", "末尾 ");

        for (Pattern separator : SEPARATORS) {
            for (String text : texts) {
                assertThat(Tokenizer.split(separator, text)).as("%s on [%s]", separator, text)
                        .containsExactly(separator.split(text));
            }
        }
        assertThat(Tokenizer.split(SEPARATORS.get(0), "1 2")).containsExactly("1", "2");
        assertThat(Tokenizer.split(SEPARATORS.get(1), "1 2")).containsExactly("1 2");
    }
}
