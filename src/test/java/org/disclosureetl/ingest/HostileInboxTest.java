package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.HostileCorpus;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A nightly inbox with hostile files among real reports: the run completes, every hostile file is in
 * the failure log (table, failures.csv and the run's log file) with a specific error type, and the
 * real reports are extracted as if the hostile files were not there.
 */
@IngestDatabaseTest
class HostileInboxTest {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job ingestJob;

    @TempDir
    Path input;
    @TempDir
    Path output;

    @Test
    void hostileFilesAreLoggedOneByOneAndTheRunGoesOn() throws Exception {
        HostileCorpus.empty(input);
        HostileCorpus.randomBytesPdf(input);
        HostileCorpus.truncatedDocx(input);
        HostileCorpus.encryptedPdf(input);
        HostileCorpus.zipBombDocx(input, 1L << 30);
        HostileCorpus.entityBombXml(input);
        HostileCorpus.entityBombDocx(input);
        HostileCorpus.hugeText(input, 100L << 20);
        HostileCorpus.notAReport(input);
        HostileCorpus.png(input);
        Files.copy(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"), input.resolve("002.txt"));
        Files.copy(Fixtures.resource("fixtures/formats/docx/004_48ee5ca18b0bc9b0.docx"), input.resolve("004.docx"));

        JobExecution execution = jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(input, output, System.nanoTime()));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> errorTypes = new LinkedHashMap<>();
        for (CSVRecord failure : read("failures.csv")) {
            assertThat(failure.get("step")).isEqualTo("extract");
            assertThat(failure.get("run_id")).isEqualTo(String.valueOf(execution.getId()));
            assertThat(failure.get("message")).isNotBlank();
            errorTypes.put(failure.get("source_file"), failure.get("error_type"));
        }
        assertThat(errorTypes).containsOnly(
                Map.entry("empty.pdf", "empty_file"),
                Map.entry("random.pdf", "parse_error"),
                Map.entry("truncated.docx", "parse_error"),
                Map.entry("encrypted.pdf", "encrypted"),
                Map.entry("zipbomb.docx", "parser_crash"),
                Map.entry("billion-laughs.xml", "parse_error"),
                Map.entry("billion-laughs.docx", "parse_error"),
                Map.entry("huge.txt", "output_limit"),
                Map.entry("picture.png", "unsupported_type"),
                Map.entry("garden-club.txt", "not_a_report"));
        Map<String, String> status = new LinkedHashMap<>();
        read("documents.csv").forEach(d -> status.put(d.get("source_file"), d.get("status") + "/" + d.get("cells")));
        assertThat(status).containsEntry("garden-club.txt", "not_a_report/0")
                .containsEntry("002.txt", "extracted/200").containsEntry("004.docx", "extracted/200")
                .containsEntry("zipbomb.docx", "failed/0").hasSize(12);
        List<String> runLog = Files.readAllLines(FailureRecorder.runLog(output, execution.getId()));
        assertThat(runLog).hasSize(10).anyMatch(line -> line.contains("\tzipbomb.docx\textract\tparser_crash\t"));
    }

    private List<CSVRecord> read(String file) {
        return Fixtures.readCsv(output.resolve(file));
    }
}
