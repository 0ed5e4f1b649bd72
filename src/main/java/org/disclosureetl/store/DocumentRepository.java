package org.disclosureetl.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.extract.TemplateCatalog;
import org.disclosureetl.region.Placement;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Documents and their cells in the database (H2 or PostgreSQL). Writes of a document's results replace its old rows and run in
 * the caller's (chunk) transaction, so a document is never half written.
 *
 * <p>A cell's row and column label are stored only where they differ from the labels its template gives it
 * ({@link TemplateCatalog#labels}); NULL stands for the template's label, which {@link ExportQueries} puts back.
 * Repeating the template's labels in every row made the database of the 20,000-file bench 347 MB instead of
 * 219 MB, and its end-of-run compaction 10-11 s instead of 7.5-8 s (bench/README.md).
 */
@Repository
public class DocumentRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TemplateCatalog catalog;

    public DocumentRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TemplateCatalog catalog) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.catalog = catalog;
    }


    /** A document's content as found at a path, for {@link #registerAllIfAbsent}. */
    public record Registration(String documentId, String sha256, String sourceFile) {
    }

    /** Registers a new document as pending; a document already known (same content elsewhere) is left as it is. */
    public boolean registerIfAbsent(String documentId, String sha256, String sourceFile, long runId) {
        return jdbc.sql(REGISTER_IF_ABSENT)
                .params(registerParameters(new Registration(documentId, sha256, sourceFile), runId))
                .update() > 0;
    }

    /**
     * {@link #registerIfAbsent} and then {@code setPresent(documentId, true, null)} for each, in two batched statements
     * for all of them; the result is that of the calls one document at a time, in order.
     */
    public void registerAllIfAbsent(List<Registration> registrations, long runId) {
        // the first of the same content only: within one batch H2 does not see a row the batch inserted earlier
        Map<String, Registration> firsts = new LinkedHashMap<>();
        registrations.forEach(r -> firsts.putIfAbsent(r.documentId(), r));
        jdbcTemplate.batchUpdate(REGISTER_IF_ABSENT, firsts.values().stream().map(r -> registerParameters(r, runId)).toList());
        jdbcTemplate.batchUpdate(SET_PRESENT, firsts.values().stream()
                .map(r -> setPresentParameters(r.documentId(), true, null)).toList());
        jdbcTemplate.batchUpdate(SET_RECORDS_PRESENT, firsts.values().stream()
                .map(r -> setPresentParameters(r.documentId(), true, null)).toList());
    }

    // standard SQL that H2 and PostgreSQL both run (H2's MERGE ... KEY is H2's own; MERGE needs PostgreSQL 15)
    private static final String REGISTER_IF_ABSENT = """
            INSERT INTO document (document_id, sha256, source_file, status, partition_key, registered_run, revision)
            SELECT ?, ?, ?, ?, ?, ?, nextval('document_revision_seq')
            WHERE NOT EXISTS (SELECT 1 FROM document WHERE document_id = ?)""";

    private static Object[] registerParameters(Registration registration, long runId) {
        String documentId = registration.documentId();
        return new Object[] {documentId, registration.sha256(), registration.sourceFile(), DocumentStatus.PENDING.code(),
                partitionKey(documentId), runId, documentId};
    }

    /**
     * Deletes a document and everything extracted from it (its file changed and nothing else holds that content),
     * with the documents of its records when it is a crawler export: a record left behind would stay current.
     */
    public void delete(String documentId) {
        jdbc.sql("DELETE FROM observation WHERE document_id IN (SELECT document_id FROM document WHERE container_id = ?)")
                .param(documentId).update();
        jdbc.sql("DELETE FROM validation_issue WHERE document_id IN (SELECT document_id FROM document WHERE container_id = ?)")
                .param(documentId).update();
        jdbc.sql("DELETE FROM document WHERE container_id = ?").param(documentId).update();
        jdbc.sql("DELETE FROM observation WHERE document_id = ?").param(documentId).update();
        jdbc.sql("DELETE FROM validation_issue WHERE document_id = ?").param(documentId).update();
        jdbc.sql("DELETE FROM series_issue WHERE document_id = ?").param(documentId).update();
        jdbc.sql("DELETE FROM document WHERE document_id = ?").param(documentId).update();
    }

    /** Marks the document present or absent (and moves it to another path), the records of a crawler export with it. */
    public void setPresent(String documentId, boolean present, String sourceFile) {
        jdbc.sql(SET_PRESENT).params(setPresentParameters(documentId, present, sourceFile)).update();
        jdbc.sql(SET_RECORDS_PRESENT).params(setPresentParameters(documentId, present, sourceFile)).update();
    }

    // only a real change takes a new revision: the export is skipped when no revision moved
    private static final String SET_PRESENT = """
            UPDATE document SET present = ?, source_file = COALESCE(?, source_file),
                   revision = nextval('document_revision_seq')
            WHERE document_id = ? AND (present <> ? OR source_file <> COALESCE(?, source_file))""";

    // a statement of its own rather than "OR container_id = ?" in SET_PRESENT, so that each one looks up one index
    private static final String SET_RECORDS_PRESENT = """
            UPDATE document SET present = ?, source_file = COALESCE(?, source_file),
                   revision = nextval('document_revision_seq')
            WHERE container_id = ? AND (present <> ? OR source_file <> COALESCE(?, source_file))""";

    private static Object[] setPresentParameters(String documentId, boolean present, String sourceFile) {
        return new Object[] {present, sourceFile, documentId, present, sourceFile};
    }

    /**
     * One document's result for {@link #saveAll}: its extraction and findings, or a null extraction
     * when it failed (its earlier cells, if any, are dropped so no stale numbers are exported), and where
     * its agency was placed (V10; null clears the region columns: no agency, or failed), and the pages read by OCR
     * as page ranges ({@code 1-3,5}, V20; null when none was).
     */
    public record Outcome(String documentId, Extraction extraction, List<Finding> findings, Placement placement,
                          String ocrPages) {

        public Outcome(String documentId, Extraction extraction, List<Finding> findings, Placement placement) {
            this(documentId, extraction, findings, placement, null);
        }
    }

    /**
     * A record of a crawler export, for {@link #registerRecords}: its document ({@code recordId}), the export's
     * document ({@code containerId}), content and path, and its number in the file.
     */
    public record RecordRegistration(String recordId, String containerId, String sha256, String sourceFile,
                                     int sourceRecord) {
    }

    /**
     * Registers the records of crawler exports as documents of their own, pending until {@link #saveAll} stores their
     * results in the same transaction; a record already known (a retried one) is left as it is.
     */
    public void registerRecords(List<RecordRegistration> records, long runId) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO document (document_id, sha256, source_file, status, partition_key, registered_run, revision,
                                      source_record, container_id)
                SELECT ?, ?, ?, ?, ?, ?, nextval('document_revision_seq'), ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM document WHERE document_id = ?)""",
                records.stream().map(r -> new Object[] {r.recordId(), r.sha256(), r.sourceFile(),
                        DocumentStatus.PENDING.code(), partitionKey(r.recordId()), runId, r.sourceRecord(),
                        r.containerId(), r.recordId()}).toList());
    }

    /** A crawler export that was split into its records: the file's own document, and the media type it was read as. */
    public record Split(String documentId, String contentType) {
    }

    /**
     * Marks crawler exports {@link DocumentStatus#SPLIT split}: the file's own document has no cells, its records are
     * the documents (registered with {@link #registerRecords}).
     */
    public void markSplit(List<Split> splits, long runId) {
        List<Object[]> ids = splits.stream().map(s -> new Object[] {s.documentId()}).toList();
        jdbcTemplate.batchUpdate("DELETE FROM observation WHERE document_id = ?", ids);
        jdbcTemplate.batchUpdate("DELETE FROM validation_issue WHERE document_id = ?", ids);
        jdbcTemplate.batchUpdate("""
                UPDATE document SET content_type = ?, script = NULL, agency = NULL, report_year = NULL,
                       format_version = NULL, status = ?, tables_found = 0, cells = 0, issues = 0,
                       attempts = attempts + 1, processed_run = ?, region_code = NULL, region_level = NULL,
                       province = NULL, prefecture = NULL, county = NULL, agency_key = NULL, ocr_pages = NULL,
                       revision = nextval('document_revision_seq')
                WHERE document_id = ?""", splits.stream().map(s -> new Object[] {DocumentRepository.truncate(
                        s.contentType(), 200), DocumentStatus.SPLIT.code(), runId, s.documentId()}).toList());
    }

    /**
     * Stores the results of a chunk of documents, replacing whatever earlier attempts stored, with a
     * few batched statements for the whole chunk rather than round trips per document or cell. A
     * document's row is updated once, region included: each update of a row rewrites its page of the
     * H2 file, and the region columns had an update of their own.
     */
    public void saveAll(List<Outcome> outcomes, long runId) {
        List<Object[]> ids = outcomes.stream().map(o -> new Object[] {o.documentId()}).toList();
        jdbcTemplate.batchUpdate("DELETE FROM observation WHERE document_id = ?", ids);
        jdbcTemplate.batchUpdate("DELETE FROM validation_issue WHERE document_id = ?", ids);
        // its series links go until the next link step (series/SeriesLinker) finds them again
        jdbcTemplate.batchUpdate("DELETE FROM series_issue WHERE document_id = ?", ids);
        List<CellOfDocument> observations = new ArrayList<>();
        List<Row<Finding>> findings = new ArrayList<>();
        List<Object[]> extracted = new ArrayList<>();
        List<Object[]> failed = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            Extraction e = outcome.extraction();
            if (e == null) {
                failed.add(new Object[] {DocumentStatus.FAILED.code(), runId, outcome.documentId()});
                continue;
            }
            e.observations().forEach(o -> observations.add(new CellOfDocument(outcome.documentId(), e.formatVersion(), o)));
            for (int i = 0; i < outcome.findings().size(); i++) {
                findings.add(new Row<>(outcome.documentId(), i, outcome.findings().get(i)));
            }
            Placement p = outcome.placement();
            extracted.add(new Object[] {e.contentType(), e.script() == null ? null : e.script().name().toLowerCase(Locale.ROOT),
                    e.identity().agency(), e.identity().reportYear(), e.formatVersion(), e.status().code(),
                    e.tablesFound(), e.observations().size(), outcome.findings().size(), runId,
                    p == null ? null : p.regionCode(), p == null ? null : p.regionLevel(), p == null ? null : p.province(),
                    p == null ? null : p.prefecture(), p == null ? null : p.county(),
                    p == null ? null : truncate(p.agencyKey(), 300), truncate(outcome.ocrPages(), 4000),
                    outcome.documentId()});
        }
        insertObservations(observations);
        insertFindings(findings);
        // a document processed again keeps its corrections (they are keyed by its bytes, V19__corrections.sql); a
        // corrections revision (0) names its cells apart from the fragment the run renders without them
        jdbcTemplate.batchUpdate("""
                UPDATE document SET content_type = ?, script = ?, agency = ?, report_year = ?, format_version = ?,
                       status = ?, tables_found = ?, cells = ?, issues = ?, attempts = attempts + 1, processed_run = ?,
                       region_code = ?, region_level = ?, province = ?, prefecture = ?, county = ?, agency_key = ?,
                       ocr_pages = ?, duplicate_of = NULL, series_issues = 0, series_revision = NULL, settled_cells = 0,
                       corrections_revision = CASE WHEN EXISTS (SELECT 1 FROM correction c
                           WHERE c.document_id = document.document_id) THEN 0 END,
                       revision = nextval('document_revision_seq')
                WHERE document_id = ?""", extracted);
        jdbcTemplate.batchUpdate("""
                UPDATE document SET status = ?, tables_found = 0, cells = 0, issues = 0,
                       attempts = attempts + 1, processed_run = ?, region_code = NULL, region_level = NULL,
                       province = NULL, prefecture = NULL, county = NULL, agency_key = NULL, ocr_pages = NULL,
                       duplicate_of = NULL, series_issues = 0, series_revision = NULL, settled_cells = 0,
                       revision = nextval('document_revision_seq')
                WHERE document_id = ?""", failed);
    }

    /** An item of a batch insert with the document it belongs to and its position there. */
    private record Row<T>(String documentId, int ordinal, T item) {
    }

    /** A cell to insert, with its document and the template generation that document was read with. */
    private record CellOfDocument(String documentId, String formatVersion, Observation cell) {
    }

    /** Puts failed documents back in the queue; with a run id, only those that failed in that run. */
    public int requeueFailed(Long runId, int maxAttempts) {
        if (runId == null) {
            return jdbc.sql("""
                            UPDATE document SET status = ?, revision = nextval('document_revision_seq')
                            WHERE status = ? AND present AND attempts < ?""")
                    .params(DocumentStatus.PENDING.code(), DocumentStatus.FAILED.code(), maxAttempts).update();
        }
        return jdbc.sql("""
                        UPDATE document SET status = ?, revision = nextval('document_revision_seq')
                        WHERE status = ? AND present AND attempts < ? AND processed_run = ?""")
                .params(DocumentStatus.PENDING.code(), DocumentStatus.FAILED.code(), maxAttempts, runId).update();
    }

    /** The latest run in which a document that is still failed was processed, or null. */
    public Long latestRunWithFailures() {
        return jdbc.sql("SELECT MAX(processed_run) FROM document WHERE status = ? AND present")
                .param(DocumentStatus.FAILED.code()).query(Long.class).optional().orElse(null);
    }

    public int countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM document WHERE status = ? AND present")
                .param(DocumentStatus.PENDING.code()).query(Integer.class).single();
    }

    /** What one run did to the documents it processed, for the end-of-run summary and the {@code runs} listing. */
    /**
     * @param processed the documents processed: files and records of crawler exports, not the exports themselves
     * @param split     the crawler exports split into their records
     */
    public record RunCounts(long processed, long extracted, long noTable, long notReport, long failed, long cells,
                            long issues, long split) {
    }

    public RunCounts countsOfRun(long runId) {
        return counts("WHERE processed_run = ?", runId);
    }

    /** The same counts over every document of the database (what the CSV files hold), whichever run processed it. */
    public RunCounts totals() {
        return counts("");
    }

    private RunCounts counts(String where, Object... params) {
        List<Object> all = new ArrayList<>(List.of(DocumentStatus.SPLIT.code(), DocumentStatus.EXTRACTED.code(),
                DocumentStatus.NO_TABLE.code(), DocumentStatus.NOT_A_REPORT.code(), DocumentStatus.FAILED.code(),
                DocumentStatus.SPLIT.code()));
        all.addAll(List.of(params));
        return jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN status <> ? THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(cells), 0),
                               COALESCE(SUM(issues), 0),
                               COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0)
                        FROM document\s""" + where)
                .params(all)
                .query((rs, n) -> new RunCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .single();
    }

    /**
     * Pending documents of one partition of the extract step in id order. It keeps no position:
     * documents leave the pending state in the same transaction that stores their rows, so after a
     * crash a restart simply reads what is still pending.
     */
    public static JdbcPagingItemReader<StoredDocument> pendingReader(DataSource dataSource, int partition,
                                                                     int partitions, int pageSize) throws Exception {
        return new JdbcPagingItemReaderBuilder<StoredDocument>()
                .name("pendingDocuments")
                .dataSource(dataSource)
                .selectClause("SELECT document_id, sha256, source_file, attempts, source_record")
                .fromClause("FROM document")
                .whereClause("WHERE status = :status AND present AND MOD(partition_key, :partitions) = :partition")
                .parameterValues(Map.of("status", DocumentStatus.PENDING.code(), "partition", partition,
                        "partitions", partitions))
                .sortKeys(Map.of("document_id", Order.ASCENDING))
                .rowMapper((rs, n) -> {
                    int record = rs.getInt(5);
                    Integer sourceRecord = rs.wasNull() ? null : record;
                    return new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            sourceRecord);
                })
                .pageSize(pageSize)
                .saveState(false)
                .build();
    }

    private void insertObservations(List<CellOfDocument> observations) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO observation (document_id, ordinal, table_code, row_code, column_code, value_number,
                    raw_value, unit, row_label, column_label, source_location)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                CellOfDocument row = observations.get(i);
                Observation o = row.cell();
                ExportQueries.CellLine stored = storedCell(o);
                TemplateCatalog.CellLabels template = catalog.labels(row.formatVersion(), o.tableCode(), o.rowCode(),
                        o.columnCode());
                ps.setString(1, row.documentId());
                ps.setInt(2, o.ordinal());
                ps.setString(3, stored.tableCode());
                ps.setString(4, stored.rowCode());
                ps.setString(5, stored.columnCode());
                setDecimal(ps, 6, stored.value());
                ps.setString(7, stored.rawValue());
                ps.setString(8, stored.unit());
                ps.setString(9, template != null && template.rowLabel().equals(stored.rowLabel()) ? null
                        : stored.rowLabel());
                ps.setString(10, template != null && template.columnLabel().equals(stored.columnLabel()) ? null
                        : stored.columnLabel());
                ps.setString(11, stored.sourceLocation());
            }

            @Override
            public int getBatchSize() {
                return observations.size();
            }
        });
    }

    private void insertFindings(List<Row<Finding>> findings) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO validation_issue (document_id, ordinal, rule, table_code, row_code, column_code,
                    expected, actual, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                ExportQueries.IssueLine stored = storedIssue(findings.get(i).item());
                ps.setString(1, findings.get(i).documentId());
                ps.setInt(2, findings.get(i).ordinal());
                ps.setString(3, stored.rule());
                ps.setString(4, stored.tableCode());
                ps.setString(5, stored.rowCode());
                ps.setString(6, stored.columnCode());
                ps.setString(7, stored.expected());
                ps.setString(8, stored.actual());
                ps.setString(9, stored.message());
            }

            @Override
            public int getBatchSize() {
                return findings.size();
            }
        });
    }

    /** The scale of {@code observation.value_number} (V2__report_tables.sql). */
    static final int VALUE_SCALE = 10;

    /**
     * The cells of a document as {@link #saveAll} stores them and {@link ExportQueries#withCells} reads them back, in
     * the same order: the raw text cut to its column, the value rounded to the column's scale (half up, as H2 and
     * PostgreSQL round), so that rows rendered from a document just stored are the rows rendered from the database.
     */
    public static List<ExportQueries.CellLine> storedCells(List<Observation> observations) {
        return observations.stream().sorted(Comparator.comparingInt(Observation::ordinal))
                .map(DocumentRepository::storedCell).toList();
    }

    /** As {@link #storedCells}, for the findings of a document (kept in their order). */
    public static List<ExportQueries.IssueLine> storedIssues(List<Finding> findings) {
        return findings.stream().map(DocumentRepository::storedIssue).toList();
    }

    private static ExportQueries.CellLine storedCell(Observation o) {
        BigDecimal value = o.value() == null || o.value().scale() <= VALUE_SCALE ? o.value()
                : o.value().setScale(VALUE_SCALE, RoundingMode.HALF_UP);
        return new ExportQueries.CellLine(o.tableCode(), o.rowCode(), o.columnCode(), value, truncate(o.rawValue(), 500),
                o.rowLabel(), o.columnLabel(), o.unit(), o.where());
    }

    private static ExportQueries.IssueLine storedIssue(Finding f) {
        return new ExportQueries.IssueLine(f.rule(), f.tableCode(), f.rowCode(), f.columnCode(),
                truncate(f.expected(), 100), truncate(f.actual(), 500), truncate(f.message(), 2000));
    }

    private static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DECIMAL);
        } else {
            ps.setBigDecimal(index, value);
        }
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Spreads documents over partitions of the extract step; stable for a given id. */
    static int partitionKey(String documentId) {
        return Integer.parseInt(documentId.substring(0, 4), 16);
    }
}
