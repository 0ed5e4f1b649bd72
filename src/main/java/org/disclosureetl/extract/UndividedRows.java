package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2021-format report may print the 2019 single row of a group ({@code (六)其他处理}) instead of its
 * sub-rows. The sub-rows' cells are zero where the printed row is all zero (counts that sum to zero
 * are all zero), otherwise unknown and flagged.
 */
final class UndividedRows {

    private UndividedRows() {
    }

    /** The matched row printed instead of the group that row {@code r} belongs to, or -1. */
    static int printedParent(TableTemplate table, RowLabelAlignment.Candidate[] chosen, int r) {
        for (int a = 0; a < table.rows().size(); a++) {
            TableTemplate.Row aggregate = table.rows().get(a);
            if (aggregate.aggregateOnly() && chosen[a] != null
                    && IdentityRule.names(aggregate.aggregates(), table.rows().get(r).code())) {
                return a;
            }
        }
        return -1;
    }

    /**
     * Adds the cells of sub-row {@code r} whose group the report printed as row {@code aggregate}, and the
     * finding; returns the ordinal after them.
     */
    static int read(TableTemplate table, int r, int aggregate, TableSolver.Solution solution, String where,
                    int ordinal, List<Observation> observations, List<Finding> findings) {
        TableTemplate.Row row = table.rows().get(r);
        TableTemplate.Row printed = table.rows().get(aggregate);
        boolean allZero = true;
        List<String> values = new ArrayList<>();
        for (int c = 0; c < printed.columns().size(); c++) {
            MaterialReadings.ReadCell cell = solution.cells().get(new TableSolver.Slot(aggregate, c));
            allZero &= cell != null && cell.value() != null && cell.value().signum() == 0;
            values.add(cell == null || cell.value() == null ? "blank" : CellValue.plain(cell.value()));
        }
        for (int c = 0; c < row.columns().size(); c++) {
            observations.add(Observation.of(table, row, row.columns().get(c))
                    .value(allZero ? BigDecimal.ZERO : null).raw("").where(where).ordinal(ordinal + c).build());
        }
        findings.add(Finding.of(FindingRule.UNDIVIDED_ROW)
                .table(table.code())
                .row(row.code())
                .actual(String.join(" ", values))
                .message("the report prints one undivided row " + printed.label() + " ("
                + String.join(" ", values) + ") instead of its sub-rows; "
                + (allZero ? "it is all zero, so this sub-row is zero too" : "this sub-row's cells are left empty")));
        return ordinal + row.columns().size();
    }
}
