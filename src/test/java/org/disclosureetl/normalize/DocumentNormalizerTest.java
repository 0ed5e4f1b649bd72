package org.disclosureetl.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.disclosureetl.parse.Block;
import org.disclosureetl.parse.ParsedDocument;
import org.junit.jupiter.api.Test;

/** The normalize stage's web-page furniture: which lines of normalize/boilerplate.txt are dropped, and which stay. */
class DocumentNormalizerTest {

    private final DocumentNormalizer normalizer =
            new DocumentNormalizer(new TextNormalizer(new WidthNormalizer(), new ScriptNormalizer()));

    @Test
    void dropsFurnitureLinesAndKeepsTheReport() {
        List<String> furniture = List.of("您当前的位置：首页 > 政务公开", "当前位置: 首页", "首页 > 信息公开", "联系我们", "网站地图",
                "微信 微博 QQ空间", "打印本页 关闭窗口", "【打印】", "- 3 -", "第 2 页 共 5 页", "第3页", "<!-- nav -->");
        List<String> report = List.of("一、总体情况", "联系我们的方式：电话 123", "本机关当前位置：无", "收到申请数\t12", "第二十条第(一)项",
                "3 - 2", "首页的说明", "x".repeat(199) + "微信", "当前位置：" + "长".repeat(200));
        List<Block> blocks = new java.util.ArrayList<>();
        furniture.forEach(text -> blocks.add(new Block.TextLine(text, "line")));
        report.forEach(text -> blocks.add(new Block.TextLine(text, "line")));

        NormalizedDocument normalized = normalizer.normalize(new ParsedDocument("text/plain", blocks));

        assertThat(normalized.lines()).extracting(NormalizedDocument.Line::text).containsExactly("一、总体情况",
                "联系我们的方式:电话 123", "本机关当前位置:无", "收到申请数 12", "第二十条第(一)项", "3 - 2", "首页的说明",
                "x".repeat(199) + "微信", "当前位置:" + "长".repeat(200));
    }
}
