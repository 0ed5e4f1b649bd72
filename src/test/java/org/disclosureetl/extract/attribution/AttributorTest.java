package org.disclosureetl.extract.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.ReportIdentity;
import org.disclosureetl.extract.TextDocuments;
import org.disclosureetl.normalize.NormalizedDocument;
import org.junit.jupiter.api.Test;

/**
 * Agency and year from every shape of title and every other statement real reports make (titles taken
 * from published reports of several provinces; the names varied).
 */
class AttributorTest {

    private final Attributor attributor = new Attributor();

    private ReportIdentity identify(String... lines) {
        return attribute(null, lines).identity();
    }

    private Attribution attribute(String fileName, String... lines) {
        return attributor.attribute(TextDocuments.lines(lines).lines(), fileName);
    }

    private static List<String> rules(Attribution attribution) {
        return attribution.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void crawlerHeaderTitle() {
        assertThat(identify("标题: 平潭综合实验区公安局2019年政府信息公开工作年度报告", "发布时间: 2020-01-17 08:18"))
                .isEqualTo(new ReportIdentity("平潭综合实验区公安局", 2019, true));
    }

    @Test
    void supplyAndMarketingCooperativeIsAnAgency() {
        assertThat(identify("", "孝南区供销合作社联合社2022年政府信息公开工作年度报告", "", "一、总体情况"))
                .isEqualTo(new ReportIdentity("孝南区供销合作社联合社", 2022, true));
        assertThat(identify("德阳市供销合作社联合社", "", "德阳市供销合作社联合社 2021 年度政府信息公开 工作年度报告"))
                .isEqualTo(new ReportIdentity("德阳市供销合作社联合社", 2021, true));
    }

    @Test
    void markdownHeadingHasNoHashInTheAgency() {
        assertThat(identify("## 淮安市洪泽区人民政府2024年政府信息公开工作年度报告", "一、总体情况"))
                .isEqualTo(new ReportIdentity("淮安市洪泽区人民政府", 2024, true));
    }

    @Test
    void titleWrappedInsideTheAgencyNameIsJoined() {
        assertThat(identify("淮安市洪泽区人民", "政府2024年政府信息公开工作年度报告", "本报告由…编制"))
                .isEqualTo(new ReportIdentity("淮安市洪泽区人民政府", 2024, true));
    }

    @Test
    void agencyOnTheLineAboveTheTitle() {
        assertThat(identify("洪泽区人民政府", "2023 年政府信息公开工作年度报告"))
                .isEqualTo(new ReportIdentity("洪泽区人民政府", 2023, true));
    }

    @Test
    void agencyOnTheLineBelowTheTitle() {
        assertThat(identify("2017年政府信息公开工作年度报告", "定陶区金融工作办公室", "根据《中华人民共和国政府信息公开条例》…"))
                .isEqualTo(new ReportIdentity("定陶区金融工作办公室", 2017, true));
    }

    @Test
    void pageTitleNamesTheAgencyWhenTheBodyDoesNot() {
        List<NormalizedDocument.Line> lines = new ArrayList<>();
        lines.add(TextDocuments.head("平潭县财政局2009年度政府信息公开年度报告-平潭综合实验区"));
        lines.addAll(TextDocuments.lines("2009年度政府信息公开年度报告", "2009年,为确保我局政府信息…").lines());

        assertThat(attributor.attribute(lines, null).identity())
                .isEqualTo(new ReportIdentity("平潭县财政局", 2009, true));
    }

    @Test
    void bodyTitleWinsOverThePageTitleAndTheDisagreementIsReported() {
        List<NormalizedDocument.Line> lines = new ArrayList<>();
        lines.add(TextDocuments.head("2022年政府信息公开工作年度报告"));
        lines.addAll(TextDocuments.lines("肇庆市金融工作局2021年政府信息公开工作年度报告").lines());

        Attribution attribution = attributor.attribute(lines, null);

        assertThat(attribution.identity()).isEqualTo(new ReportIdentity("肇庆市金融工作局", 2021, true));
        assertThat(attribution.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("year_evidence_disagrees");
            assertThat(f.expected()).isEqualTo("2021");
            assertThat(f.actual()).isEqualTo("2022");
            assertThat(f.message()).isEqualTo("report year 2021 from the title '肇庆市金融工作局2021年政府信息公开工作年度报告'"
                    + " (line 1), but the page title '2022年政府信息公开工作年度报告' (head title) says 2022");
        });
    }

    @Test
    void yearFirstWithAShortFormTheProseSpellsOut() {
        Attribution attribution = attribute(null, "2024年市科委政府信息公开工作年度报告",
                "上海市科学技术委员会（以下简称“市科委”）根据《中华人民共和国政府信息公开条例》编制本报告。");

        assertThat(attribution.identity()).isEqualTo(new ReportIdentity("上海市科学技术委员会", 2024, true));
        assertThat(attribution.findings()).isEmpty();
    }

    @Test
    void shortFormThatWroteTheReportAndItsFullNameInTheSignature() {
        assertThat(identify("政府信息公开工作年度报告",
                "根据《中华人民共和国政府信息公开条例》要求，市科委编制了本报告。本报告所列数据的统计期限为2022年1月1日至12月31日。",
                "……", "上海市科学技术委员会", "2023年1月30日"))
                .isEqualTo(new ReportIdentity("上海市科学技术委员会", 2022, true));
    }

    @Test
    void aliasInTheMiddleOfASentence() {
        assertThat(identify("2024年市科委政府信息公开工作年度报告",
                "本报告由上海市科学技术委员会（以下简称“市科委”）根据《条例》编制。"))
                .isEqualTo(new ReportIdentity("上海市科学技术委员会", 2024, true));
    }

    @Test
    void yearFirstWrappedOverThreeLinesWithSpacesAroundTheYear() {
        assertThat(identify("2025 年南京市人民政府办公厅", "政府信息公开", "工作年度报告", "一、总体情况"))
                .isEqualTo(new ReportIdentity("南京市人民政府办公厅", 2025, true));
    }

    @Test
    void yearFirstOnOneLine() {
        assertThat(identify("2023年度 合肥市包河区城市管理局 政府信息公开工作年度报告"))
                .isEqualTo(new ReportIdentity("合肥市包河区城市管理局", 2023, true));
    }

    @Test
    void titleCutShortByAListPage() {
        assertThat(identify("广东省科学技术厅2021年政府信息公开工作年度报...", "发布日期：2022-01-28"))
                .isEqualTo(new ReportIdentity("广东省科学技术厅", 2021, true));
        assertThat(identify("标题: 湖南省商务厅2020年政府信…"))
                .isEqualTo(new ReportIdentity("湖南省商务厅", 2020, true));
    }

    @Test
    void variantNamesOfTheReport() {
        assertThat(identify("江苏省财政厅2020年度政府信息公开工作报告"))
                .isEqualTo(new ReportIdentity("江苏省财政厅", 2020, true));
        assertThat(identify("杭州市民政局2019年信息公开年报"))
                .isEqualTo(new ReportIdentity("杭州市民政局", 2019, true));
        assertThat(identify("成都市武侯区人民政府2018年政府信息公开报告"))
                .isEqualTo(new ReportIdentity("成都市武侯区人民政府", 2018, true));
        assertThat(identify("福州市鼓楼区教育局2022年政府信息公开工作年度报告（图片版）"))
                .isEqualTo(new ReportIdentity("福州市鼓楼区教育局", 2022, true));
        assertThat(identify("贵阳市白云区卫生健康局2021年政府信息公开工作年度报告(超链版)"))
                .isEqualTo(new ReportIdentity("贵阳市白云区卫生健康局", 2021, true));
        assertThat(identify("二〇二一年度石家庄市长安区司法局政府信息公开工作年度报告"))
                .isEqualTo(new ReportIdentity("石家庄市长安区司法局", 2021, true));
    }

    @Test
    void recordThatIsOnlyTheStatisticsTable() {
        assertThat(identify("标题: 政府信息公开情况统计表（ 2018年度）", "发布机构: 厦门市思明区民政局"))
                .isEqualTo(new ReportIdentity("厦门市思明区民政局", 2018, false));
    }

    @Test
    void breadcrumbEndingInTheTitle() {
        assertThat(identify("当前位置：首页 > 政务公开 > 政府信息公开年报 > 郑州市金水区住房保障局2023年政府信息公开工作年度报告"))
                .isEqualTo(new ReportIdentity("郑州市金水区住房保障局", 2023, true));
    }

    @Test
    void breadcrumbColumnIsNoTitle() {
        assertThat(identify("您当前的位置: 区财政局>政务公开>政府信息公开年报", "", "重庆市黔江区财政局2020年政府信息公开工作年度报告"))
                .isEqualTo(new ReportIdentity("重庆市黔江区财政局", 2020, true));
    }

    @Test
    void crawlerTextFlattenedIntoOneLine() {
        assertThat(identify("当前位置： 首页政务公开政府信息公开平潭综合实验区财政金融局政府信息公开年报 平潭县财政局2009年度政府信息公开年度报告"
                + " 来源：平潭县财政局 时间：2010-05-12 00:00 --> 微信 微博"))
                .isEqualTo(new ReportIdentity("平潭县财政局", 2009, true));
    }

    @Test
    void titleWithoutAgencyOrYearTheProseAndStatisticsPeriodComplete() {
        Attribution attribution = attribute(null, "政府信息公开工作年度报告",
                "本报告中所列数据的统计期限为2021年1月1日至12月31日。",
                "2021年，浙江省科学技术厅坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》。");

        assertThat(attribution.identity()).isEqualTo(new ReportIdentity("浙江省科学技术厅", 2021, true));
        assertThat(attribution.findings()).isEmpty();
    }

    @Test
    void publicationDateInJanuaryMeansTheYearBefore() {
        assertThat(identify("标题: 宁波市海曙区审计局政府信息公开工作年度报告", "发布时间: 2022-01-20 09:12"))
                .isEqualTo(new ReportIdentity("宁波市海曙区审计局", 2021, true));
        // a report put up in the autumn says nothing of its year
        assertThat(identify("标题: 宁波市海曙区审计局政府信息公开工作年度报告", "发布时间: 2022-09-20 09:12"))
                .isEqualTo(new ReportIdentity("宁波市海曙区审计局", null, true));
    }

    @Test
    void statisticsPeriodThatDisagreesWithTheTitleIsReported() {
        Attribution attribution = attribute(null, "昆明市五华区人民政府2021年政府信息公开工作年度报告",
                "本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。");

        assertThat(attribution.identity()).isEqualTo(new ReportIdentity("昆明市五华区人民政府", 2021, true));
        assertThat(rules(attribution)).containsExactly("year_evidence_disagrees");
        assertThat(attribution.findings().get(0).actual()).isEqualTo("2020");
    }

    @Test
    void reportDatedBeforeItsYearEndedIsReported() {
        Attribution attribution = attribute(null, "标题: 昆明市五华区人民政府2022年政府信息公开工作年度报告",
                "发布时间: 2022-01-15 10:00");

        assertThat(attribution.identity().reportYear()).isEqualTo(2022);
        assertThat(attribution.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("year_evidence_disagrees");
            assertThat(f.message()).endsWith("dates it before that year ended");
        });
    }

    @Test
    void publisherFieldNamingAnotherAgencyIsReported() {
        Attribution attribution = attribute(null, "标题: 西安市雁塔区教育局2022年政府信息公开工作年度报告",
                "发布机构: 西安市雁塔区人民政府办公室");

        assertThat(attribution.identity().agency()).isEqualTo("西安市雁塔区教育局");
        assertThat(attribution.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("agency_evidence_disagrees");
            assertThat(f.expected()).isEqualTo("西安市雁塔区教育局");
            assertThat(f.actual()).isEqualTo("西安市雁塔区人民政府办公室");
        });
    }

    @Test
    void publisherFieldOfTheSameAgencyAgrees() {
        assertThat(attribute(null, "标题: 洪泽区人民政府2023年政府信息公开工作年度报告", "发布机构: 淮安市洪泽区人民政府")
                .findings()).isEmpty();
    }

    @Test
    void nothingNamesTheAgency() {
        Attribution attribution = attribute(null, "2021年政府信息公开工作年度报告",
                "2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。");

        assertThat(attribution.identity()).isEqualTo(new ReportIdentity(null, 2021, true));
    }

    @Test
    void signatureNamesTheAgencyAndItsDateInChineseNumerals() {
        assertThat(identify("二〇二一年度政府信息公开工作年度报告", "一、总体情况", "……", "绩溪县人民政府办公室",
                "二〇二二年一月十八日"))
                .isEqualTo(new ReportIdentity("绩溪县人民政府办公室", 2021, true));
    }

    @Test
    void fileNameNamesWhatTheTextDoesNot() {
        Attribution attribution = attribute("黄山市林业局2020年政府信息公开工作年度报告.pdf", "一、总体情况",
                "（一）主动公开情况");

        assertThat(attribution.identity()).isEqualTo(new ReportIdentity("黄山市林业局", 2020, false));
    }

    @Test
    void reportNamedInItsOwnProse() {
        assertThat(identify("根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定,现公布肇庆市金融工作局2021年政府信息公开工作年度报告。"))
                .isEqualTo(new ReportIdentity("肇庆市金融工作局", 2021, true));
    }

    @Test
    void linksToOtherYearsReportsAreNoEvidence() {
        Attribution attribution = attribute(null, "标题: 平潭县财政局2010年度政府信息公开年度报告",
                "上一篇: 平潭县财政局2009年度政府信息公开年度报告");

        assertThat(attribution.identity()).isEqualTo(new ReportIdentity("平潭县财政局", 2010, true));
        assertThat(attribution.findings()).isEmpty();
    }

    @Test
    void textWithoutAnyReportStatement() {
        assertThat(identify("花园俱乐部2021年会员大会纪要", "一、会议情况")).isEqualTo(new ReportIdentity(null, null, false));
    }
}
