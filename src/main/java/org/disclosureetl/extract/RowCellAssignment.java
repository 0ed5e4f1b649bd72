package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the values found for one anchored row into its cells and says what had to be guessed: more
 * values than cells (the window where the row's total adds up is kept), fewer (assigned from the
 * left), a lone dash for the whole row, digits that ran together (split only where exactly one split
 * makes the row's total add up), and remarks after a number.
 */
final class RowCellAssignment {

    private RowCellAssignment() {
    }

    /**
     * The values of one row: its cells, a unit printed after its label, whether they were read by
     * position (blanks included), and how many more there are than cells.
     */
    record RowValues(List<Token> cells, String unit, int end, boolean positional, int extra) {
    }

    static void assign(TableTemplate table, TableTemplate.Row row, RowValues values, RowBalance balance,
                       List<Observation> observations, List<Finding> findings, int ordinal) {
        List<TableTemplate.Column> columns = row.columns();
        List<Token> cells = values.cells();
        if (cells.isEmpty()) {
            findings.add(Finding.of(FindingRule.CELLS_MISSING)
                    .table(table.code())
                    .row(row.code())
                    .expected(String.valueOf(columns.size()))
                    .actual("0")
                    .message("row " + row.label() + " has no numbers"));
            for (int c = 0; c < columns.size(); c++) {
                observations.add(Observation.of(table, row, columns.get(c)).raw("").unit(values.unit())
                        .ordinal(ordinal + c).build());
            }
            return;
        }
        if (cells.size() == 1 && cells.get(0).kind() == Token.Kind.BLANK && columns.size() > 1) {
            // a lone dash for a whole row: nothing reported in any of its cells
            for (int c = 0; c < columns.size(); c++) {
                observations.add(cell(table, row, columns.get(c), cells.get(0), values.unit(), ordinal + c));
            }
            return;
        }
        if (values.extra() > 0) {
            int from = balancedWindow(cells, columns, balance);
            List<Token> kept = cells.subList(from, from + columns.size());
            String reading = !balance.appliesTo(columns) ? ""
                    : balance.holds(columns, decimals(kept)) ? ", the reading where the row's total adds up"
                    : ", but no reading makes the row's total add up";
            findings.add(Finding.of(FindingRule.EXTRA_CELLS)
                    .table(table.code())
                    .row(row.code())
                    .expected(String.valueOf(columns.size()))
                    .actual(String.valueOf(cells.size()))
                    .message("row " + row.label() + " has " + cells.size() + " numbers where "
                    + columns.size() + " belong (" + texts(cells) + "); numbers " + (from + 1) + " to "
                    + (from + columns.size()) + " were kept" + reading));
            cells = kept;
        } else if (cells.size() < columns.size() && ranTogether(cells, columns.size())) {
            splitRunTogether(table, row, cells, values.unit(), balance, observations, findings, ordinal);
            return;
        } else if (cells.size() < columns.size()) {
            findings.add(Finding.of(FindingRule.CELLS_MISSING)
                    .table(table.code())
                    .row(row.code())
                    .expected(String.valueOf(columns.size()))
                    .actual(String.valueOf(cells.size()))
                    .message("row " + row.label() + " has " + cells.size() + " numbers where "
                    + columns.size() + " belong (" + texts(cells) + "); they were assigned from the left"));
        }
        for (int c = 0; c < columns.size(); c++) {
            if (c < cells.size()) {
                Token cell = cells.get(c);
                observations.add(cell(table, row, columns.get(c), cell, values.unit(), ordinal + c));
                if (cell.kind() == Token.Kind.EMPTY) {
                    // a blank grid cell is often a zero, but the report does not say so: left empty, never guessed
                    findings.add(blankCell(table, row, columns.get(c)));
                }
                if (cell.annotated()) {
                    findings.add(Finding.of(FindingRule.ANNOTATED_VALUE)
                            .table(table.code())
                            .row(row.code())
                            .column(columns.get(c).code())
                            .actual(cell.raw())
                            .message("the cell carries a remark; its leading number was taken"));
                }
            } else {
                observations.add(Observation.of(table, row, columns.get(c)).raw("").unit(values.unit())
                        .ordinal(ordinal + c).build());
            }
        }
    }

    /** A grid cell printed empty: it keeps its column and is left empty, never guessed. */
    static Finding blankCell(TableTemplate table, TableTemplate.Row row, TableTemplate.Column column) {
        return Finding.of(FindingRule.BLANK_CELL)
                .table(table.code())
                .row(row.code())
                .column(column.code())
                .actual("")
                .message("row " + row.label() + ": the cell under " + column.label()
                        + " is printed empty; left empty (a blank often stands for 0)");
    }

    /** The cell a value or blank token fills. */
    static Observation cell(TableTemplate table, TableTemplate.Row row, TableTemplate.Column column, Token token,
                            String unit, int ordinal) {
        return Observation.of(table, row, column).value(token.kind() == Token.Kind.VALUE ? token.value() : null)
                .raw(token.raw()).unit(unit).where(token.where()).ordinal(ordinal).build();
    }

    /** The first window of consecutive values that satisfies the row's identity, or 0. */
    private static int balancedWindow(List<Token> cells, List<TableTemplate.Column> columns, RowBalance balance) {
        for (int from = 0; from + columns.size() <= cells.size(); from++) {
            if (balance.holds(columns, decimals(cells.subList(from, from + columns.size())))) {
                return from;
            }
        }
        return 0;
    }

    private static List<BigDecimal> decimals(List<Token> cells) {
        List<BigDecimal> values = new ArrayList<>(cells.size());
        for (Token cell : cells) {
            values.add(cell.value());
        }
        return values;
    }

    /** Fewer numbers than columns, all plain digit runs with enough digits to fill the row. */
    static boolean ranTogether(List<Token> cells, int columns) {
        int digits = 0;
        boolean longRun = false;
        for (Token cell : cells) {
            if (cell.kind() != Token.Kind.VALUE || cell.annotated() || !cell.text().matches("\\d+")) {
                return false;
            }
            digits += cell.text().length();
            longRun |= cell.text().length() > 1;
        }
        return longRun && digits >= columns;
    }

    private static void splitRunTogether(TableTemplate table, TableTemplate.Row row, List<Token> cells, String unit,
                                         RowBalance balance, List<Observation> observations, List<Finding> findings,
                                         int ordinal) {
        List<TableTemplate.Column> columns = row.columns();
        List<String> groups = cells.stream().map(Token::text).toList();
        String raw = texts(cells);
        List<List<BigDecimal>> solutions = balance.appliesTo(columns)
                ? RunTogetherSplitter.solutions(groups, columns.size(), values -> balance.holds(columns, values))
                : null;
        String where = cells.get(0).where();
        if (solutions != null && solutions.size() == 1) {
            List<BigDecimal> split = solutions.get(0);
            for (int c = 0; c < columns.size(); c++) {
                observations.add(Observation.of(table, row, columns.get(c)).value(split.get(c)).raw(raw).unit(unit)
                        .where(where).ordinal(ordinal + c).build());
            }
            findings.add(Finding.of(FindingRule.SPLIT_RUN_TOGETHER)
                    .table(table.code())
                    .row(row.code())
                    .actual(raw)
                    .message("the numbers of row " + row.label() + " ran together (" + raw + "); split as "
                            + String.join(" ", split.stream().map(CellValue::plain).toList())
                            + ", the only split where the row's total adds up"));
            return;
        }
        for (int c = 0; c < columns.size(); c++) {
            observations.add(Observation.of(table, row, columns.get(c)).raw(raw).unit(unit).where(where)
                    .ordinal(ordinal + c).build());
        }
        String why = solutions == null ? "the row has no identity to tell the splits apart"
                : solutions.isEmpty() ? "no split makes the row's total add up"
                : solutions.size() + " splits make the row's total add up";
        findings.add(Finding.of(FindingRule.UNSPLITTABLE_RUN_TOGETHER)
                .table(table.code())
                .row(row.code())
                .expected(String.valueOf(columns.size()))
                .actual(raw)
                .message("the numbers of row " + row.label() + " ran together (" + raw
                + ") and cannot be split with confidence: " + why + "; its cells are left empty"));
    }

    private static String texts(List<Token> cells) {
        return String.join(" ", cells.stream().map(Token::raw).toList());
    }
}
