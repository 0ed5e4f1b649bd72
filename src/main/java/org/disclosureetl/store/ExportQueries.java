package org.disclosureetl.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

import org.disclosureetl.extract.TemplateCatalog;
import org.disclosureetl.series.SeriesRule;
import org.disclosureetl.vocabulary.ValueSource;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the CSV export reads (export/CsvExporter), in the order the files list it: documents by
 * source file, the failure log by file and attempt, and cells and issues document by document, each
 * document's rows by primary key in template order, so a large export streams without H2 sorting
 * the whole table. Selections use bind parameters only ({@link ReportingQueries.Selection}).
 */
@Repository
public class ExportQueries {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TemplateCatalog catalog;

    public ExportQueries(JdbcTemplate jdbcTemplate, TemplateCatalog catalog) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.catalog = catalog;
    }

    /**
     * A document as the cell and issue rows repeat it, and what identifies its rows: they are written
     * only when the document is processed, so (id, processed run) names one set of rows.
     *
     * @param cells          how many observation rows it has
     * @param issues         how many validation_issue and series_issue rows it has
     * @param seriesRevision names its series issues (null: none), which change without the document being processed
     * @param cellsRevision  names the cells the link step settled in it (null: none; else its series revision)
     * @param correctionsRevision names the analyst's corrections of its cells (null: none, V19__corrections.sql)
     */
    public record DocumentKey(String documentId, Integer reportYear, String agency, String formatVersion,
                              Long processedRun, int cells, int issues, Long seriesRevision, Long cellsRevision,
                              Long correctionsRevision) {

        /** A document without corrections (ingest/DocumentWriter: as a run has just stored it). */
        public DocumentKey(String documentId, Integer reportYear, String agency, String formatVersion,
                           Long processedRun, int cells, int issues, Long seriesRevision, Long cellsRevision) {
            this(documentId, reportYear, agency, formatVersion, processedRun, cells, issues, seriesRevision,
                    cellsRevision, null);
        }
    }

    /**
     * One observation row as exported.
     *
     * @param valueSource where the value comes from (vocabulary/ValueSource); null when there is no value
     */
    public record CellLine(String tableCode, String rowCode, String columnCode, BigDecimal value, String rawValue,
                           String rowLabel, String columnLabel, String unit, String sourceLocation,
                           ValueSource valueSource) {

        /** A cell as the extractor read it: its value, if any, is read. */
        public CellLine(String tableCode, String rowCode, String columnCode, BigDecimal value, String rawValue,
                        String rowLabel, String columnLabel, String unit, String sourceLocation) {
            this(tableCode, rowCode, columnCode, value, rawValue, rowLabel, columnLabel, unit, sourceLocation,
                    value == null ? null : ValueSource.READ);
        }
    }

    /**
     * The value of a cell and where it comes from, as the export shows it: an analyst's correction (live: its
     * document is the same bytes, store/CorrectionRepository) replaces what was read or settled; a value the link
     * step settled is {@code settled_by_series}. Columns: the value as stored, the settled flag, the correction.
     */
    static final String VALUE_COLUMNS = "o.value_number,"
            + " CASE WHEN d.settled_cells > 0 AND EXISTS (SELECT 1 FROM series_issue s WHERE s.document_id = o.document_id"
            + " AND s.rule = '" + SeriesRule.SETTLED_BY_SERIES.code() + "' AND s.table_code = o.table_code"
            + " AND s.row_code = o.row_code AND s.column_code = o.column_code) THEN 1 ELSE 0 END,"
            + " (SELECT c.value_number FROM correction c WHERE d.corrections_revision IS NOT NULL"
            + " AND c.document_id = o.document_id AND c.table_code = o.table_code AND c.row_code = o.row_code"
            + " AND c.column_code = o.column_code)";

    /** A value as exported, from the {@link #VALUE_COLUMNS} starting at {@code first}. */
    record SourcedValue(BigDecimal value, ValueSource source) {
        static SourcedValue of(ResultSet rs, int first) throws SQLException {
            BigDecimal corrected = rs.getBigDecimal(first + 2);
            if (corrected != null) {
                return new SourcedValue(corrected, ValueSource.CORRECTED);
            }
            BigDecimal value = rs.getBigDecimal(first);
            return new SourcedValue(value, value == null ? null
                    : rs.getInt(first + 1) == 1 ? ValueSource.SETTLED_BY_SERIES : ValueSource.READ);
        }
    }

    /** One validation_issue row as exported. */
    public record IssueLine(String rule, String tableCode, String rowCode, String columnCode, String expected,
                            String actual, String message) {
    }

    /**
     * What the exported data depends on, cheaply: every write of a document row takes a new revision
     * (V11__incremental_runs.sql) and the failure log only grows, so equal fingerprints mean equal exports.
     */
    public String dataFingerprint() {
        return jdbc.sql("""
                        SELECT CONCAT('documents=', (SELECT COUNT(*) FROM document),
                                      ';revision=', (SELECT COALESCE(MAX(revision), 0) FROM document),
                                      ';failures=', (SELECT COUNT(*) FROM failure),
                                      ';last_failure=', (SELECT COALESCE(MAX(failure_id), 0) FROM failure))""")
                .query(String.class).single() + ";paths=" + pathsDigest();
    }

    /**
     * A digest of every file's path, content and presence: documents.csv's {@code paths} change when a copy of a
     * document is added, deleted or moved, which changes no document row. Read whole (one row per file, tens of
     * milliseconds for 20,000 files) rather than counted, so that one copy deleted and another back in the same
     * run still counts as a change.
     */
    private String pathsDigest() {
        List<String> files = jdbc.sql("SELECT path, sha256, present FROM source_file")
                .query((rs, n) -> rs.getString(1) + '\u0000' + rs.getString(2) + '\u0000' + rs.getBoolean(3)).list();
        List<String> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.naturalOrder());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : sorted) {
                sha.update(file.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The selected documents in id order (the order of the cell and issue files). */
    public List<DocumentKey> documentKeys(ReportingQueries.Selection selection) {
        return selection.bind(jdbc.sql("SELECT d.document_id, d.report_year, d.agency, d.format_version,"
                        + " d.processed_run, d.cells, d.issues + d.series_issues, d.series_revision,"
                        + " CASE WHEN d.settled_cells > 0 THEN d.series_revision END, d.corrections_revision"
                        + " FROM document d" + selection.where() + " ORDER BY d.document_id"))
                .query((rs, n) -> new DocumentKey(rs.getString(1), integer(rs, 2), rs.getString(3), rs.getString(4),
                        longOrNull(rs, 5), rs.getInt(6), rs.getInt(7), longOrNull(rs, 8), longOrNull(rs, 9),
                        longOrNull(rs, 10)))
                .list();
    }

    /**
     * A row of panel.csv: the series' copy of one agency and year (V16__document_series.sql).
     */
    public record PanelDocument(String documentId, String agencyKey, String agency, int reportYear, String regionCode,
                                String province, String prefecture, String county, String formatVersion,
                                Long processedRun, Long cellsRevision, Long correctionsRevision) {
    }

    /**
     * The selected documents that are their series' copy (extracted, with an agency key and a year, no duplicate),
     * by agency key and year.
     */
    public List<PanelDocument> panelDocuments(ReportingQueries.Selection selection) {
        String where = selection.where();
        return selection.bind(jdbc.sql("SELECT d.document_id, d.agency_key, d.agency, d.report_year, d.region_code,"
                        + " d.province, d.prefecture, d.county, d.format_version, d.processed_run,"
                        + " CASE WHEN d.settled_cells > 0 THEN d.series_revision END, d.corrections_revision"
                        + " FROM document d"
                        + (where.isEmpty() ? " WHERE" : where + " AND") + " d.status = :panelStatus"
                        + " AND d.agency_key IS NOT NULL AND d.agency_key <> '' AND d.report_year IS NOT NULL"
                        + " AND d.duplicate_of IS NULL ORDER BY d.agency_key, d.report_year, d.document_id")
                        .param("panelStatus", DocumentStatus.EXTRACTED.code()))
                .query((rs, n) -> new PanelDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        longOrNull(rs, 10), longOrNull(rs, 11), longOrNull(rs, 12)))
                .list();
    }

    /**
     * Every path of each content, by SHA-256 (documents.csv's {@code paths}): the files that hold it now, or when
     * none is left (the document is absent) those that held it last; in code-unit order of the path, the same
     * on every database and collation. Keyed by content rather than by document, so a record of a crawler export
     * (whose sha256 is its export's) gets the paths of its export.
     */
    public Map<String, List<String>> pathsByContent() {
        Map<String, List<String>> present = new HashMap<>();
        Map<String, List<String>> absent = new HashMap<>();
        jdbc.sql("SELECT sha256, path, present FROM source_file").query((RowCallbackHandler) rs ->
                (rs.getBoolean(3) ? present : absent).computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)));
        absent.forEach(present::putIfAbsent);
        present.values().forEach(paths -> paths.sort(Comparator.naturalOrder()));
        return present;
    }

    /** The selected documents in source-file order, as documents.csv lists them. */
    public void forEachDocument(ReportingQueries.Selection selection, Consumer<ReportingQueries.DocumentRow> row) {
        selection.bind(jdbc.sql("SELECT " + ReportingQueries.DOCUMENT_COLUMNS + " FROM document d" + selection.where()
                        + ReportingQueries.DOCUMENT_ORDER))
                .query((RowCallbackHandler) rs -> row.accept(ReportingQueries.document(rs)));
    }

    /**
     * The failure log by file and attempt, not by log order: partitions log in a racy order, and a run
     * resumed after a crash must export what an uninterrupted one does.
     */
    public void forEachFailureByFile(Consumer<ReportingQueries.FailureRow> row) {
        jdbc.sql("SELECT run_id, source_file, document_id, step, error_type, message, failed_at FROM failure"
                        + " ORDER BY source_file, document_id NULLS FIRST, attempt NULLS FIRST, step, failure_id")
                .query((RowCallbackHandler) rs -> row.accept(ReportingQueries.failure(rs)));
    }

    /** Reads the rows of one document after another on one connection. */
    public interface DocumentRows<T> {
        void forEach(String documentId, Consumer<T> row) throws IOException;
    }

    /** Work done with a {@link DocumentRows} reader. */
    public interface RowsWork<T> {
        long run(DocumentRows<T> rows) throws IOException;
    }

    /**
     * Runs {@code work} with a reader of cells (of {@code table}, or all when null) that holds one
     * connection and one prepared statement for all the documents it is asked for. A label stored as NULL
     * is the template's (store/DocumentRepository), looked up under the generation the document was read with.
     */
    public long withCells(String table, RowsWork<CellLine> work) throws IOException {
        return withRows("SELECT o.table_code, o.row_code, o.column_code, o.raw_value, o.row_label,"
                + " o.column_label, o.unit, o.source_location, d.format_version, " + VALUE_COLUMNS
                + " FROM observation o JOIN document d ON d.document_id = o.document_id WHERE o.document_id = ?"
                + (table == null ? "" : " AND o.table_code = ?") + " ORDER BY o.ordinal", 1, table,
                rs -> {
                    String rowLabel = rs.getString(5);
                    String columnLabel = rs.getString(6);
                    if (rowLabel == null || columnLabel == null) {
                        TemplateCatalog.CellLabels template = catalog.labels(rs.getString(9), rs.getString(1),
                                rs.getString(2), rs.getString(3));
                        if (template != null) {
                            rowLabel = rowLabel == null ? template.rowLabel() : rowLabel;
                            columnLabel = columnLabel == null ? template.columnLabel() : columnLabel;
                        }
                    }
                    SourcedValue value = SourcedValue.of(rs, 10);
                    return new CellLine(rs.getString(1), rs.getString(2), rs.getString(3), value.value(),
                            rs.getString(4), rowLabel, columnLabel, rs.getString(7), rs.getString(8), value.source());
                }, work);
    }

    /** As {@link #withCells}, for validation issues: a document's own, then those of its series. */
    public long withIssues(String table, RowsWork<IssueLine> work) throws IOException {
        String of = " WHERE document_id = ?" + (table == null ? "" : " AND table_code = ?");
        return withRows("SELECT rule, table_code, row_code, column_code, expected, actual, message, 0 AS part, ordinal"
                + " FROM validation_issue" + of + " UNION ALL SELECT rule, table_code, row_code, column_code, expected,"
                + " actual, message, 1, ordinal FROM series_issue" + of + " ORDER BY 8, 9", 2, table,
                rs -> new IssueLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), work);
    }

    private interface LineMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** @param parts how many times the statement takes the document (and the table, when given) as parameters */
    private <T> long withRows(String sql, int parts, String table, LineMapper<T> mapper, RowsWork<T> work)
            throws IOException {
        try {
            Long rows = jdbcTemplate.execute((ConnectionCallback<Long>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    return work.run((documentId, row) -> {
                        try {
                            int index = 1;
                            for (int part = 0; part < parts; part++) {
                                statement.setString(index++, documentId);
                                if (table != null) {
                                    statement.setString(index++, table);
                                }
                            }
                            try (ResultSet rs = statement.executeQuery()) {
                                while (rs.next()) {
                                    row.accept(mapper.map(rs));
                                }
                            }
                        } catch (SQLException e) {
                            throw new SqlInWork(e);
                        }
                    });
                } catch (SqlInWork e) {
                    throw e.sql;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return rows == null ? 0 : rows;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Carries a statement's SQLException out of the work so Spring translates it as usual. */
    private static final class SqlInWork extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final SQLException sql;

        SqlInWork(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
