package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Table rows laid on their grid: which places a span gives, as {@link TableGrid}'s class comment decides. */
class TableGridTest {

    /** One HTML cell: text, colspan, rowspan (null: the attribute is absent). */
    private static String[] td(String text, String colspan, String rowspan) {
        return new String[] {text, colspan, rowspan};
    }

    private static String[] td(String text) {
        return td(text, null, null);
    }

    private static List<String[]> row(String[]... cells) {
        return List.of(cells);
    }

    @SafeVarargs
    private static List<List<String>> html(List<String[]>... rows) {
        return TableGrid.expand(TableGrid.html(List.of(rows)), 0);
    }

    @Test
    void aRowGroupLabelSpanningDownIsAnEmptyCellInFrontOfEachLowerRowsLabel() {
        List<List<String>> rows = html(
                row(td("三、本年度办理结果", null, "3"), td("(一)予以公开", "2", null), td("1"), td("2")),
                row(td("(三)不予公开", null, "2"), td("1.属于国家秘密"), td("3"), td("4")),
                row(td("2.其他"), td("5"), td("6")));

        assertThat(rows).containsExactly(
                List.of("三、本年度办理结果", "(一)予以公开", "1", "2"),
                List.of("", "(三)不予公开", "1.属于国家秘密", "3", "4"),
                List.of("", "", "2.其他", "5", "6"));
    }

    @Test
    void blankCellsMergedAcrossColumnsAreOneBlankPerColumnOfTheRowAbove() {
        List<List<String>> rows = html(
                row(td("信息内容"), td("a"), td("b"), td("c"), td("d")),
                row(td("规章"), td("1"), td("\u00a0", "2", null), td("4")),
                row(td("规章"), td("1"), td("2"), td("\u00a0", "2", null)));

        assertThat(rows).containsExactly(
                List.of("信息内容", "a", "b", "c", "d"),
                List.of("规章", "1", "\u00a0", "", "4"),
                List.of("规章", "1", "2", "\u00a0", ""));
    }

    @Test
    void aBlankUnderAHeaderSpanningTheSameColumnsIsOneBlankAndAPrintedSpanIsOneCell() {
        List<List<String>> rows = html(
                row(td("第二十条第(一)项", "4", null)),
                row(td("规章"), td("0"), td("0"), td("0")),
                row(td("信息内容"), td("上一年项目数量"), td("本年增/减", "2", null)),
                row(td("行政事业性收费"), td(""), td("0", "2", null)),
                row(td("行政事业性收费"), td("1"), td(" ", "2", null)));

        assertThat(rows).containsExactly(
                List.of("第二十条第(一)项"),
                List.of("规章", "0", "0", "0"),
                List.of("信息内容", "上一年项目数量", "本年增/减"),
                List.of("行政事业性收费", "", "0"),
                List.of("行政事业性收费", "1", " "));
    }

    @Test
    void aBlankSpanningDownIsABlankCellInTheLowerRowAndKeepsTheNumbersAfterIt() {
        List<List<String>> rows = html(
                row(td("1.属于国家秘密"), td("1"), td("", null, "2"), td("3")),
                row(td("2.其他"), td("4"), td("6")));

        assertThat(rows).containsExactly(
                List.of("1.属于国家秘密", "1", "", "3"),
                List.of("2.其他", "4", "", "6"));
    }

    @Test
    void spansThatAreNoNumbersCountAsOneAndHugeOnesAreCapped() {
        assertThat(html(row(td("a", "x", "-1"), td("b", "0", ""), td("c", "2.5", "0")))).containsExactly(
                List.of("a", "b", "c"));
        // a blank over 100 columns (capped from 100000) and 1000 rows: no column starts under it but its own
        assertThat(html(row(td("a"), td("", "100000", "100000")), row(td("b")))).containsExactly(
                List.of("a", ""), List.of("b", ""));
    }

    @Test
    void moreColumnsThanAnyReportTableLeavesTheTableAsPrinted() {
        List<String[]> wide = new ArrayList<>();
        for (int c = 0; c <= TableGrid.MAX_COLUMNS; c++) {
            wide.add(td(String.valueOf(c)));
        }
        assertThat(TableGrid.expand(TableGrid.html(List.of(wide)), 0)).isNull();
    }

    @Test
    void wordEdgesAFewTwipsApartAreOneColumnAndGridSliversNoCellStartsAtAreNone() {
        List<List<TableGrid.Cell>> rows = List.of(
                List.of(cell("label", 0, 2000), cell("a", 2000, 3000), cell("b", 3000, 4000), cell("c", 4000, 5000)),
                List.of(cell("规章", 0, 2010), cell("1", 2010, 2990), cell("", 2990, 4000), cell("3", 4000, 5000)),
                List.of(cell("规章", 0, 2000), cell("", 2000, 4005), cell("3", 4005, 5000)));

        assertThat(TableGrid.expand(rows, 30)).containsExactly(
                List.of("label", "a", "b", "c"),
                List.of("规章", "1", "", "3"),
                List.of("规章", "", "", "3"));
    }

    @Test
    void twoCellsOnOnePlaceLeaveTheTableAsPrinted() {
        List<List<TableGrid.Cell>> rows = List.of(List.of(cell("a", 0, 2), cell("b", 1, 2)));
        assertThat(TableGrid.expand(rows, 0)).isNull();
    }

    private static TableGrid.Cell cell(String text, int start, int end) {
        return new TableGrid.Cell(text, start, end, 1);
    }
}
