package org.disclosureetl.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer(new WidthNormalizer(), new ScriptNormalizer());

    @Test
    void normalizesTheTitleLineOfTheTraditionalSeed() {
        String title = TestResources.seed(TestResources.SEED_TRADITIONAL).lines().findFirst().orElseThrow();
        assertThat(title).isEqualTo("肇慶市金融工作局2021年政府信息公開工作年度報告");
        assertThat(normalizer.normalize(title)).isEqualTo("肇庆市金融工作局2021年政府信息公开工作年度报告");
    }

    @Test
    void foldsWidthThenScriptThenPhrases() {
        assertThat(normalizer.normalize("第二十條第（一）項\u3000行政規範性檔案：０"))
                .isEqualTo("第二十条第(一)项 行政规范性文件:0");
        assertThat(normalizer.normalize("２０２１年（一）：１，２")).isEqualTo("2021年(一):1,2");
    }

    @Test
    void returnsTheSameInstanceWhenNothingChanges() {
        String text = "一、本年新收政府信息公开申请数量\t1\t0";
        assertThat(normalizer.normalize(text)).isSameAs(text);
    }

    @Test
    void normalizesTheWholeTraditionalSeed() {
        String normalized = normalizer.normalize(TestResources.seed(TestResources.SEED_TRADITIONAL));
        assertThat(normalized)
                .contains("二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章")
                .contains("\n行政规范性文件\n0\n0\n8\n")
                .contains("2.没有现成信息需要另行制作\n")
                .contains("4.无正当理由大量反复申请\n")
                .contains("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼")
                .contains("等8份规范性文件及相关政策解读", "开展网络安全", "人民群众", "答复情况")
                .doesNotContain("规范性档案", "政策档案", "网路");
        assertThat(normalizer.detectScript(normalized)).isEqualTo(Script.SIMPLIFIED);
    }

    @Test
    void detectsScriptOfSeeds() {
        assertThat(normalizer.detectScript(TestResources.seed(TestResources.SEED_TRADITIONAL)))
                .isEqualTo(Script.TRADITIONAL);
        assertThat(normalizer.detectScript(TestResources.seed(TestResources.SEED_SIMPLIFIED)))
                .isEqualTo(Script.SIMPLIFIED);
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> normalizer.normalize(null));
        assertThatNullPointerException().isThrownBy(() -> normalizer.detectScript(null));
    }

    @Test
    void wiresAsSpringBeans() {
        try (var context = new AnnotationConfigApplicationContext(
                WidthNormalizer.class, ScriptNormalizer.class, TextNormalizer.class)) {
            assertThat(context.getBean(TextNormalizer.class).normalize("網路")).isEqualTo("网络");
        }
    }
}
