package org.disclosureetl.extract;

import java.util.List;

/**
 * One way of reading a template table out of a report (tabula-java style: one strategy per
 * layout). {@link AnchoredRowReader} reads tables whose cells kept their boundaries (HTML, Word,
 * spreadsheets, tab- or pipe-separated and space-aligned text); {@link FlattenedTableReader} solves
 * tables whose boundaries are lost (crawler text, PDF text). The extractor keeps the better reading.
 */
interface TableReader {

    /** A short name for findings and logs. */
    String name();

    /**
     * Reads {@code table} from the report, starting at {@code from} (the position after the
     * previous table, in the reader's own units).
     */
    TableReading read(TableTemplate table, List<IdentityRule> rules, ProseEvidence prose, int from);

    /** The finding of every reader for a template row it cannot find in the report. */
    static Finding rowMissing(TableTemplate table, TableTemplate.Row row) {
        return Finding.of(FindingRule.ROW_MISSING)
                .table(table.code())
                .row(row.code())
                .message("no row labelled " + row.label() + " was found");
    }
}
