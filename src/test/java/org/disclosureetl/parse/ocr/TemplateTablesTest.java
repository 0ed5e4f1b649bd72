package org.disclosureetl.parse.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.parse.Block;
import org.junit.jupiter.api.Test;

/** When a Word document's own tables already hold the report's tables, so its pictures are not read by OCR. */
class TemplateTablesTest {

    private static final TemplateTables TABLES = TemplateTables.fromTemplates();

    private static final List<Block> PROACTIVE = rows("第二十条第(一)项", "规章", "行政规范性文件", "第二十条第(五)项",
            "行政许可", "第二十条第(六)项", "行政处罚", "行政强制", "第二十条第(八)项", "行政事业性收费");

    private static final List<Block> APPLICATIONS = rows("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
            "(一)予以公开", "(二)部分公开(区分处理的，只计这一情形，不计其他情形)", "1.属于国家秘密",
            "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
            "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请",
            "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
            "(七)总计", "四、结转下年度继续办理");

    private static final List<Block> REVIEW = rows("行政复议", "行政诉讼");

    @Test
    void aDocumentWithAllThreeTablesAsTextHoldsThemAll() {
        assertThat(TABLES.holdAll(concat(PROACTIVE, APPLICATIONS, REVIEW))).isTrue();
    }

    @Test
    void aDocumentWhoseApplicationsAndReviewTablesArePicturesDoesNot() {
        assertThat(TABLES.holdAll(PROACTIVE)).isFalse();
        assertThat(TABLES.holdAll(concat(PROACTIVE, REVIEW))).isFalse();
        assertThat(TABLES.holdAll(concat(PROACTIVE, APPLICATIONS))).isFalse();
        assertThat(TABLES.holdAll(rows("序号", "联系人", "电话"))).isFalse();
        assertThat(TABLES.holdAll(List.of())).isFalse();
    }

    /** Half of a table's distinctive labels are enough: OCR of a table already there would only cost time. */
    @Test
    void anApplicationsTableWithHalfItsLabelsReadCountsAsHeld() {
        List<Block> half = new ArrayList<>(APPLICATIONS.subList(0, 13));
        assertThat(TABLES.holdAll(concat(PROACTIVE, half, REVIEW))).isTrue();
        assertThat(TABLES.holdAll(concat(PROACTIVE, APPLICATIONS.subList(0, 6), REVIEW))).isFalse();
    }

    private static List<Block> rows(String... labels) {
        List<Block> rows = new ArrayList<>();
        for (String label : labels) {
            rows.add(new Block.TableRow(List.of(label, "0", "0"), null));
        }
        return rows;
    }

    @SafeVarargs
    private static List<Block> concat(List<Block>... parts) {
        List<Block> all = new ArrayList<>();
        for (List<Block> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
