package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Indicators a legacy statistics table prints but the catalogue lacks, kept under spare codes. */
class UnlistedIndicatorsTest {

    private static final List<TableTemplate.Column> VALUE = List.of(new TableTemplate.Column("value", "统计数"));
    private static final LabelStream STREAM = LabelStream.of(TextDocuments.lines("一、主动公开信息数条 30",
            "其中:1.网站公开条 20", "2.新闻发布会次 3", "二、依申请公开信息数条 5"));
    /** The catalogue's two rows were found on the stream's first and last pieces. */
    private static final RowLabelAlignment.Candidate[] CHOSEN = {
        new RowLabelAlignment.Candidate(0, new LabelMatcher.Match(1.0, "一", "条")),
        new RowLabelAlignment.Candidate(3, new LabelMatcher.Match(1.0, "二", "条"))};

    private final List<Observation> observations = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private static TableTemplate statistics(int spareRows) {
        List<TableTemplate.Row> spare = new ArrayList<>();
        for (int i = 1; i <= spareRows; i++) {
            spare.add(new TableTemplate.Row("x.unlisted." + i, "", null, false, List.of(), VALUE, null));
        }
        return new TableTemplate("legacy", "statistics", "", TableTemplate.Layout.ROWS, null, null, List.of(
                new TableTemplate.Row("proactive", "主动公开信息数", "一", false, List.of("主动公开信息数"), VALUE, null),
                new TableTemplate.Row("requests", "依申请公开信息数", "二", false, List.of("依申请公开信息数"), VALUE, null)),
                spare);
    }

    @Test
    void theIndicatorsBetweenTheTablesRowsAreKeptWithTheirPrintedLabelsAndUnits() {
        UnlistedIndicators.read(STREAM, statistics(2), CHOSEN, 2, observations, findings);

        assertThat(observations).containsExactly(
                new Observation("statistics", "x.unlisted.1", "value", new BigDecimal("20"), "20", "条", "网站公开", "统计数",
                        "line 2", 2),
                new Observation("statistics", "x.unlisted.2", "value", new BigDecimal("3"), "3", "次", "新闻发布会", "统计数",
                        "line 3", 3));
        assertThat(findings).extracting(Finding::rule).containsOnly("unlisted_indicator");
        assertThat(findings.get(0).actual()).isEqualTo("其中:1.网站公开条");
        assertThat(findings.get(0).message()).isEqualTo("the table prints an indicator the catalogue lacks (网站公开);"
                + " kept as x.unlisted.1");
    }

    @Test
    void indicatorsBeyondTheSpareCodesAreLeftOut() {
        UnlistedIndicators.read(STREAM, statistics(1), CHOSEN, 2, observations, findings);

        assertThat(observations).extracting(Observation::rowLabel).containsExactly("网站公开");
        assertThat(findings).hasSize(1);
    }

    @Test
    void aTableWithoutSpareCodesOrWithOneRowFoundKeepsNothing() {
        UnlistedIndicators.read(STREAM, statistics(0), CHOSEN, 2, observations, findings);
        UnlistedIndicators.read(STREAM, statistics(2), new RowLabelAlignment.Candidate[] {CHOSEN[0], null}, 2,
                observations, findings);

        assertThat(observations).isEmpty();
        assertThat(findings).isEmpty();
    }

    @Test
    void aPrintedLabelLosesItsNumberingOfWhichAndUnit() {
        assertThat(UnlistedIndicators.printedLabel("其中:1.网站公开条")).isEqualTo("网站公开");
        assertThat(UnlistedIndicators.printedLabel("(二)公报公开")).isEqualTo("公报公开");
        assertThat(UnlistedIndicators.printedLabel("十一、接待人次")).isEqualTo("接待");
        assertThat(UnlistedIndicators.printedLabel(" 档案馆 ")).isEqualTo("档案馆");
    }
}
