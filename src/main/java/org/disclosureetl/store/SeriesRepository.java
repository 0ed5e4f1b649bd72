package org.disclosureetl.store;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.FindingRule;
import org.disclosureetl.series.Ambiguity;
import org.disclosureetl.series.CellKey;
import org.disclosureetl.series.SeriesDocument;
import org.disclosureetl.series.SeriesLinker;
import org.disclosureetl.series.SeriesRule;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the link step (series/SeriesLinker): the documents that form series, their cells, and what the last
 * link stored ({@code document.duplicate_of}, {@code series_issue}, V16__document_series.sql). A document's links are
 * rewritten only when they changed, and then take a new revision, so a second link over the same data writes
 * nothing and the export is skipped as before.
 */
@Repository
public class SeriesRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public SeriesRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Every extracted document with an agency key and a report year, present or not, whenever it was stored. */
    public List<SeriesDocument> seriesDocuments() {
        return jdbc.sql("""
                        SELECT document_id, source_file, agency_key, report_year, format_version, cells, issues,
                               registered_run
                        FROM document
                        WHERE status = ? AND agency_key IS NOT NULL AND agency_key <> '' AND report_year IS NOT NULL
                        ORDER BY agency_key, report_year, document_id""")
                .param(DocumentStatus.EXTRACTED.code())
                .query((rs, n) -> {
                    long run = rs.getLong(8);
                    return new SeriesDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.wasNull() ? null : run);
                })
                .list();
    }

    /**
     * A document's cells in template order ({@code all}), or only those the cross-year checks read
     * ({@link SeriesLinker#checkedRows()}).
     */
    public Map<CellKey, BigDecimal> cells(String documentId, boolean all) {
        StringBuilder sql = new StringBuilder("SELECT table_code, row_code, column_code, value_number FROM observation"
                + " WHERE document_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(documentId);
        if (!all) {
            sql.append(" AND ").append(checkedCondition(parameters));
        }
        sql.append(" ORDER BY ordinal");
        Map<CellKey, BigDecimal> cells = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(parameters).query((RowCallbackHandler) rs -> cells.put(
                new CellKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getBigDecimal(4)));
        return cells;
    }

    /**
     * The cells the cross-year checks read ({@link SeriesLinker#checkedRows()}) of every document, by document, in
     * one pass over the observation table: at 2,000 documents a query per document took 2-4 s of the link step.
     * Keys are shared between documents, so 20,000 documents of 20 such cells take a few tens of MB.
     */
    public Map<String, Map<CellKey, BigDecimal>> checkedCells() {
        List<Object> parameters = new ArrayList<>();
        String condition = checkedCondition(parameters);
        Map<String, Map<CellKey, BigDecimal>> cells = new java.util.HashMap<>();
        Map<CellKey, CellKey> keys = new java.util.HashMap<>();
        jdbc.sql("SELECT document_id, table_code, row_code, column_code, value_number FROM observation WHERE "
                        + condition + " ORDER BY document_id, ordinal")
                .params(parameters)
                .query((RowCallbackHandler) rs -> {
                    CellKey key = keys.computeIfAbsent(new CellKey(rs.getString(2), rs.getString(3), rs.getString(4)),
                            k -> k);
                    cells.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(key, rs.getBigDecimal(5));
                });
        return cells;
    }

    /** As {@link #ambiguous(String)}, of every document, in one query. */
    public Map<String, Map<CellKey, Ambiguity>> allAmbiguous() {
        Map<String, Map<CellKey, Ambiguity>> cells = new java.util.HashMap<>();
        jdbc.sql("SELECT document_id, table_code, row_code, column_code, actual, expected FROM validation_issue"
                        + " WHERE rule = ? AND column_code IS NOT NULL ORDER BY document_id, ordinal")
                .param(FindingRule.AMBIGUOUS_READING.code())
                .query((RowCallbackHandler) rs -> {
                    Ambiguity ambiguity = Ambiguity.parse(rs.getString(5), rs.getString(6));
                    if (ambiguity != null) {
                        cells.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                                .put(new CellKey(rs.getString(2), rs.getString(3), rs.getString(4)), ambiguity);
                    }
                });
        return cells;
    }

    /** The SQL condition on an observation row of {@link SeriesLinker#checkedRows()}, its parameters added. */
    private static String checkedCondition(List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, Set<String>> table : SeriesLinker.checkedRows().entrySet()) {
            parameters.add(table.getKey());
            if (table.getValue().isEmpty()) {
                conditions.add("table_code = ?");
            } else {
                conditions.add("(table_code = ? AND row_code IN (" + String.join(", ",
                        table.getValue().stream().map(r -> "?").toList()) + "))");
                parameters.addAll(table.getValue());
            }
        }
        return "(" + String.join(" OR ", conditions) + ")";
    }

    /**
     * A document's cells left empty as ambiguous ({@code ambiguous_reading} issues whose expected column lists the
     * cell's value in each reading, extract/TableSolver).
     */
    public Map<CellKey, Ambiguity> ambiguous(String documentId) {
        Map<CellKey, Ambiguity> cells = new LinkedHashMap<>();
        jdbc.sql("SELECT table_code, row_code, column_code, actual, expected FROM validation_issue"
                        + " WHERE document_id = ? AND rule = ? AND column_code IS NOT NULL ORDER BY ordinal")
                .params(documentId, FindingRule.AMBIGUOUS_READING.code())
                .query((RowCallbackHandler) rs -> {
                    Ambiguity ambiguity = Ambiguity.parse(rs.getString(4), rs.getString(5));
                    if (ambiguity != null) {
                        cells.put(new CellKey(rs.getString(1), rs.getString(2), rs.getString(3)), ambiguity);
                    }
                });
        return cells;
    }

    /** Bump when the link step finds other links in the same data, so that the next run links again. */
    static final String LINK_VERSION = "1";

    /**
     * What the link step reads, cheaply: every write of a document row (the link's own included) takes a new
     * revision (V11__incremental_runs.sql), so an equal fingerprint means the same links.
     */
    public String fingerprint() {
        return jdbc.sql("SELECT CONCAT('documents=', COUNT(*), ';revision=', COALESCE(MAX(revision), 0)) FROM document")
                .query(String.class).single();
    }

    /** Whether the last link step finished on data with this fingerprint. */
    public boolean linkedAt(String fingerprint) {
        return jdbc.sql("SELECT COUNT(*) FROM series_link WHERE name = 'link' AND fingerprint = ?")
                .param(LINK_VERSION + ";" + fingerprint).query(Integer.class).single() > 0;
    }

    /** Records that the link step finished on data with this fingerprint (in its transaction). */
    public void linked(String fingerprint) {
        jdbc.sql("DELETE FROM series_link WHERE name = 'link'").update();
        jdbc.sql("INSERT INTO series_link (name, fingerprint) VALUES ('link', ?)")
                .param(LINK_VERSION + ";" + fingerprint).update();
    }

    /** A document's links as stored: the copy it duplicates and its series issues as they are exported. */
    public record StoredLink(String duplicateOf, List<ExportQueries.IssueLine> issues) {
    }

    /** The links the last link step stored, by document. */
    public Map<String, StoredLink> storedLinks() {
        Map<String, String> duplicates = new LinkedHashMap<>();
        jdbc.sql("SELECT document_id, duplicate_of FROM document WHERE duplicate_of IS NOT NULL OR series_issues > 0"
                        + " ORDER BY document_id")
                .query((RowCallbackHandler) rs -> duplicates.put(rs.getString(1), rs.getString(2)));
        Map<String, List<ExportQueries.IssueLine>> issues = new LinkedHashMap<>();
        jdbc.sql("SELECT document_id, rule, table_code, row_code, column_code, expected, actual, message"
                        + " FROM series_issue ORDER BY document_id, ordinal")
                .query((RowCallbackHandler) rs -> issues.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ExportQueries.IssueLine(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))));
        Map<String, StoredLink> links = new LinkedHashMap<>();
        duplicates.keySet().forEach(id -> links.put(id, new StoredLink(duplicates.get(id),
                issues.getOrDefault(id, List.of()))));
        issues.forEach((id, lines) -> links.putIfAbsent(id, new StoredLink(null, lines)));
        return links;
    }

    /** The issues as {@link #storedLinks} reads them back once stored (cut to their columns). */
    public static StoredLink asStored(SeriesLinker.Link link) {
        return new StoredLink(link.duplicateOf(), DocumentRepository.storedIssues(link.issues()));
    }

    /** A document whose links changed: its new link (null clears them) and whether its stored ones settled cells. */
    public record Change(String documentId, SeriesLinker.Link link, boolean settledBefore) {
    }

    /**
     * Replaces the links of the given documents (a null link clears them), in their order, and gives each a new
     * revision; its series issues a new series revision, which names their rendering in the export's fragment cache.
     * The same statements as one document at a time, each run as one batch over all the documents: every statement
     * touches only its own document's rows, and the documents take their revisions in the same order. With
     * thousands of duplicates, a statement per issue (174,000 of them for 3,000 copies of 4 reports) took most of
     * the link step's store time.
     */
    public void replaceAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // cells the last link settled are empty again, as the extractor left them, before the new ones are filled;
        // a document whose stored links settled nothing has no such cell
        List<Object[]> unsettle = new ArrayList<>();
        List<Object[]> ids = new ArrayList<>(changes.size());
        List<Object[]> settle = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Change change : changes) {
            String documentId = change.documentId();
            if (change.settledBefore()) {
                unsettle.add(new Object[] {documentId, documentId, SeriesRule.SETTLED_BY_SERIES.code()});
            }
            ids.add(new Object[] {documentId});
            List<Finding> issues = change.link() == null ? List.of() : change.link().issues();
            for (Finding settled : issues) {
                if (settled.rule().equals(SeriesRule.SETTLED_BY_SERIES.code())) {
                    settle.add(new Object[] {new BigDecimal(settled.actual()), documentId, settled.tableCode(),
                            settled.rowCode(), settled.columnCode()});
                }
            }
            List<ExportQueries.IssueLine> lines = DocumentRepository.storedIssues(issues);
            for (int i = 0; i < lines.size(); i++) {
                ExportQueries.IssueLine line = lines.get(i);
                inserts.add(new Object[] {documentId, i, line.rule(), line.tableCode(), line.rowCode(),
                        line.columnCode(), line.expected(), line.actual(), line.message()});
            }
        }
        if (!unsettle.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    UPDATE observation SET value_number = NULL
                    WHERE document_id = ? AND EXISTS (SELECT 1 FROM series_issue s WHERE s.document_id = ?
                        AND s.rule = ? AND s.table_code = observation.table_code
                        AND s.row_code = observation.row_code AND s.column_code = observation.column_code)""",
                    unsettle);
        }
        jdbcTemplate.batchUpdate("DELETE FROM series_issue WHERE document_id = ?", ids);
        if (!settle.isEmpty()) {
            // only a cell the extractor left empty: a value the report fixes is never overridden
            jdbcTemplate.batchUpdate("""
                    UPDATE observation SET value_number = ?
                    WHERE document_id = ? AND table_code = ? AND row_code = ? AND column_code = ?
                      AND value_number IS NULL""", settle);
        }
        if (!inserts.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO series_issue (document_id, ordinal, rule, table_code, row_code, column_code,
                        expected, actual, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
        // the documents' rows in their order: a batch for each run of documents of one statement
        List<Object[]> run = new ArrayList<>();
        boolean runWithIssues = false;
        for (Change change : changes) {
            List<Finding> issues = change.link() == null ? List.of() : change.link().issues();
            boolean withIssues = !issues.isEmpty();
            if (withIssues != runWithIssues && !run.isEmpty()) {
                updateDocuments(runWithIssues, run);
                run = new ArrayList<>();
            }
            runWithIssues = withIssues;
            long settled = issues.stream().filter(f -> f.rule().equals(SeriesRule.SETTLED_BY_SERIES.code())).count();
            run.add(withIssues ? new Object[] {nullable(change.link()), issues.size(), settled, change.documentId()}
                    : new Object[] {nullable(change.link()), change.documentId()});
        }
        updateDocuments(runWithIssues, run);
    }

    private void updateDocuments(boolean withIssues, List<Object[]> rows) {
        jdbcTemplate.batchUpdate(withIssues
                ? """
                UPDATE document SET duplicate_of = ?, series_issues = ?, settled_cells = ?,
                       series_revision = nextval('document_revision_seq'),
                       revision = nextval('document_revision_seq')
                WHERE document_id = ?"""
                : """
                UPDATE document SET duplicate_of = ?, series_issues = 0, series_revision = NULL,
                       settled_cells = 0, revision = nextval('document_revision_seq')
                WHERE document_id = ?""", rows);
    }

    /** The duplicate_of parameter, typed so that a NULL binds on PostgreSQL too. */
    private static SqlParameterValue nullable(SeriesLinker.Link link) {
        return new SqlParameterValue(Types.VARCHAR, link == null ? null : link.duplicateOf());
    }
}
