package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * One standardized table of one template generation, as data.
 *
 * @param formatVersion  {@code 2021}, {@code 2019} or {@code legacy}
 * @param code           table_code of the output contract
 * @param variant        which printed form of the table this is (the legacy statistics table
 *                       changed by period and region), or empty where there is one
 * @param layout         how its cells sit in a report
 * @param anchor         for {@link Layout#RUN}: the label the table's header starts with
 * @param optionalColumn a value column some reports add (a 历年累计 running total), or null
 * @param rows           its rows in printed order
 * @param spareRows      codes for indicators a report prints inside the table but the catalogue
 *                       lacks ({@code x.unlisted.1} ...): kept with their printed label, not dropped
 */
public record TableTemplate(String formatVersion, String code, String variant, Layout layout, String anchor,
                            OptionalColumn optionalColumn, List<Row> rows, List<Row> spareRows) {

    public TableTemplate {
        rows = List.copyOf(rows);
        spareRows = List.copyOf(spareRows);
    }

    public enum Layout {
        /** every row's values follow its own label */
        ROWS,
        /** all cells follow the header as one run of numbers, row after row */
        RUN
    }

    /**
     * A column printed only by some reports, recognized by a header label.
     *
     * @param clue the normalized header label that announces it
     */
    public record OptionalColumn(String code, String label, String clue) {
    }

    public int cellCount() {
        return rows.stream().mapToInt(row -> row.columns().size()).sum();
    }

    /** The rows that become cells of the output (not those that only stand for a group of others). */
    public List<Row> outputRows() {
        return rows.stream().filter(row -> !row.aggregateOnly()).toList();
    }

    /** The same table with the optional column added to every row. */
    public TableTemplate withOptionalColumn() {
        if (optionalColumn == null) {
            return this;
        }
        return new TableTemplate(formatVersion, code, variant, layout, anchor, null, widen(rows), widen(spareRows));
    }

    private List<Row> widen(List<Row> narrow) {
        List<Row> widened = new ArrayList<>();
        for (Row row : narrow) {
            List<Column> columns = new ArrayList<>(row.columns());
            columns.add(new Column(optionalColumn.code(), optionalColumn.label()));
            widened.add(new Row(row.code(), row.label(), row.numbering(), row.numberingRequired(), row.keys(), columns,
                    row.aggregates()));
        }
        return widened;
    }

    /**
     * @param numbering         the row's own number (一, (一), 1), or null
     * @param numberingRequired true when a label cell must carry that number to match
     * @param keys              normalized label keys that identify the row
     * @param aggregates        for a row printed instead of a group of rows (the 2019-style single
     *                          （六）其他处理 in a 2021 report): the identity term naming that group,
     *                          e.g. {@code other.*}; such a row has no cells of its own in the output
     */
    public record Row(String code, String label, String numbering, boolean numberingRequired,
                      List<String> keys, List<Column> columns, String aggregates) {
        public Row {
            keys = List.copyOf(keys);
            columns = List.copyOf(columns);
        }

        public boolean aggregateOnly() {
            return aggregates != null;
        }
    }

    public record Column(String code, String label) {
    }
}
