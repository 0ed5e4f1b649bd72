package org.disclosureetl.extract;

import java.util.List;

/**
 * One standardized table of one template generation, as data.
 *
 * @param formatVersion {@code 2021}, {@code 2019} or {@code legacy}
 * @param code          table_code of the output contract
 * @param layout        how its cells sit in a report
 * @param anchor        for {@link Layout#RUN}: the label the table's header starts with
 * @param rows          its rows in printed order
 */
public record TableTemplate(String formatVersion, String code, Layout layout, String anchor, List<Row> rows) {

    public TableTemplate {
        rows = List.copyOf(rows);
    }

    public enum Layout {
        /** every row's values follow its own label */
        ROWS,
        /** all cells follow the header as one run of numbers, row after row */
        RUN
    }

    public int cellCount() {
        return rows.stream().mapToInt(row -> row.columns().size()).sum();
    }

    /**
     * @param numbering         the row's own number (一, (一), 1), or null
     * @param numberingRequired true when a label cell must carry that number to match
     * @param keys              normalized label keys that identify the row
     */
    public record Row(String code, String label, String numbering, boolean numberingRequired,
                      List<String> keys, List<Column> columns) {
        public Row {
            keys = List.copyOf(keys);
            columns = List.copyOf(columns);
        }
    }

    public record Column(String code, String label) {
    }
}
