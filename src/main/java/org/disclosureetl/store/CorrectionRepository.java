package org.disclosureetl.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.disclosureetl.extract.FindingRule;
import org.disclosureetl.extract.IdentityRule;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.extract.TemplateCatalog;
import org.disclosureetl.region.Placement;
import org.disclosureetl.region.RegionPlacer;
import org.disclosureetl.series.SeriesRule;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.vocabulary.QuestionKind;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analyst's side of the data (V19__corrections.sql): the open questions the review sheet lists, and the answers
 * ({@code apply-corrections}) stored as corrections of one document's bytes. A correction is keyed by document_id, so
 * it holds through every reprocess and retry of the same file; a changed file is another document, and the
 * correction of the old bytes comes back as a stale question instead of being applied. The export applies live
 * corrections where it reads a cell ({@link ExportQueries#VALUE_COLUMNS}).
 */
@Repository
public class CorrectionRepository {

    /** The document-level doubts that make a question, and what each asks. */
    private static final Map<String, QuestionKind> DOCUMENT_RULES = Map.of(
            FindingRule.AGENCY_UNKNOWN.code(), QuestionKind.AGENCY,
            FindingRule.AGENCY_EVIDENCE_DISAGREES.code(), QuestionKind.AGENCY,
            FindingRule.YEAR_UNKNOWN.code(), QuestionKind.REPORT_YEAR,
            FindingRule.YEAR_EVIDENCE_DISAGREES.code(), QuestionKind.REPORT_YEAR,
            FindingRule.FORMAT_EVIDENCE_DISAGREES.code(), QuestionKind.FORMAT_VERSION);

    private static final String DOCUMENT_ORDER = " ORDER BY d.source_file, COALESCE(d.source_record, 0), d.document_id";

    private final JdbcClient jdbc;
    private final TemplateCatalog catalog;
    private final RegionPlacer regions;

    public CorrectionRepository(JdbcClient jdbc, TemplateCatalog catalog, RegionPlacer regions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.regions = regions;
    }

    /**
     * One open question of the review sheet.
     *
     * @param expected   as validation_issues.csv's: for an ambiguous_reading the cell's value in each reading the
     *                   solver kept ({@code 3|35}); for a document question the value that decided, when statements
     *                   disagree
     * @param earlier    for a stale correction: the value, who gave it, when, and for which bytes
     */
    public record Question(QuestionKind kind, String documentId, String sourceFile, Integer sourceRecord,
                           String agency, Integer reportYear, String formatVersion, String rule, String tableCode,
                           String rowCode, String columnCode, String rowLabel, String columnLabel, String rawValue,
                           String sourceLocation, String expected, String actual, String message, String earlier) {
    }

    /** A document an answer names, as the database has it now. */
    public record AnsweredDocument(String documentId, String sha256, String sourceFile, Integer sourceRecord,
                                   String formatVersion, String status, boolean present) {
    }

    /** An answer to store: the value of one cell of one document. */
    public record Correction(String tableCode, String rowCode, String columnCode, BigDecimal value, String by,
                             String note, boolean forced) {
    }

    /**
     * An answer to a document's question (V21__document_corrections.sql): its agency (with the unit of the division
     * list it lies in, when the answer gave one), report year or format version.
     */
    public record DocumentAnswer(QuestionKind field, String value, String regionCode, String by, String note) {
        public DocumentAnswer {
            if (field.asksForCell()) {
                throw new IllegalArgumentException(field + " is a cell's question, not a document's");
            }
        }
    }

    /** A stored correction. */
    public record StoredCorrection(String documentId, String tableCode, String rowCode, String columnCode,
                                   String sourceFile, String sha256, BigDecimal value, String by, LocalDateTime at,
                                   String note, boolean forced) {
    }

    /**
     * The open questions of the selected documents, document by document in source-file order: the flagged empty
     * cells (a validation issue names the cell, or its row, and the cell has no value, is not settled by the series
     * and not corrected; one question per cell, the first issue's), the documents whose agency, year or format is
     * unknown or doubtful, and the corrections that went stale because their file changed.
     */
    public List<Question> openQuestions(ReportingQueries.Selection selection) {
        Map<String, List<Question>> byDocument = new LinkedHashMap<>();
        String where = selection.where();
        String and = where.isEmpty() ? " WHERE" : where + " AND";
        String table = selection.table() == null ? "" : " AND o.table_code = :table";
        Map<String, Question> cells = new LinkedHashMap<>();
        bindTable(selection, selection.bind(jdbc.sql("SELECT " + DOCUMENT + ", i.rule, o.table_code, o.row_code,"
                        + " o.column_code, o.row_label, o.column_label, o.raw_value, o.source_location, i.expected,"
                        + " i.actual, i.message FROM validation_issue i JOIN document d ON d.document_id = i.document_id"
                        + " JOIN observation o ON o.document_id = i.document_id AND o.table_code = i.table_code"
                        + " AND o.row_code = i.row_code AND (i.column_code IS NULL OR o.column_code = i.column_code)"
                        + and + " o.value_number IS NULL" + table
                        + " AND NOT EXISTS (SELECT 1 FROM correction c WHERE c.document_id = o.document_id"
                        + " AND c.table_code = o.table_code AND c.row_code = o.row_code AND c.column_code = o.column_code)"
                        + " AND NOT EXISTS (SELECT 1 FROM series_issue s WHERE s.document_id = o.document_id"
                        + " AND s.rule = :settled AND s.table_code = o.table_code AND s.row_code = o.row_code"
                        + " AND s.column_code = o.column_code)"
                        + DOCUMENT_ORDER + ", i.ordinal, o.ordinal")
                .param("settled", SeriesRule.SETTLED_BY_SERIES.code())))
                .query((RowCallbackHandler) rs -> {
                    String key = rs.getString(1) + "/" + rs.getString(9) + "/" + rs.getString(10) + "/" + rs.getString(11);
                    cells.putIfAbsent(key, cellQuestion(rs, QuestionKind.CELL, null));
                });
        cells.values().forEach(q -> byDocument.computeIfAbsent(q.documentId(), k -> new ArrayList<>()).add(q));

        identityCells(selection, and, table).forEach(q -> byDocument.computeIfAbsent(q.documentId(),
                k -> new ArrayList<>()).add(q));

        if (selection.table() == null) {
            // a question answered for these bytes is no longer open; one row per document and field
            Set<String> answered = new HashSet<>(jdbc.sql("SELECT document_id, field FROM document_correction")
                    .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).list());
            Map<String, Question> documentQuestions = new LinkedHashMap<>();
            selection.bind(jdbc.sql("SELECT " + DOCUMENT + ", i.rule, i.expected, i.actual, i.message"
                            + " FROM validation_issue i JOIN document d ON d.document_id = i.document_id"
                            + and + " i.rule IN (:rules)" + DOCUMENT_ORDER + ", i.ordinal")
                    .param("rules", List.copyOf(DOCUMENT_RULES.keySet())))
                    .query((RowCallbackHandler) rs -> {
                        Question q = new Question(DOCUMENT_RULES.get(rs.getString(8)), rs.getString(1), rs.getString(2),
                                integer(rs, 3), rs.getString(4), integer(rs, 5), rs.getString(6), rs.getString(8), null,
                                null, null, null, null, null, null, rs.getString(9), rs.getString(10), rs.getString(11),
                                null);
                        if (!answered.contains(q.documentId() + "/" + q.kind().code())) {
                            documentQuestions.putIfAbsent(q.documentId() + "/" + q.kind().code(), q);
                        }
                    });
            // an answer given for the file's earlier bytes: the question again, with the earlier answer beside it
            selection.bind(jdbc.sql("SELECT " + DOCUMENT + ", c.field, c.value_text, c.region_code, c.corrected_by,"
                            + " c.corrected_at, c.sha256, c.note"
                            + " FROM document_correction c JOIN document d ON d.source_file = c.source_file"
                            + " AND COALESCE(d.source_record, 0) = c.source_record AND d.document_id <> c.document_id"
                            + and + " d.present = TRUE AND d.status <> :split"
                            + " AND NOT EXISTS (SELECT 1 FROM document old WHERE old.document_id = c.document_id"
                            + " AND old.present = TRUE)"
                            + " AND NOT EXISTS (SELECT 1 FROM document_correction n WHERE n.document_id = d.document_id"
                            + " AND n.field = c.field)"
                            + DOCUMENT_ORDER + ", c.field")
                    .param("split", DocumentStatus.SPLIT.code()))
                    .query((RowCallbackHandler) rs -> {
                        QuestionKind kind = QuestionKind.of(rs.getString(8));
                        String earlier = rs.getString(9) + (rs.getString(10) == null ? "" : " (region "
                                + rs.getString(10) + ")") + " by " + rs.getString(11) + " at "
                                + rs.getTimestamp(12).toLocalDateTime().withNano(0)
                                + " for the file's earlier bytes (sha256 " + rs.getString(13).substring(0, 16) + "…)"
                                + (rs.getString(14) == null ? "" : ": " + rs.getString(14));
                        String key = rs.getString(1) + "/" + kind.code();
                        Question open = documentQuestions.get(key);
                        documentQuestions.put(key, open != null ? withEarlier(open, earlier)
                                : new Question(kind, rs.getString(1), rs.getString(2), integer(rs, 3), rs.getString(4),
                                        integer(rs, 5), rs.getString(6), null, null, null, null, null, null, null, null,
                                        null, null, null, earlier));
                    });
            documentQuestions.values().forEach(q -> byDocument.computeIfAbsent(q.documentId(),
                    k -> new ArrayList<>()).add(q));
        }

        bindTable(selection, selection.bind(jdbc.sql("SELECT " + DOCUMENT + ", NULL, c.table_code, c.row_code,"
                        + " c.column_code, o.row_label, o.column_label, o.raw_value, o.source_location, NULL, NULL,"
                        + " c.value_number, c.corrected_by, c.corrected_at, c.sha256, c.note"
                        + " FROM correction c JOIN document d ON d.source_file = c.source_file"
                        + " AND COALESCE(d.source_record, 0) = c.source_record AND d.document_id <> c.document_id"
                        + " LEFT JOIN observation o ON o.document_id = d.document_id AND o.table_code = c.table_code"
                        + " AND o.row_code = c.row_code AND o.column_code = c.column_code"
                        + and + " d.present = TRUE AND d.status <> :split" + table.replace("o.", "c.")
                        + " AND NOT EXISTS (SELECT 1 FROM document old WHERE old.document_id = c.document_id"
                        + " AND old.present = TRUE)"
                        + " AND NOT EXISTS (SELECT 1 FROM correction n WHERE n.document_id = d.document_id"
                        + " AND n.table_code = c.table_code AND n.row_code = c.row_code AND n.column_code = c.column_code)"
                        + DOCUMENT_ORDER + ", c.table_code, c.row_code, c.column_code")
                .param("split", DocumentStatus.SPLIT.code())))
                .query((RowCallbackHandler) rs -> {
                    String earlier = rs.getBigDecimal(18).stripTrailingZeros().toPlainString() + " by "
                            + rs.getString(19) + " at " + rs.getTimestamp(20).toLocalDateTime().withNano(0)
                            + " for the file's earlier bytes (sha256 " + rs.getString(21).substring(0, 16) + "…)"
                            + (rs.getString(22) == null ? "" : ": " + rs.getString(22));
                    Question q = cellQuestion(rs, QuestionKind.STALE_CORRECTION, earlier);
                    byDocument.computeIfAbsent(q.documentId(), k -> new ArrayList<>()).add(q);
                });
        List<Question> all = new ArrayList<>();
        // in document order (the three queries list documents in the same order)
        List<String> order = selection.bind(jdbc.sql("SELECT d.document_id FROM document d" + where + DOCUMENT_ORDER))
                .query(String.class).list();
        for (String documentId : order) {
            all.addAll(byDocument.getOrDefault(documentId, List.of()));
        }
        return all;
    }

    private static final String DOCUMENT = "d.document_id, d.source_file, d.source_record, d.agency, d.report_year,"
            + " d.format_version, d.status";

    private static Question withEarlier(Question q, String earlier) {
        return new Question(q.kind(), q.documentId(), q.sourceFile(), q.sourceRecord(), q.agency(), q.reportYear(),
                q.formatVersion(), q.rule(), q.tableCode(), q.rowCode(), q.columnCode(), q.rowLabel(), q.columnLabel(),
                q.rawValue(), q.sourceLocation(), q.expected(), q.actual(), q.message(), earlier);
    }

    /**
     * The cells with a read value inside an accounting identity the document breaks (its own validation issue: a
     * row's rule names the row, a column's the column): exactly the cells the identity's terms name
     * ({@link IdentityRule#names}), not corrected. One question per cell, the first identity's issue; a cell inside
     * several names the others in its message.
     */
    private List<Question> identityCells(ReportingQueries.Selection selection, String and, String table) {
        Map<String, IdentityRule> rules = new HashMap<>();
        for (String format : catalog.formats()) {
            catalog.identities(format).forEach(r -> rules.putIfAbsent(format + "/" + r.rule() + "/" + r.tableCode(), r));
        }
        Set<String> names = new HashSet<>();
        rules.values().forEach(r -> names.add(r.rule()));
        Map<String, Question> cells = new LinkedHashMap<>();
        bindTable(selection, selection.bind(jdbc.sql("SELECT " + DOCUMENT + ", i.rule, o.table_code, o.row_code,"
                        + " o.column_code, o.row_label, o.column_label, o.raw_value, o.source_location, i.expected,"
                        + " i.actual, i.message, i.row_code FROM validation_issue i"
                        + " JOIN document d ON d.document_id = i.document_id"
                        + " JOIN observation o ON o.document_id = i.document_id AND o.table_code = i.table_code"
                        + " AND ((i.column_code IS NULL AND o.row_code = i.row_code)"
                        + " OR (i.row_code IS NULL AND o.column_code = i.column_code))"
                        + and + " i.rule IN (:identities) AND o.value_number IS NOT NULL" + table
                        + " AND NOT EXISTS (SELECT 1 FROM correction c WHERE c.document_id = o.document_id"
                        + " AND c.table_code = o.table_code AND c.row_code = o.row_code AND c.column_code = o.column_code)"
                        + DOCUMENT_ORDER + ", i.ordinal, o.ordinal")
                .param("identities", List.copyOf(names))))
                .query((RowCallbackHandler) rs -> {
                    IdentityRule rule = rules.get(rs.getString(6) + "/" + rs.getString(8) + "/" + rs.getString(9));
                    boolean byRow = rs.getString(19) != null;
                    String code = byRow ? rs.getString(11) : rs.getString(10);
                    if (rule == null || (rule.scope() == IdentityRule.Scope.EACH_ROW) != byRow
                            || java.util.stream.Stream.concat(rule.lhs().stream(), rule.rhs().stream())
                            .noneMatch(term -> IdentityRule.names(term, code))) {
                        return;
                    }
                    String key = rs.getString(1) + "/" + rs.getString(9) + "/" + rs.getString(10) + "/" + rs.getString(11);
                    Question q = cells.get(key);
                    if (q == null) {
                        cells.put(key, cellQuestion(rs, QuestionKind.IDENTITY_CELL, null));
                    } else if (!q.rule().equals(rs.getString(8))) {
                        cells.put(key, new Question(q.kind(), q.documentId(), q.sourceFile(), q.sourceRecord(),
                                q.agency(), q.reportYear(), q.formatVersion(), q.rule(), q.tableCode(), q.rowCode(),
                                q.columnCode(), q.rowLabel(), q.columnLabel(), q.rawValue(), q.sourceLocation(),
                                q.expected(), q.actual(), q.message() + "; also inside " + rs.getString(8) + ": "
                                + rs.getString(18), null));
                    }
                });
        return List.copyOf(cells.values());
    }

    private static JdbcClient.StatementSpec bindTable(ReportingQueries.Selection selection,
                                                      JdbcClient.StatementSpec statement) {
        return selection.table() == null ? statement : statement.param("table", selection.table());
    }

    private Question cellQuestion(ResultSet rs, QuestionKind kind, String earlier) throws SQLException {
        String rowLabel = rs.getString(12);
        String columnLabel = rs.getString(13);
        if (rowLabel == null || columnLabel == null) {
            TemplateCatalog.CellLabels template = catalog.labels(rs.getString(6), rs.getString(9), rs.getString(10),
                    rs.getString(11));
            if (template != null) {
                rowLabel = rowLabel == null ? template.rowLabel() : rowLabel;
                columnLabel = columnLabel == null ? template.columnLabel() : columnLabel;
            }
        }
        return new Question(kind, rs.getString(1), rs.getString(2), integer(rs, 3), rs.getString(4), integer(rs, 5),
                rs.getString(6), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rowLabel,
                columnLabel, rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                kind == QuestionKind.STALE_CORRECTION ? null : rs.getString(18), earlier);
    }

    /** The document an answer names, if the database has it. */
    public Optional<AnsweredDocument> document(String documentId) {
        return jdbc.sql("SELECT document_id, sha256, source_file, source_record, format_version, status, present"
                        + " FROM document WHERE document_id = ?")
                .param(documentId)
                .query((rs, n) -> new AnsweredDocument(rs.getString(1), rs.getString(2), rs.getString(3),
                        integer(rs, 4), rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .optional();
    }

    /** A document's cells with the values the export gives them (its corrections applied), in template order. */
    public List<Observation> cells(String documentId) {
        return jdbc.sql("SELECT o.table_code, o.row_code, o.column_code, o.raw_value, o.ordinal, "
                        + ExportQueries.VALUE_COLUMNS
                        + " FROM observation o JOIN document d ON d.document_id = o.document_id"
                        + " WHERE o.document_id = ? ORDER BY o.ordinal")
                .param(documentId)
                .query((rs, n) -> Observation.of(rs.getString(1), rs.getString(2), rs.getString(3))
                        .value(ExportQueries.SourcedValue.of(rs, 6).value()).raw(rs.getString(4)).ordinal(rs.getInt(5))
                        .build())
                .list();
    }

    /**
     * Stores a document's answers (each replaces an earlier one of the same cell) and gives the document a new
     * corrections revision, so the export renders its cells again.
     */
    @Transactional
    public void save(AnsweredDocument document, List<Correction> corrections, LocalDateTime at) {
        for (Correction c : corrections) {
            jdbc.sql("DELETE FROM correction WHERE document_id = ? AND table_code = ? AND row_code = ? AND column_code = ?")
                    .params(document.documentId(), c.tableCode(), c.rowCode(), c.columnCode()).update();
            jdbc.sql("""
                            INSERT INTO correction (document_id, table_code, row_code, column_code, source_file,
                                source_record, sha256, value_number, corrected_by, corrected_at, note, forced)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(document.documentId(), c.tableCode(), c.rowCode(), c.columnCode(), document.sourceFile(),
                            document.sourceRecord() == null ? 0 : document.sourceRecord(), document.sha256(), c.value(),
                            c.by(), Timestamp.valueOf(at), c.note(), c.forced())
                    .update();
        }
        jdbc.sql("""
                        UPDATE document SET corrections_revision = nextval('document_revision_seq'),
                               revision = nextval('document_revision_seq')
                        WHERE document_id = ?""")
                .param(document.documentId()).update();
    }

    /**
     * Stores a document's answers to its agency, year or format questions (each replaces an earlier answer to the
     * same question) and puts them in the document's row ({@link #applyDocumentAnswers}).
     */
    @Transactional
    public void saveDocumentAnswers(AnsweredDocument document, List<DocumentAnswer> answers, LocalDateTime at) {
        for (DocumentAnswer a : answers) {
            jdbc.sql("DELETE FROM document_correction WHERE document_id = ? AND field = ?")
                    .params(document.documentId(), a.field().code()).update();
            jdbc.sql("""
                            INSERT INTO document_correction (document_id, field, source_file, source_record, sha256,
                                value_text, region_code, corrected_by, corrected_at, note)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(document.documentId(), a.field().code(), document.sourceFile(),
                            document.sourceRecord() == null ? 0 : document.sourceRecord(), document.sha256(), a.value(),
                            a.regionCode(), a.by(), Timestamp.valueOf(at), a.note())
                    .update();
        }
        applyDocumentAnswers();
    }

    /**
     * Puts every stored answer to a document question in its document's row where the row says otherwise: the agency
     * (placed again in the division list, in the answer's region when it gave one), the report year, the format
     * version. Called when answers are stored and by the ingest job's link step, after a reprocess wrote the row
     * from the report's text again, before the documents are linked into series. A changed row gets a new revision
     * and corrections revision: its cells' rows (observations.csv, panel.csv) repeat the agency and year, so the
     * export renders them again instead of taking the fragment of the text's values. An answer for bytes no document
     * has now is stale and is not applied.
     *
     * @return how many documents' rows changed
     */
    @Transactional
    public int applyDocumentAnswers() {
        record Current(String agency, Integer year, String format, String regionCode, String agencyKey) {
        }
        Map<String, Current> current = new LinkedHashMap<>();
        Map<String, Map<QuestionKind, String[]>> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT d.document_id, d.agency, d.report_year, d.format_version, d.region_code, d.agency_key,"
                        + " c.field, c.value_text, c.region_code FROM document_correction c"
                        + " JOIN document d ON d.document_id = c.document_id WHERE d.status = :extracted"
                        + " ORDER BY d.document_id, c.field")
                .param("extracted", DocumentStatus.EXTRACTED.code())
                .query((RowCallbackHandler) rs -> {
                    current.putIfAbsent(rs.getString(1), new Current(rs.getString(2), integer(rs, 3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                    answers.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(QuestionKind.of(rs.getString(7)), new String[] {rs.getString(8), rs.getString(9)});
                });
        int changed = 0;
        for (Map.Entry<String, Current> e : current.entrySet()) {
            Current now = e.getValue();
            Map<QuestionKind, String[]> given = answers.get(e.getKey());
            String[] agency = given.get(QuestionKind.AGENCY);
            String[] year = given.get(QuestionKind.REPORT_YEAR);
            String[] format = given.get(QuestionKind.FORMAT_VERSION);
            Placement placement = agency == null ? null
                    : Objects.requireNonNullElseGet(regions.placeIn(agency[0], agency[1]),
                            () -> regions.place(agency[0], ""));
            String newAgency = agency == null ? now.agency() : agency[0];
            Integer newYear = year == null ? now.year() : Integer.valueOf(year[0]);
            String newFormat = format == null ? now.format() : format[0];
            boolean same = Objects.equals(newAgency, now.agency()) && Objects.equals(newYear, now.year())
                    && Objects.equals(newFormat, now.format()) && (placement == null
                    || (Objects.equals(placement.regionCode(), Objects.requireNonNullElse(now.regionCode(), ""))
                    && Objects.equals(placement.agencyKey(), now.agencyKey())));
            if (same) {
                continue;
            }
            if (placement == null) {
                jdbc.sql("""
                                UPDATE document SET report_year = ?, format_version = ?,
                                       corrections_revision = nextval('document_revision_seq'),
                                       revision = nextval('document_revision_seq')
                                WHERE document_id = ?""")
                        .params(newYear, newFormat, e.getKey()).update();
            } else {
                jdbc.sql("""
                                UPDATE document SET agency = ?, report_year = ?, format_version = ?, region_code = ?,
                                       region_level = ?, province = ?, prefecture = ?, county = ?, agency_key = ?,
                                       corrections_revision = nextval('document_revision_seq'),
                                       revision = nextval('document_revision_seq')
                                WHERE document_id = ?""")
                        .params(newAgency, newYear, newFormat, placement.regionCode(), placement.regionLevel(),
                                placement.province(), placement.prefecture(), placement.county(),
                                placement.agencyKey(), e.getKey())
                        .update();
            }
            changed++;
        }
        return changed;
    }

    /** A stored answer to a document question. */
    public record StoredDocumentAnswer(String documentId, QuestionKind field, String value, String regionCode,
                                       String sha256, String by) {
    }

    /** Every stored answer to a document question, by document and field. */
    public List<StoredDocumentAnswer> allDocumentAnswers() {
        return jdbc.sql("SELECT document_id, field, value_text, region_code, sha256, corrected_by"
                        + " FROM document_correction ORDER BY document_id, field")
                .query((rs, n) -> new StoredDocumentAnswer(rs.getString(1), QuestionKind.of(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Every stored correction, by document and cell. */
    public List<StoredCorrection> all() {
        return jdbc.sql("SELECT document_id, table_code, row_code, column_code, source_file, sha256, value_number,"
                        + " corrected_by, corrected_at, note, forced FROM correction"
                        + " ORDER BY document_id, table_code, row_code, column_code")
                .query((rs, n) -> new StoredCorrection(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8),
                        rs.getTimestamp(9).toLocalDateTime(), rs.getString(10), rs.getBoolean(11)))
                .list();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
