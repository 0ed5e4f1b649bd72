package org.disclosureetl.extract;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link TableReader} made of one template table.
 *
 * @param table     the template as read (with its optional column when the report prints it)
 * @param rowsFound how many of its rows were found
 * @param end       where the next table may start, in the reader's own units
 */
record TableReading(TableTemplate table, List<Observation> observations, List<Finding> findings, int rowsFound,
                    int end) {

    TableReading {
        observations = List.copyOf(observations);
        findings = List.copyOf(findings);
    }

    static TableReading notFound(TableTemplate table, int from) {
        return new TableReading(table, List.of(), List.of(), 0, from);
    }

    /** The codes of the template's rows this reading has cells of (rows found, or read from a printed group). */
    Set<String> rowsRead() {
        Set<String> templateRows = new HashSet<>();
        table.rows().forEach(row -> templateRows.add(row.code()));
        Set<String> read = new LinkedHashSet<>();
        observations.stream().map(Observation::rowCode).filter(templateRows::contains).forEach(read::add);
        return read;
    }

    /** Cells that got a number or a blank mark. */
    long cellsRead() {
        return observations.stream().filter(o -> o.value() != null || !o.rawValue().isEmpty()
                && o.where() != null && isBlankMark(o.rawValue())).count();
    }

    /** Findings that doubt a cell or row, as opposed to notes on how a split was decided. */
    long doubts() {
        return findings.stream().filter(f -> !FindingRule.SPLIT_RUN_TOGETHER.code().equals(f.rule())
                && !FindingRule.ANNOTATED_VALUE.code().equals(f.rule())).count();
    }

    /** More cells read wins; then fewer doubts; then more rows found. */
    boolean betterThan(TableReading other) {
        long score = (cellsRead() - 2 * doubts()) - (other.cellsRead() - 2 * other.doubts());
        if (score != 0) {
            return score > 0;
        }
        return rowsFound() > other.rowsFound();
    }

    private static boolean isBlankMark(String raw) {
        return TableVocabulary.isBlankMark(raw.strip());
    }
}
