package org.disclosureetl.extract;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * One way of reading a template table out of a report (tabula-java style: one strategy per
 * layout). {@link AnchoredRowReader} reads tables whose cells kept their boundaries (HTML, Word,
 * spreadsheets, tab- or pipe-separated and space-aligned text); {@link FlattenedTableReader} solves
 * tables whose boundaries are lost (crawler text, PDF text). Each is built per document by its
 * {@link Kind}, registered in {@link ReportExtractor#READERS}; the extractor keeps the better reading.
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

    /**
     * What a document's readers are built from: the document, and the label stream the extractor reads anyway.
     *
     * @param labelIndexes     each template's row labels indexed once ({@link TemplateCatalog#labelIndex}), so that a
     *                         reader does not index them again for every search
     * @param placedIdentities a table's identities placed on its cells once ({@link TemplateCatalog#placedIdentities}),
     *                         not again for every solve
     */
    record ReportText(NormalizedDocument document, LabelStream labelStream,
                      Function<TableTemplate, RowLabelIndex> labelIndexes,
                      BiFunction<TableTemplate, List<IdentityRule>, List<PlacedIdentity>> placedIdentities) {
    }

    /**
     * A layout kind: builds its reader for each document.
     *
     * @param keepsCellBoundaries whether the layouts it reads kept their cells' boundaries: then a reading of a
     *                            table that finds every row without a doubt is taken as it is, and the readers
     *                            after it in the list do not read that table
     */
    record Kind(String name, boolean keepsCellBoundaries, Function<ReportText, TableReader> builder) {

        TableReader readerFor(ReportText report) {
            return builder.apply(report);
        }
    }
}
