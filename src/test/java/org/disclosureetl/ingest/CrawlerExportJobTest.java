package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.discover.InboxScanner;
import org.disclosureetl.export.CsvExporter;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.testsupport.ExportComparison;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.TemporaryDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ingest job over crawler exports on a real H2 file: one document per record with the record's number, the
 * cells of the crawler text file each record was made from, a second run that changes nothing, a changed export
 * whose dropped record is no longer current, a deleted one whose records are kept and marked absent, a bad record
 * failing alone and retried alone, and a CSV file that is no export failing as before. Each subclass names its
 * database: an H2 file ({@link H2CrawlerExportJobTest}) or a PostgreSQL server ({@link PostgresCrawlerExportJobTest}).
 */
abstract class CrawlerExportJobTest {

    @TempDir
    Path input;
    @TempDir
    Path output;

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job ingestJob;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentRepository documents;

    @BeforeEach
    void emptyDatabase() {
        TemporaryDatabase.deleteAllRows(jdbc);
    }

    @Test
    void anExportIsOneDocumentPerRecordAndFollowsItsFileThroughChangeAndDeletion() throws Exception {
        Path export = input.resolve("exports/reports.csv");
        Files.createDirectories(export.getParent());
        Files.copy(Fixtures.resource("fixtures/crawler/reports.csv"), export);
        for (String report : List.of("102.txt", "103.txt", "104.txt")) {
            Files.createDirectories(input.resolve("txt"));
            Files.copy(Fixtures.resource("real/" + report), input.resolve("txt/" + report));
        }
        Files.copy(Fixtures.resource("fixtures/crawler/population.csv"), input.resolve("population.csv"));

        JobExecution first = run();

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String sha256 = sha256Of("exports/reports.csv");
        List<CSVRecord> rows = ofFile("exports/reports.csv");
        assertThat(rows).extracting(r -> r.get("document_id"), r -> r.get("status"), r -> r.get("source_record"),
                r -> r.get("agency"), r -> r.get("report_year"), r -> r.get("format_version"), r -> r.get("present"))
                .containsExactly(
                        tuple(sha256.substring(0, 16), "split", "", "", "", "", "true"),
                        tuple(InboxScanner.recordDocumentId(sha256, 1), "extracted", "1", "平潭综合实验区公安局", "2019", "2019", "true"),
                        tuple(InboxScanner.recordDocumentId(sha256, 2), "extracted", "2", "平潭综合实验区公安局", "2022", "2021", "true"),
                        tuple(InboxScanner.recordDocumentId(sha256, 3), "extracted", "3", "平潭综合实验区财政金融局", "2025", "2021", "true"));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("sha256")).isEqualTo(sha256));
        assertThat(rows.subList(1, 4)).allSatisfy(r -> {
            assertThat(r.get("content_type")).isEqualTo("text/csv; charset=UTF-8");
            assertThat(r.get("region_code")).isEqualTo("350128");
        });
        assertThat(rows.get(0).get("content_type")).isEqualTo("text/csv; charset=UTF-8");
        assertThat(ofFile("txt/102.txt").get(0).get("source_record")).isEmpty();
        Map<String, Map<String, String>> cells = cellsByDocument();
        List<String> reports = List.of("txt/102.txt", "txt/103.txt", "txt/104.txt");
        for (int i = 0; i < 3; i++) {
            String record = rows.get(i + 1).get("document_id");
            assertThat(cells.get(record)).as(reports.get(i)).hasSize(Integer.parseInt(rows.get(i + 1).get("cells")))
                    .isEqualTo(cells.get(ofFile(reports.get(i)).get(0).get("document_id")));
        }
        assertThat(cells.get(rows.get(1).get("document_id"))).hasSize(198);
        String where = "record 3 line ";
        assertThat(observations(rows.get(3).get("document_id"))).isNotEmpty()
                .allSatisfy(o -> assertThat(o.get("source_location")).startsWith(where));
        assertThat(read("failures.csv")).extracting(f -> f.get("source_file"), f -> f.get("step"), f -> f.get("error_type"))
                .containsExactly(tuple("population.csv", "extract", "not_a_report"));
        assertThat(ofFile("population.csv").get(0).get("status")).isEqualTo("not_a_report");
        DocumentRepository.RunCounts counts = documents.countsOfRun(first.getId());
        assertThat(counts.processed()).isEqualTo(7);
        assertThat(counts.extracted()).isEqualTo(6);
        assertThat(counts.notReport()).isEqualTo(1);
        assertThat(counts.split()).isEqualTo(1);
        assertThat(counts.cells()).isEqualTo(2 * (198 + 200 + 200));

        Map<String, byte[]> firstExport = ExportComparison.exportBytes(output);
        long observationRows = count("observation");
        JobExecution second = run();

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE processed_run = ?").param(second.getId())
                .query(Long.class).single()).isZero();
        assertThat(count("observation")).isEqualTo(observationRows);
        Map<String, byte[]> secondExport = ExportComparison.exportBytes(output);
        for (String file : CsvExporter.FILES) {
            assertThat(secondExport.get(file)).as(file).isEqualTo(firstExport.get(file));
        }

        // the export without its second record (103): what was record 3 is now record 2
        List<String> oldIds = rows.stream().map(r -> r.get("document_id")).toList();
        writeWithout(export, 2);
        JobExecution changed = run();

        assertThat(changed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String newSha256 = sha256Of("exports/reports.csv");
        List<CSVRecord> newRows = ofFile("exports/reports.csv");
        assertThat(newRows).extracting(r -> r.get("document_id"), r -> r.get("status"), r -> r.get("source_record"),
                r -> r.get("report_year"))
                .containsExactly(tuple(newSha256.substring(0, 16), "split", "", ""),
                        tuple(InboxScanner.recordDocumentId(newSha256, 1), "extracted", "1", "2019"),
                        tuple(InboxScanner.recordDocumentId(newSha256, 2), "extracted", "2", "2025"));
        for (String old : oldIds) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE document_id = ?").param(old).query(Long.class)
                    .single()).as(old).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM observation WHERE document_id = ?").param(old).query(Long.class)
                    .single()).as(old).isZero();
        }
        assertThat(read("documents.csv")).filteredOn(r -> r.get("report_year").equals("2022"))
                .extracting(r -> r.get("source_file")).containsExactly("txt/103.txt");
        assertThat(cellsByDocument().get(newRows.get(2).get("document_id")))
                .isEqualTo(cellsByDocument().get(ofFile("txt/104.txt").get(0).get("document_id")));
        assertThat(observations(newRows.get(2).get("document_id")))
                .allSatisfy(o -> assertThat(o.get("source_location")).startsWith("record 2 line "));

        Files.delete(export);
        JobExecution deleted = run();

        assertThat(deleted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ofFile("exports/reports.csv")).extracting(r -> r.get("source_record"), r -> r.get("present"),
                r -> r.get("cells"))
                .containsExactly(tuple("", "false", "0"), tuple("1", "false", "198"), tuple("2", "false", "200"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM observation WHERE document_id = ?")
                .param(newRows.get(2).get("document_id")).query(Long.class).single()).isEqualTo(200);
    }

    @Test
    void aBadRecordFailsAloneIsLoggedWithItsFileAndIsRetriedAlone() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.resource("fixtures/crawler/reports.jsonl"));
        Files.writeString(input.resolve("reports.jsonl"), lines.get(0) + "\n{\"标题\": \"broken\n" + lines.get(2) + "\n");

        JobExecution first = run();

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String sha256 = sha256Of("reports.jsonl");
        assertThat(ofFile("reports.jsonl")).extracting(r -> r.get("source_record"), r -> r.get("status"),
                r -> r.get("report_year"), r -> r.get("content_type"))
                .containsExactly(tuple("", "split", "", "application/x-ndjson; charset=UTF-8"),
                        tuple("1", "extracted", "2019", "application/x-ndjson; charset=UTF-8"),
                        tuple("2", "failed", "", ""),
                        tuple("3", "extracted", "2025", "application/x-ndjson; charset=UTF-8"));
        String bad = InboxScanner.recordDocumentId(sha256, 2);
        assertThat(read("failures.csv")).extracting(f -> f.get("source_file"), f -> f.get("step"),
                f -> f.get("error_type"), f -> f.get("message"), f -> f.get("document_id"))
                .containsExactly(tuple("reports.jsonl", "extract", "parse_error", "record 2: not a JSON object", bad));
        assertThat(documents.countsOfRun(first.getId()).processed()).isEqualTo(3);

        assertThat(documents.requeueFailed(null, 3)).isEqualTo(1);
        JobExecution retry = run();

        assertThat(retry.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT document_id FROM document WHERE processed_run = ?").param(retry.getId())
                .query(String.class).list()).containsExactly(bad);
        assertThat(jdbc.sql("SELECT attempts FROM document WHERE document_id = ?").param(bad).query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(read("failures.csv")).extracting(f -> f.get("run_id"), f -> f.get("message"))
                .containsExactly(tuple(String.valueOf(first.getId()), "record 2: not a JSON object"),
                        tuple(String.valueOf(retry.getId()), "record 2: not a JSON object"));
        assertThat(ofFile("reports.jsonl")).extracting(r -> r.get("status"))
                .containsExactly("split", "extracted", "failed", "extracted");
    }

    /** The export again without one of its records, as its crawler would write it after a page went away. */
    private static void writeWithout(Path export, int record) throws IOException {
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(Files.newBufferedReader(export, StandardCharsets.UTF_8)).getRecords();
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(text)) {
            for (int i = 0; i < rows.size(); i++) { // row 0 is the header (after its byte-order mark)
                if (i != record) {
                    printer.printRecord(rows.get(i).toList());
                }
            }
        }
        Files.writeString(export, text.toString(), StandardCharsets.UTF_8);
    }

    private JobExecution run() throws Exception {
        return jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(input, output, System.nanoTime()));
    }

    private String sha256Of(String path) {
        return jdbc.sql("SELECT sha256 FROM source_file WHERE path = ?").param(path).query(String.class).single();
    }

    /** documents.csv's rows of one file, in their order there. */
    private List<CSVRecord> ofFile(String path) {
        return read("documents.csv").stream().filter(r -> r.get("source_file").equals(path)).toList();
    }

    private List<CSVRecord> observations(String documentId) {
        return read("observations.csv").stream().filter(o -> o.get("document_id").equals(documentId)).toList();
    }

    /** Each document's cells in observations.csv: code to value and raw value. */
    private Map<String, Map<String, String>> cellsByDocument() {
        Map<String, Map<String, String>> cells = new HashMap<>();
        for (CSVRecord o : read("observations.csv")) {
            cells.computeIfAbsent(o.get("document_id"), k -> new TreeMap<>()).put(
                    o.get("table_code") + "/" + o.get("row_code") + "/" + o.get("column_code"),
                    o.get("value") + " " + o.get("raw_value"));
        }
        return cells;
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private List<CSVRecord> read(String file) {
        return new ArrayList<>(Fixtures.readCsv(output.resolve(file)));
    }
}
