package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * More extract threads than Hikari's default pool of 10 connections, with failing documents in every
 * partition: each partition holds its chunk's connection while it logs its failures, and the export
 * runs as many workers beside the step's own connection. The run must complete, not run dry.
 */
@IngestDatabaseTest(properties = {"etl.threads=12", "etl.chunk-size=2",
        "etl.parse.isolation=in-process"})
class ManyThreadsJobTest {

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

    @Test
    void twelveThreadsOverFailingDocumentsComplete() throws Exception {
        List<String> seeds = Fixtures.seedNames();
        byte[] seed = Files.readAllBytes(Fixtures.resource("seeds/" + seeds.get(0)));
        for (int i = 0; i < 24; i++) {
            // a unique last line: another document id, spread over the partitions
            Files.write(input.resolve("report-" + i + ".txt"), concat(seed, ("\n编号 " + i + "\n").getBytes(StandardCharsets.UTF_8)));
            Files.writeString(input.resolve("corrupt-" + i + ".pdf"), "%PDF-1.4\nnot really a pdf " + i + "\n");
        }

        Files.write(input.resolve("empty.pdf"), new byte[0]);

        JobExecution execution = jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(input, output, System.nanoTime()));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM document WHERE status = 'extracted'")).isEqualTo(24);
        assertThat(count("SELECT COUNT(*) FROM document WHERE status = 'failed'")).isEqualTo(25);
        assertThat(count("SELECT COUNT(*) FROM failure WHERE error_type = 'empty_file'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM failure WHERE error_type = 'parse_error'")).isEqualTo(24);
        assertThat(Fixtures.readCsv(output.resolve("failures.csv"))).hasSize(25);
        assertThat(Fixtures.readCsv(output.resolve("documents.csv"))).hasSize(49);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
