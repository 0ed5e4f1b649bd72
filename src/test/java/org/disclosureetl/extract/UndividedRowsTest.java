package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SmallTables.numbers;
import static org.disclosureetl.extract.SmallTables.values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A 2021 report that prints the 2019 single (六)其他处理 row instead of its sub-rows. */
class UndividedRowsTest {

    private static final TableTemplate.Row PRINTED = new TableTemplate.Row("other", "其他处理", "(六)", false,
            List.of("其他处理"), SmallTables.row("x", "x", null).columns(), "other.*");
    private static final TableTemplate TABLE = SmallTables.rows("results", SmallTables.row("granted", "予以公开", "(一)"),
            SmallTables.row("other.overdue", "申请人逾期不补正", "1"), SmallTables.row("other.other", "其他", "2"), PRINTED);
    /** Rows 0 and 3 (予以公开 and the undivided 其他处理) were found. */
    private static final RowLabelAlignment.Candidate[] CHOSEN = {
        new RowLabelAlignment.Candidate(0, new LabelMatcher.Match(1.0, "(一)", null)), null, null,
        new RowLabelAlignment.Candidate(1, new LabelMatcher.Match(1.0, "(六)", null))};

    private final List<Observation> observations = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private static TableSolver.Solution printedRow(String... values) {
        Map<TableSolver.Slot, MaterialReadings.ReadCell> cells = new java.util.HashMap<>();
        for (int c = 0; c < values.length; c++) {
            BigDecimal value = values[c] == null ? null : new BigDecimal(values[c]);
            cells.put(new TableSolver.Slot(3, c), new MaterialReadings.ReadCell(value, values[c] == null ? "-" : values[c],
                    value == null, false, null, "line 4"));
        }
        return new TableSolver.Solution(cells, List.of());
    }

    @Test
    void aSubRowOfAPrintedGroupHasThatRowAsItsParent() {
        assertThat(UndividedRows.printedParent(TABLE, CHOSEN, 1)).isEqualTo(3);
        assertThat(UndividedRows.printedParent(TABLE, CHOSEN, 2)).isEqualTo(3);
        assertThat(UndividedRows.printedParent(TABLE, CHOSEN, 0)).isEqualTo(-1);
        assertThat(UndividedRows.printedParent(TABLE, new RowLabelAlignment.Candidate[4], 1)).isEqualTo(-1);
    }

    @Test
    void anAllZeroPrintedRowMakesItsSubRowsZero() {
        int next = UndividedRows.read(TABLE, 1, 3, printedRow("0", "0", "0"), "line 4", 3, observations, findings);

        assertThat(next).isEqualTo(6);
        assertThat(values(observations, "other.overdue")).isEqualTo(numbers(0, 0, 0));
        assertThat(observations).extracting(Observation::ordinal).containsExactly(3, 4, 5);
        assertThat(observations).extracting(Observation::where).containsOnly("line 4");
        assertThat(observations).extracting(Observation::rowLabel).containsOnly("申请人逾期不补正");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("undivided_row");
            assertThat(f.actual()).isEqualTo("0 0 0");
            assertThat(f.message()).isEqualTo("the report prints one undivided row 其他处理 (0 0 0) instead of its"
                    + " sub-rows; it is all zero, so this sub-row is zero too");
        });
    }

    @Test
    void aPrintedRowWithANumberOrABlankLeavesItsSubRowsEmpty() {
        UndividedRows.read(TABLE, 2, 3, printedRow("1", null, "1"), "line 4", 6, observations, findings);

        assertThat(values(observations, "other.other")).isEqualTo(numbers(null, null, null));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.actual()).isEqualTo("1 blank 1");
            assertThat(f.message()).endsWith("(1 blank 1) instead of its sub-rows; this sub-row's cells are left empty");
        });
    }
}
