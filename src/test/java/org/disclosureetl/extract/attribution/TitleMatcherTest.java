package org.disclosureetl.extract.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A report's title read out of one text, in the shapes real titles take. */
class TitleMatcherTest {

    @Test
    void theYearBetweenTheAgencyAndTheReportsName() {
        TitleMatcher.Title title = TitleMatcher.match("福州市财政局2021年政府信息公开工作年度报告");

        assertThat(title.agency()).isEqualTo("福州市财政局");
        assertThat(title.year()).isEqualTo(2021);
        assertThat(title.statisticsTable()).isFalse();
        assertThat(title.inProse()).isFalse();
        assertThat(title.quote()).isEqualTo("福州市财政局2021年政府信息公开工作年度报告");
    }

    @Test
    void theYearAfterTheNameOfAStatisticsTable() {
        TitleMatcher.Title title = TitleMatcher.match("政府信息公开情况统计表(2018年度)");

        assertThat(title.agency()).isNull();
        assertThat(title.year()).isEqualTo(2018);
        assertThat(title.statisticsTable()).isTrue();
    }

    @Test
    void aTitleCutShortByAListPage() {
        TitleMatcher.Title title = TitleMatcher.match("福州市财政局2021年政府信息公开工作年度报...");

        assertThat(title.agency()).isEqualTo("福州市财政局");
        assertThat(title.year()).isEqualTo(2021);
        assertThat(title.statisticsTable()).isFalse();
    }

    @Test
    void aTitleAfterASentenceIsQuotedInProse() {
        TitleMatcher.Title title = TitleMatcher.match("根据条例要求,现公布福州市财政局2021年政府信息公开工作年度报告");

        assertThat(title.inProse()).isTrue();
        assertThat(title.year()).isEqualTo(2021);
    }

    @Test
    void aLineWithoutTheReportsNameHasNoTitle() {
        assertThat(TitleMatcher.match("福州市财政局2021年工作总结")).isNull();
        assertThat(TitleMatcher.match("首页 > 政务公开 > 政府信息公开年报")).isNull();
    }
}
