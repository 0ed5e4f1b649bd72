package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SolverTables.cells;
import static org.disclosureetl.extract.SolverTables.crawled;
import static org.disclosureetl.extract.SolverTables.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The whole-table solver on rows as the crawler and PDF text print them: which reading the identities
 * choose, and that whatever they cannot choose is left empty and flagged, never guessed.
 */
class TableSolverTest {

    private static final ProseEvidence NO_PROSE = new ProseEvidence("");

    @Test
    void theColumnSumsChooseOneSplitOfEveryRunTogetherRow() {
        TableTemplate table = SolverTables.statistics();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), NO_PROSE).solve(List.of(
                segment(table, 0, crawled("主动公开信息数条15326847")),
                segment(table, 1, crawled("网站公开条14986701")),
                segment(table, 2, crawled("政府公报公开条34146"))));

        assertThat(values(solution, table)).containsExactly("1532", "6847", "1498", "6701", "34", "146");
        assertThat(solution.findings()).extracting(Finding::rule, Finding::rowCode, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("split_run_together", "proactive.published",
                        "row 主动公开政府信息数: the numbers ran together (15326847); read as 1532 6847,"
                                + " decided by the table's identities"),
                org.assertj.core.groups.Tuple.tuple("split_run_together", "proactive.channels.website",
                        "row 政府网站公开政府信息数: the numbers ran together (14986701); read as 1498 6701,"
                                + " decided by the table's identities"),
                org.assertj.core.groups.Tuple.tuple("split_run_together", "proactive.channels.gazette",
                        "row 政府公报公开政府信息数: the numbers ran together (34146); read as 34 146,"
                                + " decided by the table's identities"));
    }

    @Test
    void aSplitOnlyTheRunningTotalDecidedIsFlaggedWhenNoSumChecksIt() {
        // 728 is 7 | 28 or 72 | 8; only the first keeps 历年累计 >= the year (cumulative_covers_year), but 728 with
        // its 历年累计 not printed is as likely, and no other row is read for the 主动公开 sum to check 7 against
        TableTemplate table = SolverTables.statistics();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), NO_PROSE)
                .solve(List.of(segment(table, 0, crawled("受理依申请公开信息总数条728"))));

        assertThat(solution.cells().get(new TableSolver.Slot(0, 0)).value()).isEqualByComparingTo("7");
        assertThat(solution.cells().get(new TableSolver.Slot(0, 1)).value()).isEqualByComparingTo("28");
        assertThat(solution.findings()).extracting(Finding::rule, Finding::rowCode, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("split_run_together", "proactive.published",
                        "row 主动公开政府信息数: the numbers ran together (728); read as 7 28, decided by its row's own"
                                + " identities alone; no sum of the table checks it (unconfirmed)"));
    }

    @Test
    void aSplitOnlyTheRunningTotalDecidedIsNotFlaggedWhenItsColumnSumsHold() {
        // 728 read 7 | 28 by the running total alone (72 | 8 breaks it), and 主动公开 = 网站 + 公报 holds in both
        // columns with every cell read: the sums confirm it
        TableTemplate table = SolverTables.statistics();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), NO_PROSE)
                .solve(List.of(segment(table, 0, cells("主动公开信息数|1505|6729")),
                        segment(table, 1, cells("网站公开|1498|6701")),
                        segment(table, 2, crawled("政府公报公开条728"))));

        assertThat(values(solution, table)).containsExactly("1505", "6729", "1498", "6701", "7", "28");
        assertThat(solution.findings()).isEmpty();
    }

    @Test
    void aSplitOnlyTheRunningTotalDecidedIsFlaggedWhenItsColumnSumChecksNothing() {
        // the same 728 with the 主动公开 row not printed: the sum checks nothing, 7 | 28 rests on the running total
        TableTemplate table = SolverTables.statistics();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), NO_PROSE)
                .solve(List.of(segment(table, 1, cells("网站公开|1498|6701")),
                        segment(table, 2, crawled("政府公报公开条728"))));

        assertThat(values(solution, table)).containsExactly(null, null, "1498", "6701", "7", "28");
        assertThat(solution.findings()).extracting(Finding::rule, Finding::rowCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("split_run_together", "proactive.channels.gazette"));
    }

    @Test
    void twoSplitsThatKeepTheRowAreLeftEmptyAndBothAreNamed() {
        // 270020130: 2 7 0 0 20 1 | 30 and 27 0 0 2 0 1 | 30 both add up; nothing else tells them apart
        TableTemplate table = SolverTables.applicants();
        TableSolver.Solution solution = new TableSolver(table, List.of(SolverTables.APPLICANT_TOTAL), NO_PROSE)
                .solve(List.of(segment(table, 0, crawled("一、本年新收政府信息公开申请数量270020130"))));

        assertThat(values(solution, table)).containsExactly(null, null, "0", null, null, "1", "30");
        assertThat(solution.findings()).extracting(Finding::rule, Finding::columnCode, Finding::expected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "natural_person", "2|27"),
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "commercial_enterprise", "7|0"),
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "social_welfare_org", "0|2"),
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "legal_service_org", "20|0"));
        assertThat(solution.findings().get(0).message()).isEqualTo("row 本年新收政府信息公开申请数量: the numbers ran"
                + " together (270020130) and 2 readings fit every identity; this cell could be 2 or 27; left empty"
                + " (readings: 2 7 0 0 20 1 30 | 27 0 0 2 0 1 30)");
        assertThat(solution.cells().get(new TableSolver.Slot(0, 0)).raw()).isEqualTo("270020130");
    }

    @Test
    void aTieWithoutAnyIdentityIsFlaggedCellByCell() {
        TableTemplate table = SolverTables.licensing();
        TableSolver.Solution solution = new TableSolver(table, List.of(), NO_PROSE)
                .solve(List.of(segment(table, 0, crawled("行政许可4500"))));

        assertThat(values(solution, table)).containsExactly(null, null, "0");
        assertThat(solution.findings()).extracting(Finding::rule, Finding::columnCode, Finding::expected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "prev_items", "4|45"),
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "change", "50|0"));
    }

    @Test
    void theReportsProseDecidesATieAndIsQuoted() {
        TableTemplate table = SolverTables.licensing();
        TableSolver.Solution solution = new TableSolver(table, List.of(), new ProseEvidence("上一年行政许可项目45项。"))
                .solve(List.of(segment(table, 0, crawled("行政许可4500"))));

        assertThat(values(solution, table)).containsExactly("45", "0", "0");
        assertThat(solution.findings()).extracting(Finding::message).containsExactly(
                "row 行政许可: the numbers ran together (4500); read as 45 0 0, decided by the report's own text"
                        + " (上一年行政许可项目45项)");
    }

    @Test
    void aCellThatIsNotPrintedLeavesTheRowsCellsEmptyWhenTheColumnsCannotPlaceIt() {
        // a PDF table prints nothing for the website's 历年累计: 1498 may be either cell
        TableTemplate table = SolverTables.statistics();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), NO_PROSE).solve(List.of(
                segment(table, 0, cells("主动公开信息数|1532|6847")),
                segment(table, 1, cells("网站公开|1498")),
                segment(table, 2, cells("政府公报公开|34|146"))));

        assertThat(values(solution, table)).containsExactly("1532", "6847", null, null, "34", "146");
        assertThat(solution.findings()).extracting(Finding::rule, Finding::rowCode, Finding::columnCode, Finding::expected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "proactive.channels.website", "value",
                                "1498|blank"),
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "proactive.channels.website",
                                "cumulative", "blank|1498"),
                        org.assertj.core.groups.Tuple.tuple("cells_missing", "proactive.channels.website", null, "2"));
        assertThat(solution.findings().get(2).message()).isEqualTo("row 政府网站公开政府信息数 has fewer numbers (1498)"
                + " than its 2 cells; read as 1498 blank | blank 1498, assuming an empty cell where a space stands or a"
                + " cell that is not printed");
    }

    @Test
    void aRowWithoutNumbersIsFlaggedAndItsCellsStayUnset() {
        TableTemplate table = SolverTables.statistics();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), NO_PROSE)
                .solve(List.of(segment(table, 2, List.of())));

        assertThat(solution.cells()).isEmpty();
        assertThat(solution.findings()).extracting(Finding::rule, Finding::rowCode, Finding::expected, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cells_missing", "proactive.channels.gazette", "2",
                        "row 政府公报公开政府信息数 has no numbers; its cells are left empty"));
    }

    @Test
    void moreNumbersThanCellsKeepTheWindowThatKeepsTheRow() {
        // a page number 3 printed into the row after its cells: 6701 | 3 breaks 历年累计 >= the year
        TableTemplate table = SolverTables.statistics();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), NO_PROSE)
                .solve(List.of(segment(table, 1, cells("网站公开|1498|6701|3"))));

        assertThat(values(solution, table)).containsExactly(null, null, "1498", "6701", null, null);
        assertThat(solution.findings()).extracting(Finding::rule, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("extra_cells", "row 政府网站公开政府信息数 has more numbers"
                        + " (1498 6701 3) than its 2 cells; the numbers kept are 1498 6701"));
    }

    @Test
    void moreNumbersThanCellsWithTwoWindowsThatKeepTheRowAreLeftEmpty() {
        // 9 | 1498 and 1498 | 6701 both keep 历年累计 >= the year
        TableTemplate table = SolverTables.statistics();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), NO_PROSE)
                .solve(List.of(segment(table, 1, cells("网站公开|9|1498|6701"))));

        assertThat(values(solution, table)).containsOnlyNulls();
        assertThat(solution.findings()).extracting(Finding::rule, Finding::columnCode, Finding::expected).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "value", "9|1498"),
                org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "cumulative", "1498|6701"),
                org.assertj.core.groups.Tuple.tuple("extra_cells", null, "2"));
        assertThat(solution.findings().get(2).message()).endsWith("than its 2 cells; no window of them could be chosen");
    }

    @Test
    void aRemarkInACellGivesItsNumberAndIsFlagged() {
        TableTemplate table = SolverTables.statistics();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), NO_PROSE)
                .solve(List.of(segment(table, 2, cells("政府公报公开|34(其中转载6条)|146"))));

        assertThat(values(solution, table)).containsExactly(null, null, null, null, "34", "146");
        assertThat(solution.cells().get(new TableSolver.Slot(2, 0)).raw()).isEqualTo("34(其中转载6条)");
        assertThat(solution.findings()).extracting(Finding::rule, Finding::columnCode, Finding::actual).containsExactly(
                org.assertj.core.groups.Tuple.tuple("annotated_value", "value", "34(其中转载6条)"));
    }

    @Test
    void aReadingTheProseChoseOutsideEveryBestCombinationDoesNotEmptyTheLaterRows() {
        // issue 26: 202 | 63542 keeps the year's sum (190 + 12) and the prose names 2026; the 历年累计 sum breaks
        // whatever the reading, so the prose decides the first row, and the rows after it are chosen with 2026
        // (the requests row, which no broken sum touches, had no combination left to choose from)
        TableTemplate table = SolverTables.statisticsAndRequests();
        TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(),
                new ProseEvidence("2012年，全局主动公开政府信息2026条。")).solve(List.of(
                segment(table, 0, crawled("主动公开信息数条20263542")),
                segment(table, 1, crawled("网站公开条19033041")),
                segment(table, 2, crawled("政府公报公开条12500")),
                segment(table, 3, crawled("受理依申请公开信息总数条728"))));

        assertThat(values(solution, table)).containsExactly("2026", "3542", null, null, null, null, "7", "28");
        assertThat(solution.findings()).extracting(Finding::rule, Finding::rowCode, Finding::columnCode, Finding::expected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("split_run_together", "proactive.published", null, null),
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "proactive.channels.website", "value",
                                "1|190|1903"),
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "proactive.channels.website",
                                "cumulative", "9033041|33041|3041"),
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "proactive.channels.gazette", "value",
                                "1|12"),
                        org.assertj.core.groups.Tuple.tuple("ambiguous_reading", "proactive.channels.gazette",
                                "cumulative", "2500|500"),
                        // 728 of the requests row: 7 | 28 by its running total alone, which no sum checks
                        org.assertj.core.groups.Tuple.tuple("split_run_together", "requests.received", null, null));
        assertThat(solution.findings().get(0).message()).endsWith(
                "read as 2026 3542, decided by the report's own text (全局主动公开政府信息2026条)");
    }

    /** Every cell's value in template order (row by row), null where the solver set none or no number. */
    private static List<String> values(TableSolver.Solution solution, TableTemplate table) {
        List<String> values = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            for (int c = 0; c < table.rows().get(r).columns().size(); c++) {
                MaterialReadings.ReadCell cell = solution.cells().get(new TableSolver.Slot(r, c));
                BigDecimal value = cell == null ? null : cell.value();
                values.add(value == null ? null : CellValue.plain(value));
            }
        }
        return values;
    }
}
