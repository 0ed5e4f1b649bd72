package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.normalize.NormalizedDocument;
import org.junit.jupiter.api.Test;

class ReportIdentifierTest {

    @Test
    void crawlerHeaderTitle() {
        assertThat(ReportIdentifier.identify(TextDocuments.lines("标题: 平潭综合实验区公安局2019年政府信息公开工作年度报告",
                "发布时间: 2020-01-17 08:18").lines()))
                .isEqualTo(new ReportIdentity("平潭综合实验区公安局", 2019, true));
    }

    @Test
    void markdownHeadingHasNoHashInTheAgency() {
        assertThat(ReportIdentifier.identify(TextDocuments.lines("## 淮安市洪泽区人民政府2024年政府信息公开工作年度报告",
                "一、总体情况").lines()))
                .isEqualTo(new ReportIdentity("淮安市洪泽区人民政府", 2024, true));
    }

    @Test
    void titleWrappedInsideTheAgencyNameIsJoined() {
        assertThat(ReportIdentifier.identify(TextDocuments.lines("淮安市洪泽区人民", "政府2024年政府信息公开工作年度报告",
                "本报告由…编制").lines()))
                .isEqualTo(new ReportIdentity("淮安市洪泽区人民政府", 2024, true));
    }

    @Test
    void agencyOnTheLineAboveTheTitle() {
        assertThat(ReportIdentifier.identify(TextDocuments.lines("洪泽区人民政府", "2023 年政府信息公开工作年度报告").lines()))
                .isEqualTo(new ReportIdentity("洪泽区人民政府", 2023, true));
    }

    @Test
    void pageTitleNamesTheAgencyWhenTheBodyDoesNot() {
        List<NormalizedDocument.Line> lines = new ArrayList<>();
        lines.add(TextDocuments.head("平潭县财政局2009年度政府信息公开年度报告-平潭综合实验区"));
        lines.addAll(TextDocuments.lines("2009年度政府信息公开年度报告", "2009年,为确保我局政府信息…").lines());

        assertThat(ReportIdentifier.identify(lines)).isEqualTo(new ReportIdentity("平潭县财政局", 2009, true));
    }

    @Test
    void bodyTitleWinsOverThePageTitle() {
        List<NormalizedDocument.Line> lines = new ArrayList<>();
        lines.add(TextDocuments.head("2022年政府信息公开工作年度报告"));
        lines.addAll(TextDocuments.lines("肇庆市金融工作局2021年政府信息公开工作年度报告").lines());

        assertThat(ReportIdentifier.identify(lines)).isEqualTo(new ReportIdentity("肇庆市金融工作局", 2021, true));
    }
}
