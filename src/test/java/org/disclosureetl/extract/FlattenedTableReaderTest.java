package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The whole-table reader on small hand-made reports: how run-together cells are split, what decides
 * between readings, and that a cell the report does not fix is left empty and flagged.
 */
class FlattenedTableReaderTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog();
    private static final String TITLE = "测试市统计局2022年政府信息公开工作年度报告";
    private static final String HEADER = "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他";
    private static final String ZERO_RESULTS = "(二)部分公开0000000(三)不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000"
            + "3.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息0000000"
            + "7.属于行政执法案卷00000008.属于行政查询事项0000000(四)无法提供1.本机关不掌握相关政府信息0000000"
            + "2.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000(五)不予处理1.信访举报投诉类申请0000000"
            + "2.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请0000000"
            + "5.要求行政机关确认或重新出具已获取信息0000000(六)其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000"
            + "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000";

    private final ReportExtractor extractor = new ReportExtractor(CATALOG);

    @Test
    void columnIdentitiesChooseBetweenTwoReadingsThatBothSatisfyTheirRow() {
        // 270020130 reads as 2 7 0 0 20 1 30 or 27 0 0 2 0 1 30: both add up to 30; only the columns decide
        Extraction extraction = extractor.extract(TextDocuments.lines(TITLE, HEADER
                + "一、本年新收政府信息公开申请数量0000000二、上年结转政府信息公开申请数量270020130三、本年度办理结果(一)予以公开27 0 0 2 0 1 30"
                + ZERO_RESULTS + "(七)总计27 0 0 2 0 1 30四、结转下年度继续办理0000000五、存在的主要问题"));

        assertThat(row(extraction, "applications", "carried_over")).containsExactly(
                bd(27), bd(0), bd(0), bd(2), bd(0), bd(1), bd(30));
        assertThat(extraction.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(FindingRule.SPLIT_RUN_TOGETHER.code());
            assertThat(f.rowCode()).isEqualTo("carried_over");
            assertThat(f.message()).contains("270020130").contains("27 0 0 2 0 1 30");
        });
    }

    @Test
    void twoReadingsAndNoEvidenceLeaveTheCellsEmptyAndNameTheCandidates() {
        Extraction extraction = extractor.extract(TextDocuments.lines("测试局2019年政府信息公开工作年度报告",
                "二、主动公开政府信息情况第二十条第(一)项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件000"
                        + "第二十条第(五)项信息内容上一年项目数量本年增/减处理决定数量行政许可4500其他对外管理服务事项000三、收到"));

        assertThat(row(extraction, "proactive", "art20_5.licensing")).containsExactly(null, null, bd(0));
        assertThat(extraction.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(FindingRule.AMBIGUOUS_READING.code());
            assertThat(f.rowCode()).isEqualTo("art20_5.licensing");
            assertThat(f.columnCode()).isEqualTo("prev_items");
            assertThat(f.message()).contains("could be 4 or 45").contains("4 50 0 | 45 0 0");
        });
        assertThat(row(extraction, "proactive", "art20_1.rules")).containsExactly(bd(0), bd(0), bd(0));
    }

    @Test
    void theReportsOwnProseDecidesAndIsQuoted() {
        Extraction extraction = extractor.extract(TextDocuments.lines("测试局2022年政府信息公开工作年度报告",
                "本年制发规范性文件69件,现行有效665件。二、主动公开政府信息情况第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数"
                        + "规章000行政规范性文件693665第二十条第(五)项信息内容本年处理决定数量行政许可0三、收到"));

        assertThat(row(extraction, "proactive", "art20_1.normative_docs")).containsExactly(bd(69), bd(3), bd(665));
        assertThat(extraction.findings()).anySatisfy(f -> assertThat(f.message())
                .contains("decided by the report's own text").contains("规范性文件69件"));
    }

    @Test
    void aSpaceInARunIsAnEmptyCellWhenTheDigitsAreOneShort() {
        Extraction extraction = extractor.extract(TextDocuments.lines(TITLE, HEADER
                + "一、本年新收政府信息公开申请数量0 00000二、上年结转政府信息公开申请数量0000000三、本年度办理结果(一)予以公开0000000"
                + ZERO_RESULTS + "(七)总计0000000四、结转下年度继续办理0000000五、存在的主要问题"));

        assertThat(row(extraction, "applications", "new")).containsExactly(
                bd(0), null, bd(0), bd(0), bd(0), bd(0), bd(0));
    }

    @Test
    void digitsBeforeANumberedLabelNumberTheLabel() {
        Extraction extraction = extractor.extract(TextDocuments.lines(TITLE, HEADER
                + "一、本年新收政府信息公开申请数量1000001二、上年结转政府信息公开申请数量0000000三、本年度办理结果(一)予以公开1000001"
                + ZERO_RESULTS + "(七)总计1000001四、结转下年度继续办理0000000五、存在的主要问题"));

        assertThat(row(extraction, "applications", "withheld.state_secret")).containsOnly(bd(0));
        assertThat(row(extraction, "applications", "withheld.prohibited_by_law")).containsOnly(bd(0));
        assertThat(row(extraction, "applications", "granted")).containsExactly(
                bd(1), bd(0), bd(0), bd(0), bd(0), bd(0), bd(1));
    }

    @Test
    void pdfTextWithTyposVerticalLabelsWrappedLabelsAndFooters() {
        Extraction extraction = extractor.extract(TextDocuments.lines(TITLE,
                "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "商业", "企业",
                "一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21", "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
                "三", "、", "本", "年", "度", "(一)予以公开 0 0 0 0 0 0 0",
                "(二)部分公开(区分处理的,只计这一情 形,不", "计其他情形)", "4 0 0 0 0 0 4",
                "(三)不予公开", "1.属于国家秘密 1 0 0 0 0 0 1", "2.其他法律行政止公开 0 0 0 0 0 0 0", "- 2 -",
                "3.危及“三安全一稳定” 0 0 0 0 0 0 0", "(七)总计 21 0 0 0 0 0 21", "四、结转下年度继续办理 0 0 0 0 0 0 0"));

        assertThat(row(extraction, "applications", "partially_granted")).containsExactly(
                bd(4), bd(0), bd(0), bd(0), bd(0), bd(0), bd(4));
        assertThat(row(extraction, "applications", "withheld.prohibited_by_law")).containsOnly(bd(0));
        assertThat(row(extraction, "applications", "withheld.three_safeties")).containsOnly(bd(0));
        assertThat(row(extraction, "applications", "results_total")).containsExactly(
                bd(21), bd(0), bd(0), bd(0), bd(0), bd(0), bd(21));
    }

    @Test
    void anUndividedOtherRowInA2021ReportKeeps2021CodesAndZeroSubRows() {
        Extraction extraction = extractor.extract(TextDocuments.lines(TITLE,
                "二、主动公开政府信息情况", "信息内容 本年制发件数 本年废止件数 现行有效件数", "规章 0 0 0", "行政规范性文件 0 5 5",
                "三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0",
                "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0", "(一)予以公开 0 0 0 0 0 0 0", "(六)其他处理 0 0 0 0 0 0 0",
                "(七)总计 0 0 0 0 0 0 0", "四、结转下年度继续办理 0 0 0 0 0 0 0"));

        assertThat(extraction.formatVersion()).isEqualTo("2021");
        assertThat(row(extraction, "applications", "other.no_correction")).containsOnly(bd(0));
        assertThat(row(extraction, "applications", "other.other")).containsOnly(bd(0));
        assertThat(extraction.observations()).noneMatch(o -> o.rowCode().equals("other"));
        assertThat(extraction.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(FindingRule.UNDIVIDED_ROW.code());
            assertThat(f.rowCode()).isEqualTo("other.unpaid_fee");
        });
    }

    @Test
    void fujianTableWithYearAndCumulativeColumns() {
        Extraction extraction = extractor.extract(TextDocuments.lines("平潭县人民政府2012年政府信息公开工作年度报告",
                "全县主动公开政府信息2026条。附件1:统计表 指标名称计量单位2012年度历年累计主动公开信息数条20263542"
                        + "其中:1.网站公开条179533042.政府公报公开条07受理依申请公开信息总数条2121其中:1.当面申请数条1818"
                        + "2.传真申请数条003.电子邮件申请数条334.网上申请数条005.信函申请数条006.其它形式申请数条00"
                        + "对申请的答复数条2121其中:1.同意公开答复数条17172.同意部分公开答复数条223.否决公开答复数条22"
                        + "行政复议数条00行政诉讼数条00行政申诉数条00"));

        assertThat(extraction.formatVersion()).isEqualTo("legacy");
        assertThat(row(extraction, "statistics", "proactive.published")).containsExactly(bd(2026), bd(3542));
        assertThat(row(extraction, "statistics", "proactive.channels.gazette")).containsExactly(bd(0), bd(7));
        assertThat(row(extraction, "statistics", "x.requests_received_email")).containsExactly(bd(3), bd(3));
        assertThat(row(extraction, "statistics", "requests.answered.granted")).containsExactly(bd(17), bd(17));
        assertThat(extraction.observations()).filteredOn(o -> o.rowCode().equals("proactive.published"))
                .extracting(Observation::unit).containsOnly("条");
    }

    @Test
    void anIndicatorTheCatalogueLacksIsKeptWithItsPrintedLabel() {
        Extraction extraction = extractor.extract(TextDocuments.lines("平潭县财政局2009年度政府信息公开年度报告",
                "附表: 指标名称 计量单位 年末统计 主动公开信息数 条 6 其中:1.网站公开 条 6 2.政府公报公开 条 0"
                        + " 政府信息公开专栏访问量 人次 1234 受理依申请公开信息总数 条 0 其中:1.当面申请数 条 0 2.传真申请数 条 0"
                        + " 对申请的答复总数 条 0 行政复议数 件 0 行政诉讼数 件 0 行政申诉数 件 0"));

        assertThat(row(extraction, "statistics", "x.unlisted.1")).containsExactly(bd(1234));
        assertThat(extraction.observations()).filteredOn(o -> o.rowCode().equals("x.unlisted.1"))
                .extracting(Observation::rowLabel, Observation::unit).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("政府信息公开专栏访问量", "人次"));
        assertThat(extraction.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(FindingRule.UNLISTED_INDICATOR.code());
            assertThat(f.message()).contains("政府信息公开专栏访问量");
        });
        assertThat(row(extraction, "statistics", "requests.received.fax")).containsExactly(bd(0));
    }

    @Test
    void labelRowsDetachedFromTheirNumberRowsAreAssignedInOrder() {
        Extraction extraction = extractor.extract(TextDocuments.cells(TITLE,
                "三、收到和处理政府信息公开申请情况",
                "项目|数据1|数据2|数据3|数据4|数据5|数据6|数据7",
                "一、本年新收政府信息公开申请数量|5|0|0|0|0|0|5",
                "二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0",
                "三、本年度办理结果|||||||",
                "(一)予以公开|||||||",
                "(二)部分公开(区分处理的,只计这一情形,不计其他情形)|||||||",
                "|3|0|0|0|0|0|3",
                "|2|0|0|0|0|0|2",
                "(七)总计|5|0|0|0|0|0|5",
                "四、结转下年度继续办理|0|0|0|0|0|0|0"));

        assertThat(row(extraction, "applications", "granted")).containsExactly(bd(3), bd(0), bd(0), bd(0), bd(0), bd(0), bd(3));
        assertThat(row(extraction, "applications", "partially_granted"))
                .containsExactly(bd(2), bd(0), bd(0), bd(0), bd(0), bd(0), bd(2));
    }

    @Test
    void aReviewTablePrintedInThreePartsIsGathered() {
        Extraction extraction = extractor.extract(TextDocuments.cells(TITLE,
                "四、政府信息公开行政复议、行政诉讼情况",
                "行政复议|||||", "结果维持|结果纠正|其他结果|尚未审结|总计", "2|1|0|0|3",
                "未经复议直接起诉|||||", "结果维持|结果纠正|其他结果|尚未审结|总计", "1|0|0|1|2",
                "复议后起诉|||||", "结果维持|结果纠正|其他结果|尚未审结|总计", "0|0|0|0|0",
                "五、存在的主要问题及改进情况"));

        assertThat(row(extraction, "review_litigation", "review")).containsExactly(bd(2), bd(1), bd(0), bd(0), bd(3));
        assertThat(row(extraction, "review_litigation", "litigation_direct"))
                .containsExactly(bd(1), bd(0), bd(0), bd(1), bd(2));
        assertThat(row(extraction, "review_litigation", "litigation_after_review")).containsOnly(bd(0));
    }

    private static List<BigDecimal> row(Extraction extraction, String table, String row) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        extraction.observations().stream().filter(o -> o.tableCode().equals(table) && o.rowCode().equals(row))
                .forEach(o -> cells.put(o.columnCode(), o.value()));
        assertThat(cells).as(table + "/" + row + " was read").isNotEmpty();
        return new java.util.ArrayList<>(cells.values());
    }

    private static BigDecimal bd(int value) {
        return BigDecimal.valueOf(value);
    }
}
