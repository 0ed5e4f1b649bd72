package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.export.OutputSchema;
import org.disclosureetl.report.RunReports;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.disclosureetl.testsupport.TemporaryDatabase;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * documents.csv's ocr_pages on a real H2 file: a scanned PDF of four pages (src/test/resources/ocr/README.md), a
 * picture of one table page and a text report, through the job and its parser children as a run reads them.
 */
@IngestDatabaseTest
@Tag(TestKinds.OCR)
class OcrPagesJobTest {

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
    RunReports reports;

    @Test
    void thePagesReadByOcrAreStoredExportedAsTheLastColumnAndCountedInTheRunReport() throws Exception {
        TemporaryDatabase.deleteAllRows(jdbc);
        Files.copy(Fixtures.resource("ocr/004-scan-150dpi.pdf"), input.resolve("scan.pdf"));
        Files.copy(Fixtures.resource("ocr/002-page2-200dpi.png"), input.resolve("table.png"));
        Files.copy(Path.of("data/inbox/txt/000_e61bf2b8057539f0.txt"), input.resolve("text.txt"));

        JobExecution run = jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(input, output,
                System.nanoTime()));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<CSVRecord> documents = Fixtures.readCsv(output.resolve("documents.csv"));
        assertThat(documents.get(0).getParser().getHeaderNames()).last().isEqualTo("ocr_pages");
        assertThat(OutputSchema.DOCUMENTS).last().isEqualTo("ocr_pages");
        assertThat(documents).extracting(d -> d.get("source_file"), d -> d.get("status"), d -> d.get("ocr_pages"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("scan.pdf", "extracted", "1-4"),
                        org.assertj.core.groups.Tuple.tuple("table.png", "extracted", "1"),
                        org.assertj.core.groups.Tuple.tuple("text.txt", "extracted", ""));
        assertThat(jdbc.sql("SELECT source_file, ocr_pages FROM document ORDER BY source_file")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list())
                .containsExactly("scan.pdf=1-4", "table.png=1", "text.txt=null");
        assertThat(Files.readString(reports.write(run), StandardCharsets.UTF_8))
                .contains("<dt>pages read by OCR</dt><dd id=\"ocr-pages\">5 (in 2 documents;"
                        + " documents.csv's ocr_pages names them)</dd>");
    }
}
