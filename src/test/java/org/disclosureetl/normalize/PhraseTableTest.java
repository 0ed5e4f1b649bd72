package org.disclosureetl.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PhraseTableTest {

    private static PhraseTable table(String... fromTo) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (int i = 0; i < fromTo.length; i += 2) {
            rules.put(fromTo[i], fromTo[i + 1]);
        }
        return PhraseTable.of(rules);
    }

    @Test
    void longestRuleWinsAtAPosition() {
        PhraseTable table = table("资讯", "信息", "资讯保安", "信息安全");
        assertThat(table.apply("资讯保安与资讯公开")).isEqualTo("信息安全与信息公开");
    }

    @Test
    void replacedTextIsNotScannedAgain() {
        PhraseTable table = table("ab", "ba", "ba", "XX");
        assertThat(table.apply("abab")).isEqualTo("baba");
    }

    @Test
    void returnsTheSameInstanceWhenNoRuleMatches() {
        PhraseTable table = table("网路", "网络");
        String text = "网络与档案馆";
        assertThat(table.apply(text)).isSameAs(text);
        assertThat(table.apply("")).isEmpty();
    }

    @Test
    void replacesAtStartEndAndAdjacent() {
        PhraseTable table = table("网路", "网络");
        assertThat(table.apply("网路网路x网路")).isEqualTo("网络网络x网络");
    }

    @Test
    void bundledTableLoads() {
        PhraseTable table = PhraseTable.load(ScriptNormalizer.PHRASES_RESOURCE);
        assertThat(table.rules())
                .containsEntry("规范性档案", "规范性文件")
                .containsEntry("政策档案", "政策文件")
                .containsEntry("网路", "网络")
                .doesNotContainKeys("档案", "档案馆", "运行", "创建", "查找");
    }
}
