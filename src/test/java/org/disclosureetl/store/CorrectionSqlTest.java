package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.disclosureetl.ingest.SeriesLinkTasklet;
import org.disclosureetl.store.CorrectionRepository.AnsweredDocument;
import org.disclosureetl.store.CorrectionRepository.Correction;
import org.disclosureetl.store.CorrectionRepository.DocumentAnswer;
import org.disclosureetl.store.CorrectionRepository.Question;
import org.disclosureetl.vocabulary.QuestionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL of the analyst's loop (store/CorrectionRepository, V19 and V21) on a real database (an H2 file in
 * {@link H2CorrectionSqlTest}, a PostgreSQL server in {@link PostgresCorrectionSqlTest}): the open questions of
 * flagged cells, of cells inside a broken identity and of an unknown agency; answers to cells and to the agency and
 * year stored and put in the document's row, again after a reprocess wrote it from the text; the link that follows
 * makes the document its series' duplicate; the file changed, every answer comes back as stale.
 */
abstract class CorrectionSqlTest {

    private static final String FILE = "a.txt";
    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 7, 20, 15, 0);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CorrectionRepository corrections;
    @Autowired
    SeriesRepository series;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void emptyTables() {
        for (String table : List.of("correction", "document_correction", "observation", "validation_issue",
                "series_issue", "series_link", "document")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @Test
    void questionsAnswersReprocessLinkAndStale() {
        // a.txt: agency unknown, a run of digits with two readings, applicant_total broken in row new
        document("a1", FILE, null, null);
        cell("a1", 0, "applications", "new", "total", "10");
        cell("a1", 1, "applications", "new", "natural_person", "7");
        cell("a1", 2, "applications", "new", "commercial_enterprise", "2");
        cell("a1", 3, "applications", "carried_over", "total", "4");
        cell("a1", 4, "proactive", "art20_6.penalty", "prev_items", null);
        issue("a1", 0, "ambiguous_reading", "proactive", "art20_6.penalty", "prev_items", "3|35");
        issue("a1", 1, "applicant_total", "applications", "new", null, "9");
        issue("a1", 2, "agency_unknown", null, null, null, null);
        // b.txt: the same agency's report of the same year, placed
        document("b1", "b.txt", "平潭综合实验区公安局", "350128/公安局");
        cell("b1", 0, "applications", "new", "total", "10");

        assertThat(questions()).containsExactly(
                "cell a1 proactive/art20_6.penalty/prev_items ambiguous_reading null",
                "identity_cell a1 applications/new/total applicant_total null",
                "identity_cell a1 applications/new/natural_person applicant_total null",
                "identity_cell a1 applications/new/commercial_enterprise applicant_total null",
                "agency a1 null/null/null agency_unknown null");

        AnsweredDocument a1 = corrections.document("a1").orElseThrow();
        corrections.save(a1, List.of(new Correction("proactive", "art20_6.penalty", "prev_items", new BigDecimal("35"),
                "li", null, false), new Correction("applications", "new", "natural_person", new BigDecimal("8"), "li",
                "the PDF prints 8", false)), AT);
        corrections.saveDocumentAnswers(a1, List.of(
                new DocumentAnswer(QuestionKind.AGENCY, "平潭综合实验区公安局", "350128", "li", "the site's column"),
                new DocumentAnswer(QuestionKind.REPORT_YEAR, "2022", null, "li", null)), AT);

        assertThat(row("a1")).containsExactly("平潭综合实验区公安局", "2022", "350128", "county", "福建省", "福州市",
                "平潭县", "350128/公安局");
        assertThat(questions()).containsExactly(
                "identity_cell a1 applications/new/total applicant_total null",
                "identity_cell a1 applications/new/commercial_enterprise applicant_total null");
        assertThat(corrections.allDocumentAnswers()).extracting(a -> a.field().code() + " " + a.value() + " " + a.regionCode())
                .containsExactly("agency 平潭综合实验区公安局 350128", "report_year 2022 null");
        assertThat(corrections.applyDocumentAnswers()).as("nothing to put back").isZero();

        // a reprocess writes the row from the text again; the link step puts the answers back and links
        jdbc.sql("UPDATE document SET agency = NULL, report_year = 2021, region_code = '', agency_key = NULL"
                + " WHERE document_id = 'a1'").update();
        SeriesLinkTasklet.Summary linked = new TransactionTemplate(transactionManager)
                .execute(status -> new SeriesLinkTasklet(series, corrections).link());
        assertThat(linked).isEqualTo(new SeriesLinkTasklet.Summary(1, 2, 1));
        assertThat(row("a1")).containsExactly("平潭综合实验区公安局", "2022", "350128", "county", "福建省", "福州市",
                "平潭县", "350128/公安局");
        Map<String, Object> duplicates = Map.of(
                "a1", String.valueOf(jdbc.sql("SELECT duplicate_of FROM document WHERE document_id = 'a1'")
                        .query(String.class).optional().orElse(null)),
                "b1", String.valueOf(jdbc.sql("SELECT duplicate_of FROM document WHERE document_id = 'b1'")
                        .query(String.class).optional().orElse(null)));
        // one report in two files: the answered one (first by id, as many cells and issues) is the copy
        assertThat(duplicates).isEqualTo(Map.of("a1", "null", "b1", "a1"));

        // the file changes: a new document of the same file, whose questions carry the earlier answers
        jdbc.sql("UPDATE document SET present = FALSE WHERE document_id = 'a1'").update();
        document("a2", FILE, null, null);
        cell("a2", 0, "proactive", "art20_6.penalty", "prev_items", null);
        issue("a2", 0, "agency_unknown", null, null, null, null);
        assertThat(corrections.applyDocumentAnswers()).isZero();
        List<Question> stale = corrections.openQuestions(ReportingQueries.Selection.ALL).stream()
                .filter(q -> q.documentId().equals("a2")).toList();
        assertThat(stale).extracting(q -> q.kind().code() + " " + q.tableCode() + "/" + q.rowCode() + "/"
                        + q.columnCode() + " " + q.earlier())
                .containsExactly(
                        "agency null/null/null 平潭综合实验区公安局 (region 350128) by li at 2026-12-07T20:15 for the"
                                + " file's earlier bytes (sha256 aaaaaaaaaaaaaaaa…): the site's column",
                        "report_year null/null/null 2022 by li at 2026-12-07T20:15 for the file's earlier bytes"
                                + " (sha256 aaaaaaaaaaaaaaaa…)",
                        "stale_correction applications/new/natural_person 8 by li at 2026-12-07T20:15 for the"
                                + " file's earlier bytes (sha256 aaaaaaaaaaaaaaaa…): the PDF prints 8",
                        "stale_correction proactive/art20_6.penalty/prev_items 35 by li at 2026-12-07T20:15 for the"
                                + " file's earlier bytes (sha256 aaaaaaaaaaaaaaaa…)");
        assertThat(row("a2").get(0)).isNull();
    }

    private List<String> questions() {
        return corrections.openQuestions(ReportingQueries.Selection.ALL).stream()
                .map(q -> q.kind().code() + " " + q.documentId() + " " + q.tableCode() + "/" + q.rowCode() + "/"
                        + q.columnCode() + " " + q.rule() + " " + q.earlier())
                .toList();
    }

    private List<String> row(String documentId) {
        return jdbc.sql("SELECT agency, report_year, region_code, region_level, province, prefecture, county,"
                        + " agency_key FROM document WHERE document_id = ?")
                .param(documentId)
                .query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .single();
    }

    private void document(String id, String file, String agency, String agencyKey) {
        jdbc.sql("INSERT INTO document (document_id, sha256, source_file, agency, report_year, format_version, status,"
                        + " cells, partition_key, agency_key, revision)"
                        + " VALUES (?, ?, ?, ?, 2022, '2021', 'extracted', 1, 0, ?, nextval('document_revision_seq'))")
                .params(id, id.substring(0, 1).repeat(64 - id.length()) + id, file, agency, agencyKey).update();
    }

    private void cell(String document, int ordinal, String table, String row, String column, String value) {
        jdbc.sql("INSERT INTO observation (document_id, ordinal, table_code, row_code, column_code, value_number,"
                        + " raw_value) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(document, ordinal, table, row, column, value == null ? null : new BigDecimal(value),
                        value == null ? "3500" : value)
                .update();
    }

    private void issue(String document, int ordinal, String rule, String table, String row, String column,
                       String expected) {
        jdbc.sql("INSERT INTO validation_issue (document_id, ordinal, rule, table_code, row_code, column_code, expected,"
                        + " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(document, ordinal, rule, table, row, column, expected, rule + " here")
                .update();
    }
}
