package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SolverTables.cells;
import static org.disclosureetl.extract.SolverTables.crawled;
import static org.disclosureetl.extract.SolverTables.segment;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The solver's findings: the row they name, the material they quote and the readings they list. */
class SegmentFindingsTest {

    private static final TableTemplate TABLE = SolverTables.statistics();
    private static final SegmentFindings FINDINGS = new SegmentFindings(TABLE);
    private static final TableSolver.Segment PUBLISHED = segment(TABLE, 0, crawled("主动公开信息数条20263542"));
    private static final List<List<MaterialReadings.ReadCell>> READINGS = List.of(
            List.of(cell("202"), cell("63542")), List.of(cell("2026"), cell("3542")));

    @Test
    void anAmbiguousCellListsItsValueInEachReadingInOrder() {
        Finding finding = FINDINGS.ambiguous(PUBLISHED, new TableSolver.Slot(0, 1), 1, READINGS, List.of(1, 0));

        assertThat(finding.rule()).isEqualTo("ambiguous_reading");
        assertThat(finding.tableCode()).isEqualTo("statistics");
        assertThat(finding.rowCode()).isEqualTo("proactive.published");
        assertThat(finding.columnCode()).isEqualTo("cumulative");
        assertThat(finding.expected()).isEqualTo("3542|63542");
        assertThat(finding.actual()).isEqualTo("20263542");
        assertThat(finding.message()).isEqualTo("row 主动公开政府信息数: the numbers ran together (20263542) and 2 readings"
                + " fit every identity; this cell could be 3542 or 63542; left empty (readings: 2026 3542 | 202 63542)");
    }

    @Test
    void aSplitNamesWhatDecidedIt() {
        assertThat(FINDINGS.split(PUBLISHED, READINGS, List.of(1), null).message()).isEqualTo("row 主动公开政府信息数:"
                + " the numbers ran together (20263542); read as 2026 3542, decided by the table's identities");
        assertThat(FINDINGS.split(PUBLISHED, READINGS, List.of(1), "the report's own text (主动公开政府信息2026条)")
                .message()).endsWith("decided by the report's own text (主动公开政府信息2026条)");
        assertThat(FINDINGS.split(PUBLISHED, READINGS, List.of(1), null).columnCode()).isNull();
    }

    @Test
    void fewerOrMoreNumbersThanCellsQuoteTheMaterialAsPrinted() {
        TableSolver.Segment website = segment(TABLE, 1, cells("网站公开|1498"));
        List<List<MaterialReadings.ReadCell>> readings = List.of(List.of(cell("1498"), MaterialReadings.ReadCell.empty(null)));

        Finding fewer = FINDINGS.fewerNumbers(website, readings, List.of(0));
        assertThat(fewer.rule()).isEqualTo("cells_missing");
        assertThat(fewer.expected()).isEqualTo("2");
        assertThat(fewer.message()).isEqualTo("row 政府网站公开政府信息数 has fewer numbers (1498) than its 2 cells; read as"
                + " 1498 blank, assuming an empty cell where a space stands or a cell that is not printed");

        TableSolver.Segment extra = segment(TABLE, 1, cells("网站公开|1498|6701|3"));
        assertThat(FINDINGS.moreNumbers(extra, true, readings, List.of(0)).message()).isEqualTo("row 政府网站公开政府信息数"
                + " has more numbers (1498 6701 3) than its 2 cells; no window of them could be chosen");
    }

    @Test
    void unreadableMaterialSaysWhetherItIsTooShortOrFitsNoReading() {
        assertThat(FINDINGS.unreadable(segment(TABLE, 2, List.of())).message())
                .isEqualTo("row 政府公报公开政府信息数 has no numbers; its cells are left empty");
        assertThat(FINDINGS.unreadable(segment(TABLE, 2, cells("政府公报公开|9"))).message())
                .isEqualTo("row 政府公报公开政府信息数 has numbers (9) that cannot fill its 2 cells; its cells are left empty");
        assertThat(FINDINGS.unreadable(segment(TABLE, 2, cells("政府公报公开|9|8|7"))).message()).isEqualTo(
                "row 政府公报公开政府信息数 has numbers (9 8 7) that cannot fill its 2 cells in any reading; its cells are left empty");
    }

    @Test
    void aSegmentOverSeveralRowsNamesTheTableAndNoRow() {
        // a run layout: the whole table's cells follow one header
        TableSolver.Segment run = new TableSolver.Segment(crawled("行政复议2020"), false,
                List.of(new TableSolver.Slot(0, 0), new TableSolver.Slot(1, 0)));
        Finding finding = FINDINGS.unreadable(run);

        assertThat(finding.rowCode()).isNull();
        assertThat(finding.message()).startsWith("table statistics has numbers (2020)");
    }

    @Test
    void aRemarkIsQuotedAsPrinted() {
        MaterialReadings.ReadCell annotated = new MaterialReadings.ReadCell(new BigDecimal("34"), "34(其中转载6条)", false,
                true, null, "line 1");
        Finding finding = FINDINGS.annotated(segment(TABLE, 2, List.of()), new TableSolver.Slot(2, 0), annotated);

        assertThat(finding.actual()).isEqualTo("34(其中转载6条)");
        assertThat(finding.columnCode()).isEqualTo("value");
        assertThat(finding.message()).isEqualTo("the cell carries a remark; its leading number was taken");
    }

    private static MaterialReadings.ReadCell cell(String value) {
        return new MaterialReadings.ReadCell(new BigDecimal(value), value, false, false, null, "line 1");
    }
}
