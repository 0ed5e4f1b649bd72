package org.disclosureetl.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.disclosureetl.vocabulary.DocumentStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries behind the analyst outputs (workbook, run report). Rows are streamed to a
 * callback rather than collected, so a workbook of a large database never holds it in memory; the
 * cells are read document by document in template order over the primary key, as the CSV export does.
 */
@Repository
public class ReportingQueries {

    /** A document's issues count its own and those of its series (V16__document_series.sql). */
    static final String DOCUMENT_COLUMNS = "d.document_id, d.source_file, d.sha256, d.content_type, d.script,"
            + " d.agency, d.report_year, d.format_version, d.status, d.tables_found, d.cells,"
            + " d.issues + d.series_issues, d.present,"
            + " d.region_code, d.region_level, d.province, d.prefecture, d.county, d.agency_key, d.processed_run,"
            + " d.source_record, d.duplicate_of, d.ocr_pages";
    /** Documents in source-file order, the records of a crawler export in their order after the file's own row. */
    static final String DOCUMENT_ORDER = " ORDER BY d.source_file, COALESCE(d.source_record, 0), d.document_id";

    private final JdbcClient jdbc;

    public ReportingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which documents: null parts mean all. {@code agency} is a substring of the agency's name;
     * {@code region} the start of the agency's name, its region code (3208) or its province,
     * prefecture or county name (江苏, 淮安).
     */
    public record Selection(Integer year, String agency, String region, String table) {
        public static final Selection ALL = new Selection(null, null, null, null);

        String where() {
            List<String> conditions = new ArrayList<>();
            if (year != null) {
                conditions.add("d.report_year = :year");
            }
            if (agency != null) {
                conditions.add("d.agency LIKE :agency ESCAPE '\\'");
            }
            if (region != null) {
                conditions.add("(d.agency LIKE :region ESCAPE '\\' OR d.region_code LIKE :region ESCAPE '\\'"
                        + " OR d.province LIKE :region ESCAPE '\\' OR d.prefecture LIKE :region ESCAPE '\\'"
                        + " OR d.county LIKE :region ESCAPE '\\')");
            }
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            if (year != null) {
                statement = statement.param("year", year);
            }
            if (agency != null) {
                statement = statement.param("agency", "%" + likeLiteral(agency) + "%");
            }
            if (region != null) {
                statement = statement.param("region", likeLiteral(region) + "%");
            }
            return statement;
        }
    }

    /**
     * The user's text matched as it is: {@code %} and {@code _} (as in {@code 10%_report}) are not
     * wildcards, so {@code --agency=} is a plain substring and {@code --region=} a plain prefix.
     */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public record DocumentRow(String documentId, String sourceFile, String sha256, String contentType, String script,
                              String agency, Integer reportYear, String formatVersion, String status, int tablesFound,
                              int cells, int issues, boolean present, String regionCode, String regionLevel,
                              String province, String prefecture, String county, String agencyKey,
                              Long processedRun, Integer sourceRecord, String duplicateOf, String ocrPages) {

        /** A document none of whose pages was read by OCR. */
        public DocumentRow(String documentId, String sourceFile, String sha256, String contentType, String script,
                           String agency, Integer reportYear, String formatVersion, String status, int tablesFound,
                           int cells, int issues, boolean present, String regionCode, String regionLevel,
                           String province, String prefecture, String county, String agencyKey,
                           Long processedRun, Integer sourceRecord, String duplicateOf) {
            this(documentId, sourceFile, sha256, contentType, script, agency, reportYear, formatVersion, status,
                    tablesFound, cells, issues, present, regionCode, regionLevel, province, prefecture, county,
                    agencyKey, processedRun, sourceRecord, duplicateOf, null);
        }
    }

    public record CellRow(String tableCode, String rowCode, String columnCode, BigDecimal value, String rawValue,
                          String unit) {
    }

    /** @param location where the cell (or the first cell of the row) was found in the file; null for a document-level issue */
    public record IssueRow(String documentId, String sourceFile, String rule, String tableCode, String rowCode,
                           String columnCode, String expected, String actual, String message, String location) {
    }

    public record FailureRow(Long runId, String sourceFile, String documentId, String step, String errorType,
                             String message, LocalDateTime time) {
    }

    /** Documents in source-file order, as documents.csv. */
    public void forEachDocument(Selection selection, Consumer<DocumentRow> consumer) {
        selection.bind(jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM document d" + selection.where()
                        + DOCUMENT_ORDER))
                .query((RowCallbackHandler) rs -> consumer.accept(document(rs)));
    }

    /** The documents processed by one run, in source-file order. */
    public List<DocumentRow> documentsOfRun(long runId) {
        // not a crawler export's own document: its records are the documents the run processed (RunCounts)
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM document d WHERE d.processed_run = ? AND d.status <> ?"
                        + DOCUMENT_ORDER)
                .params(runId, DocumentStatus.SPLIT.code()).query((rs, n) -> document(rs)).list();
    }

    /** One document's cells in template order, values as the export has them (corrections applied); {@code table} null for all tables. */
    public void forEachCell(String documentId, String table, Consumer<CellRow> consumer) {
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT o.table_code, o.row_code, o.column_code, o.raw_value,"
                        + " o.unit, " + ExportQueries.VALUE_COLUMNS
                        + " FROM observation o JOIN document d ON d.document_id = o.document_id WHERE o.document_id = :id"
                        + (table == null ? "" : " AND o.table_code = :table") + " ORDER BY o.ordinal")
                .param("id", documentId);
        if (table != null) {
            statement = statement.param("table", table);
        }
        statement.query((RowCallbackHandler) rs -> consumer.accept(new CellRow(rs.getString(1), rs.getString(2),
                rs.getString(3), ExportQueries.SourcedValue.of(rs, 6).value(), rs.getString(4), rs.getString(5))));
    }

    /**
     * Validation issues of the selected documents, document by document, in the order found, a document's series
     * issues after its own (no location: the workbook has none).
     */
    public void forEachIssue(Selection selection, Consumer<IssueRow> consumer) {
        selection.bind(jdbc.sql("SELECT i.document_id, d.source_file, i.rule, i.table_code, i.row_code, i.column_code,"
                        + " i.expected, i.actual, i.message, NULL FROM (SELECT document_id, ordinal, 0 AS part, rule,"
                        + " table_code, row_code, column_code, expected, actual, message FROM validation_issue"
                        + " UNION ALL SELECT document_id, ordinal, 1, rule, table_code, row_code, column_code, expected,"
                        + " actual, message FROM series_issue) i"
                        + " JOIN document d ON d.document_id = i.document_id" + selection.where()
                        + " ORDER BY i.document_id, i.part, i.ordinal"))
                .query((RowCallbackHandler) rs -> consumer.accept(issue(rs)));
    }

    /** Validation issues of the documents one run processed, by source file, with where their cell is in the file. */
    public List<IssueRow> issuesOfRun(long runId) {
        return jdbc.sql("SELECT i.document_id, d.source_file, i.rule, i.table_code, i.row_code, i.column_code,"
                        + " i.expected, i.actual, i.message, (SELECT MIN(o.source_location) FROM observation o"
                        + " WHERE o.document_id = i.document_id AND o.table_code = i.table_code"
                        + " AND o.row_code = i.row_code AND (i.column_code IS NULL OR o.column_code = i.column_code))"
                        + " FROM validation_issue i"
                        + " JOIN document d ON d.document_id = i.document_id WHERE d.processed_run = ?"
                        + " ORDER BY d.source_file, i.ordinal")
                .param(runId).query((rs, n) -> issue(rs)).list();
    }

    /** The failure log, oldest first; {@code runId} null for every run. */
    public void forEachFailure(Long runId, Consumer<FailureRow> consumer) {
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT run_id, source_file, document_id, step, error_type,"
                + " message, failed_at FROM failure" + (runId == null ? "" : " WHERE run_id = :run")
                + " ORDER BY failure_id");
        if (runId != null) {
            statement = statement.param("run", runId);
        }
        statement.query((RowCallbackHandler) rs -> consumer.accept(failure(rs)));
    }

    /** A failure row of the columns run_id, source_file, document_id, step, error_type, message, failed_at. */
    static FailureRow failure(ResultSet rs) throws SQLException {
        long run = rs.getLong(1);
        return new FailureRow(rs.wasNull() ? null : run, rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toLocalDateTime());
    }

    private static IssueRow issue(ResultSet rs) throws SQLException {
        return new IssueRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    static DocumentRow document(ResultSet rs) throws SQLException {
        int year = rs.getInt(7);
        Integer reportYear = rs.wasNull() ? null : year;
        long run = rs.getLong(20);
        Long processedRun = rs.wasNull() ? null : run;
        int record = rs.getInt(21);
        Integer sourceRecord = rs.wasNull() ? null : record;
        return new DocumentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), reportYear, rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11),
                rs.getInt(12), rs.getBoolean(13), rs.getString(14), rs.getString(15), rs.getString(16),
                rs.getString(17), rs.getString(18), rs.getString(19), processedRun, sourceRecord, rs.getString(22),
                rs.getString(23));
    }
}
