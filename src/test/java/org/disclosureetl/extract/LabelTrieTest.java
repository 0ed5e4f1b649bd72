package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The trie of label keys read from their end: which keys a piece's key ends with. */
class LabelTrieTest {

    private static final LabelTrie TRIE = LabelTrie.of(List.of("总计", "其他", "公开", "予以公开", "其他", "计"));

    private static List<Integer> suffixes(String text) {
        BitSet found = new BitSet();
        TRIE.suffixesOf(text, found);
        return found.stream().boxed().toList();
    }

    @Test
    void aKeyTheTextEndsWithIsFoundWithEveryIdItWasListedUnder() {
        assertThat(suffixes("总计")).containsExactly(0, 5);
        assertThat(suffixes("三、其他")).containsExactly(1, 4);
        assertThat(suffixes("本年度予以公开")).containsExactly(2, 3);
    }

    @Test
    void theLongestKeyTheTextEndsWithWins() {
        assertThat(TRIE.longestSuffix("本年度予以公开")).isEqualTo(3);
        assertThat(TRIE.longestSuffix("予以公开")).isEqualTo(3);
        assertThat(TRIE.longestSuffix("不予公开")).isEqualTo(2);
        assertThat(TRIE.longestSuffix("合计")).isEqualTo(5);
    }

    @Test
    void aKeyInsideTheTextOrLongerThanItIsNoMatch() {
        assertThat(suffixes("其他情形")).isEmpty();
        assertThat(suffixes("以公")).isEmpty();
        assertThat(suffixes("")).isEmpty();
        assertThat(TRIE.longestSuffix("总计数")).isEqualTo(-1);
        assertThat(LabelTrie.of(List.of()).longestSuffix("总计")).isEqualTo(-1);
    }
}
