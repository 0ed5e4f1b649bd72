package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.disclosureetl.discover.InboxScanner;
import org.disclosureetl.export.CsvExporter;
import org.disclosureetl.export.ExportFilter;
import org.disclosureetl.export.ExportOptions;
import org.disclosureetl.export.Exports;
import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.extract.ReportIdentity;
import org.disclosureetl.normalize.Script;
import org.disclosureetl.region.Placement;
import org.disclosureetl.store.DatabaseFault;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.store.StoredDocument;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document that would kill its chunk: results the database refuses. Without a path of its own it
 * rolls back the chunk on every restart; here it is stored as failed and the rest of the chunk commits.
 * And the rows the writer renders for the export once the chunk committed: those the database gives back.
 */
@IngestDatabaseTest
class DocumentWriterTest {

    @TempDir
    Path output;

    @Autowired
    DocumentRepository documents;
    @Autowired
    FailureRecorder failures;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DatabaseFault databaseFault;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CsvExporter exporter;
    @Autowired
    Exports exports;

    @TempDir
    Path reference;

    @Test
    void aDocumentWhoseResultsTheDatabaseRefusesIsStoredAsFailedAndTheRestOfTheChunkCommits() throws IOException {
        StoredDocument good = register("aaaa000000000001", "good.txt");
        StoredDocument refused = register("bbbb000000000002", "refused.txt");
        DocumentWriter writer = writer();

        Placement zhanhe = new Placement("410411", "county", "河南省", "平顶山市", "湛河区", "湛河区金融工作局", null, null);
        new TransactionTemplate(transactionManager).executeWithoutResult(chunkTransaction -> writer.write(new Chunk<>(
                ProcessedDocument.extracted(good, extraction("湛河区金融工作局"), List.of(), zhanhe),
                ProcessedDocument.extracted(refused, extraction("局".repeat(300)), List.of(), zhanhe))));

        assertThat(jdbc.sql("SELECT source_file || ' ' || status || ' ' || cells || ' ' || attempts FROM document"
                + " WHERE source_file IN ('good.txt', 'refused.txt') ORDER BY 1")
                .query(String.class).list()).containsExactly("good.txt extracted 1 1", "refused.txt failed 0 1");
        // the region is written with the document's row: placed for the one stored, none for the one refused
        assertThat(jdbc.sql("SELECT source_file || ' ' || COALESCE(region_code, '-') || ' ' || COALESCE(county, '-')"
                + " || ' ' || COALESCE(agency_key, '-') FROM document WHERE source_file IN ('good.txt', 'refused.txt')"
                + " ORDER BY 1").query(String.class).list())
                .containsExactly("good.txt 410411 湛河区 湛河区金融工作局", "refused.txt - - -");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM observation WHERE document_id = 'aaaa000000000001'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT source_file || ' ' || step || ' ' || error_type || ' ' || attempt || ' ' || message FROM failure"
                + " WHERE source_file IN ('good.txt', 'refused.txt')")
                .query(String.class).list()).singleElement().asString().startsWith("refused.txt extract store_error 1 "
                + "the database refused the results: Value too long for column \"AGENCY CHARACTER VARYING(200)\": ");
        assertThat(fragments()).containsExactly("aaaa000000000001.7.csv");
    }

    @Test
    void aCrawlerExportsRecordTheDatabaseRefusesFailsAloneAndItsOtherRecordsAndTheExportAreStored() throws IOException {
        StoredDocument export = register("ffff000000000006", "exports/reports.csv");
        String sha256 = export.sha256();
        List<ProcessedDocument> records = List.of(
                ProcessedDocument.extracted(record(sha256, 1), extraction("湛河区金融工作局"), List.of(), null),
                ProcessedDocument.extracted(record(sha256, 2), extraction("局".repeat(300)), List.of(), null),
                ProcessedDocument.extracted(record(sha256, 3), extraction("湛河区财政局"), List.of(), null));
        DocumentWriter writer = writer();

        new TransactionTemplate(transactionManager).executeWithoutResult(chunkTransaction -> writer.write(new Chunk<>(
                ProcessedDocument.split(export, "text/csv; charset=UTF-8", records))));

        assertThat(jdbc.sql("SELECT COALESCE(CAST(source_record AS VARCHAR), '-') || ' ' || status || ' ' || cells"
                        + " || ' ' || attempts || ' ' || COALESCE(container_id, '-') || ' ' || source_file FROM document"
                        + " WHERE sha256 = ? ORDER BY COALESCE(source_record, 0)").param(sha256)
                .query(String.class).list()).containsExactly("- split 0 1 - exports/reports.csv",
                "1 extracted 1 1 ffff000000000006 exports/reports.csv",
                "2 failed 0 1 ffff000000000006 exports/reports.csv",
                "3 extracted 1 1 ffff000000000006 exports/reports.csv");
        assertThat(jdbc.sql("SELECT source_file || ' ' || error_type || ' ' || document_id || ' ' || message FROM failure"
                + " WHERE source_file = 'exports/reports.csv'")
                .query(String.class).list()).singleElement().asString().startsWith("exports/reports.csv store_error "
                + InboxScanner.recordDocumentId(sha256, 2) + " record 2: the database refused the results: ");
        assertThat(fragments()).containsExactlyInAnyOrder(InboxScanner.recordDocumentId(sha256, 1) + ".7.csv",
                InboxScanner.recordDocumentId(sha256, 3) + ".7.csv");
    }

    private static StoredDocument record(String sha256, int number) {
        return new StoredDocument(InboxScanner.recordDocumentId(sha256, number), sha256, "exports/reports.csv", 0, number);
    }

    @Test
    void aCommittedChunksRowsAreRenderedForTheExportAsTheDatabaseGivesThemBack() throws IOException {
        StoredDocument document = register("cccc000000000003", "long.txt");
        // out of template order, a value finer than the column's scale (half up: ...0001, half even: ...0000),
        // raw text and an expected value longer than their columns
        Observation second = new Observation("art20", "art20_5.licensing", "c2", new BigDecimal("2.00000000005"),
                "二" + "x".repeat(600), null, "许可", "新承办", "line 2", 1);
        Observation first = new Observation("art20", "art20_5.licensing", "c1", null, "-", null, "许可", "新制作",
                "line 1", 0);
        Finding finding = Finding.named("art20_sum").table("art20").expected("9".repeat(150)).actual("=1+1")
                .message("总计不符");
        Extraction extraction = new Extraction("text/plain", Script.SIMPLIFIED,
                new ReportIdentity("湛河区金融工作局", 2022, true), "2021", DocumentStatus.EXTRACTED, 1,
                List.of(second, first), List.of(), List.of());

        new TransactionTemplate(transactionManager).executeWithoutResult(chunkTransaction -> writer().write(
                new Chunk<>(ProcessedDocument.extracted(document, extraction, List.of(finding), null))));

        // a fresh folder has no fragments: its export renders every row from the database
        exports.export(reference, ExportFilter.ALL, ExportOptions.CSV);
        String cells = fragment("observations.csv", "cccc000000000003.7.csv");
        assertThat(cells.lines()).hasSize(2);
        assertThat(cells).startsWith("cccc000000000003,2022,湛河区金融工作局,2021,art20,art20_5.licensing,c1,,-,")
                .contains(",c2,2.0000000001,二xxx");
        assertThat(Files.readString(reference.resolve("observations.csv"))).contains(cells);
        String issues = fragment("validation_issues.csv", "cccc000000000003.7.csv");
        assertThat(issues).startsWith("cccc000000000003,art20_sum,art20,,," + "9".repeat(99) + "…,'=1+1,总计不符");
        assertThat(Files.readString(reference.resolve("validation_issues.csv"))).contains(issues);
    }

    @Test
    void aCellKeepsOnlyTheLabelsItsTemplateDoesNotGiveItAndTheExportPutsTheTemplatesBack() throws IOException {
        StoredDocument document = register("eeee000000000005", "legacy.txt");
        // a catalogue cell with its template's labels, one whose column the report labelled in its own words,
        // and an indicator the catalogue lacks, kept under a spare code with the label the report printed
        Observation listed = new Observation("statistics", "x.unlisted.1", "value", BigDecimal.TEN, "10", "件",
                "依申请公开数量", "统计数", "line 4", 0);
        Observation template = new Observation("statistics", "x.unlisted.2", "value", BigDecimal.ONE, "1", "件",
                "(未列入目录的指标 2: 见 row_label)", "统计数", "line 5", 1);
        Observation ownColumn = new Observation("statistics", "x.unlisted.3", "value", BigDecimal.ZERO, "0", "件",
                "(未列入目录的指标 3: 见 row_label)", "本年数", "line 6", 2);
        Extraction extraction = new Extraction("text/plain", Script.SIMPLIFIED,
                new ReportIdentity("湛河区金融工作局", 2012, true), "legacy", DocumentStatus.EXTRACTED, 1,
                List.of(listed, template, ownColumn), List.of(), List.of());

        new TransactionTemplate(transactionManager).executeWithoutResult(chunkTransaction -> writer().write(
                new Chunk<>(ProcessedDocument.extracted(document, extraction, List.of(), null))));

        assertThat(jdbc.sql("SELECT row_code || ' ' || COALESCE(row_label, 'NULL') || ' ' || COALESCE(column_label, 'NULL')"
                + " FROM observation WHERE document_id = 'eeee000000000005' ORDER BY ordinal").query(String.class).list())
                .containsExactly("x.unlisted.1 依申请公开数量 NULL", "x.unlisted.2 NULL NULL", "x.unlisted.3 NULL 本年数");
        exports.export(reference, ExportFilter.ALL, ExportOptions.CSV);
        String fromDatabase = Files.readString(reference.resolve("observations.csv"), StandardCharsets.UTF_8);
        assertThat(fromDatabase.lines().filter(line -> line.startsWith("eeee000000000005"))
                .map(line -> line.split(",")[5] + " " + line.split(",")[9] + " " + line.split(",")[10]))
                .containsExactly("x.unlisted.1 依申请公开数量 统计数", "x.unlisted.2 (未列入目录的指标 2: 见 row_label) 统计数",
                        "x.unlisted.3 (未列入目录的指标 3: 见 row_label) 本年数");
        // the rows rendered from the extraction in memory are those the database gives back
        assertThat(fromDatabase).contains(fragment("observations.csv", "eeee000000000005.7.csv"));
    }

    @Test
    void aChunkRolledBackLeavesNoRowsRenderedForTheExport() throws IOException {
        StoredDocument document = register("dddd000000000004", "rolled-back.txt");

        new TransactionTemplate(transactionManager).executeWithoutResult(chunkTransaction -> {
            writer().write(new Chunk<>(ProcessedDocument.extracted(document, extraction("湛河区金融工作局"), List.of(), null)));
            chunkTransaction.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT status FROM document WHERE document_id = 'dddd000000000004'").query(String.class)
                .single()).isEqualTo("pending");
        assertThat(fragments()).isEmpty();
    }

    @Test
    void theRunLogHasOneLinePerFailureWhenASavepointRollsBackAndTheChunkIsWrittenOneByOne() throws IOException {
        StoredDocument unreadable = register("abab000000000007", "unreadable.pdf");
        StoredDocument refused = register("bcbc000000000008", "too-long.txt");

        new TransactionTemplate(transactionManager).executeWithoutResult(chunkTransaction -> writer().write(new Chunk<>(
                ProcessedDocument.failed(unreadable, ErrorType.PARSE_ERROR, "broken xref table"),
                ProcessedDocument.extracted(refused, extraction("局".repeat(300)), List.of(), null))));

        // the savepoint that refused the chunk took back its rows; written one by one, each failure has one row, one line
        assertThat(runLogLines()).containsExactly("unreadable.pdf extract parse_error broken xref table",
                "too-long.txt extract store_error the database refused the results: Value too long for column");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM failure WHERE source_file IN ('unreadable.pdf', 'too-long.txt')")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aChunkRolledBackWritesNoRunLogLineAndItsRetryWritesOne() throws IOException {
        StoredDocument unreadable = register("cdcd000000000009", "retried.pdf");

        new TransactionTemplate(transactionManager).executeWithoutResult(chunkTransaction -> {
            writer().write(new Chunk<>(ProcessedDocument.failed(unreadable, ErrorType.PARSE_ERROR, "truncated")));
            chunkTransaction.setRollbackOnly();
        });
        assertThat(Files.exists(FailureRecorder.runLog(output, 7))).isFalse();

        new TransactionTemplate(transactionManager).executeWithoutResult(chunkTransaction -> writer().write(
                new Chunk<>(ProcessedDocument.failed(unreadable, ErrorType.PARSE_ERROR, "truncated"))));
        assertThat(runLogLines()).containsExactly("retried.pdf extract parse_error truncated");
    }

    /** The run log's lines without their time, a long message cut after its column name. */
    private List<String> runLogLines() throws IOException {
        return Files.readAllLines(FailureRecorder.runLog(output, 7), StandardCharsets.UTF_8).stream()
                .map(line -> String.join(" ", List.of(line.split("\t")).subList(1, 5)))
                .map(line -> line.replaceFirst("(Value too long for column).*", "$1")).toList();
    }

    private DocumentWriter writer() {
        return new DocumentWriter(documents, failures, output, 7, transactionManager, databaseFault, exporter);
    }

    /** The names of the observation fragments the writer left in the output folder. */
    private List<String> fragments() throws IOException {
        if (!Files.exists(output.resolve(".export"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(output.resolve(".export"))) {
            return files.filter(f -> f.getParent().getFileName().toString().equals("observations.csv"))
                    .map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private String fragment(String file, String name) throws IOException {
        try (Stream<Path> files = Files.walk(output.resolve(".export"))) {
            Path fragment = files.filter(f -> f.getFileName().toString().equals(name)
                    && f.getParent().getFileName().toString().equals(file)).findFirst().orElseThrow();
            return Files.readString(fragment, StandardCharsets.UTF_8);
        }
    }

    private StoredDocument register(String id, String file) {
        documents.registerIfAbsent(id, id + "0".repeat(48), file, 7);
        return new StoredDocument(id, id + "0".repeat(48), file, 0);
    }

    private static Extraction extraction(String agency) {
        Observation cell = new Observation("art20", "art20_5.licensing", "c1", BigDecimal.ONE, "1", null, "许可", "新制作",
                "line 1", 0);
        return new Extraction("text/plain", Script.SIMPLIFIED, new ReportIdentity(agency, 2022, true), "2021",
                DocumentStatus.EXTRACTED, 1, List.of(cell), List.of(), List.of());
    }
}
