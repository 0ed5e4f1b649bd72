package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.export.CsvExporter;
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
 * The ingest job end to end on a real database and real files (an H2 file in {@link H2IngestJobTest}, a
 * PostgreSQL server in {@link PostgresIngestJobTest}; each subclass names its database): every fixture's cells land in
 * observations.csv, a second run changes nothing, a changed file replaces its rows, a deleted file's
 * rows are kept and marked.
 */
abstract class IngestJobTest {

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

    @BeforeEach
    void emptyDatabase() {
        TemporaryDatabase.deleteAllRows(jdbc);
    }

    @Test
    void everyFixtureLandsWithItsExpectedCellsAndASecondRunChangesNothing() throws Exception {
        Fixtures.copyAllTo(input);
        List<Fixtures.Fixture> fixtures = Fixtures.all();
        Map<String, Fixtures.Expected> expected = Fixtures.expected();

        JobExecution first = run();

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, CSVRecord> documents = Fixtures.byKey(read("documents.csv"), "source_file");
        assertThat(documents).hasSize(fixtures.size());
        Map<String, Map<String, String>> cells = new HashMap<>();
        for (CSVRecord o : read("observations.csv")) {
            cells.computeIfAbsent(o.get("document_id"), k -> new LinkedHashMap<>())
                    .put(o.get("table_code") + "/" + o.get("row_code") + "/" + o.get("column_code"), o.get("value"));
        }
        for (Fixtures.Fixture fixture : fixtures) {
            CSVRecord document = documents.get(fixture.path());
            assertThat(document.get("status")).as(fixture.path()).isEqualTo("extracted");
            Fixtures.Expected seed = expected.get(fixture.seed());
            if (seed == null) {
                continue; // the legacy seed: its cells are checked in FixtureAccuracyTest
            }
            assertThat(document.get("agency")).as(fixture.path()).isEqualTo(seed.agency());
            assertThat(document.get("report_year")).as(fixture.path()).isEqualTo(String.valueOf(seed.reportYear()));
            assertThat(document.get("format_version")).as(fixture.path()).isEqualTo(seed.formatVersion());
            assertThat(document.get("document_id")).isEqualTo(document.get("sha256").substring(0, 16));
            assertThat(cells.get(document.get("document_id"))).as(fixture.path())
                    .containsExactlyInAnyOrderEntriesOf(seed.cells());
        }
        assertThat(documents.get("seeds/003_1c21803a08480ac6.txt").get("format_version")).isEqualTo("legacy");
        assertThat(documents.get("seeds/000_e61bf2b8057539f0.txt").get("script")).isEqualTo("traditional");
        long observationRows = count("observation");
        Map<String, byte[]> firstExport = ExportComparison.exportBytes(output);
        // where the time went, from Micrometer: every document through each stage once, each step once
        Map<String, Long> timers = new HashMap<>();
        List<String> stageLines = Files.readAllLines(output.resolve("logs/run-" + first.getId() + "-stages.tsv"));
        assertThat(stageLines.get(0)).isEqualTo("meter\ttags\tcount\ttotal_ms\tmean_ms\tmax_ms");
        for (String line : stageLines.subList(1, stageLines.size())) {
            String[] f = line.split("\t");
            String key = f[0] + " " + f[1].replaceAll("(^|.*,)(stage|spring\\.batch\\.(step|job)\\.name)=([^,:]*).*", "$4");
            timers.merge(key, Long.parseLong(f[2]), Long::sum);
        }
        long n = fixtures.size();
        assertThat(timers).containsEntry("disclosure.stage parse", n).containsEntry("disclosure.stage normalize", n)
                .containsEntry("disclosure.stage extract", n).containsEntry("spring.batch.job ingest", 1L)
                .containsEntry("spring.batch.step discover", 1L).containsEntry("spring.batch.step extract", 1L)
                .containsEntry("spring.batch.step export", 1L).containsEntry("spring.batch.step extractPartition", 2L);

        JobExecution second = run();

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("observation")).isEqualTo(observationRows);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE processed_run = ?").param(second.getId())
                .query(Long.class).single()).isZero();
        Map<String, byte[]> secondExport = ExportComparison.exportBytes(output);
        for (String file : CsvExporter.FILES) {
            assertThat(secondExport.get(file)).as(file).isEqualTo(firstExport.get(file));
        }
    }

    @Test
    void aChangedFileReplacesItsRowsAndADeletedFileIsKeptAndMarked() throws Exception {
        Path report = input.resolve("a/002.txt");
        Files.createDirectories(report.getParent());
        String original = Files.readString(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"));
        Files.writeString(report, original);
        Path other = input.resolve("b/004.txt");
        Files.createDirectories(other.getParent());
        Files.copy(Fixtures.resource("seeds/004_48ee5ca18b0bc9b0.txt"), other);
        run();
        String oldId = documentIdOf("a/002.txt");

        // 行政许可 decisions 0 -> 5
        Files.writeString(report, original.replace("行政许可\t0", "行政许可\t5"));
        Files.delete(other);
        JobExecution changed = run();

        assertThat(changed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String newId = documentIdOf("a/002.txt");
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM observation WHERE document_id = ?").param(oldId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE document_id = ?").param(oldId)
                .query(Long.class).single()).isZero();
        Map<String, CSVRecord> documents = Fixtures.byKey(read("documents.csv"), "source_file");
        assertThat(documents).containsOnlyKeys("a/002.txt", "b/004.txt");
        assertThat(documents.get("a/002.txt").get("present")).isEqualTo("true");
        assertThat(documents.get("b/004.txt").get("present")).isEqualTo("false");
        assertThat(documents.get("b/004.txt").get("cells")).isEqualTo("200");
        List<CSVRecord> licensing = read("observations.csv").stream()
                .filter(o -> o.get("row_code").equals("art20_5.licensing")).toList();
        assertThat(licensing).extracting(o -> o.get("document_id"), o -> o.get("value"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(newId, "5"),
                        org.assertj.core.groups.Tuple.tuple(documents.get("b/004.txt").get("document_id"), "0"));
    }

    @Test
    void aFileWhoseSizeAndTimeAreUnchangedIsNotReadAgain() throws Exception {
        Path report = input.resolve("002.txt");
        String original = Files.readString(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"));
        Files.writeString(report, original);
        FileTime hourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(report, hourAgo);
        run();
        String firstId = documentIdOf("002.txt");

        // other bytes of the same length under the same time: taken as unchanged, the file is not read
        String edited = original.replace("行政许可\t0", "行政许可\t5");
        assertThat(edited).isNotEqualTo(original);
        Files.writeString(report, edited);
        Files.setLastModifiedTime(report, hourAgo);
        JobExecution untouched = run();

        assertThat(untouched.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(discovery(untouched)).containsEntry("unchanged", 1).containsEntry("changed", 0);
        assertThat(documentIdOf("002.txt")).isEqualTo(firstId);

        // a new time: hashed again, and the new content replaces the rows
        Files.setLastModifiedTime(report, FileTime.from(Instant.now().minus(30, ChronoUnit.MINUTES)));
        JobExecution touched = run();

        assertThat(discovery(touched)).containsEntry("unchanged", 0).containsEntry("changed", 1);
        assertThat(documentIdOf("002.txt")).isNotEqualTo(firstId);
    }

    @Test
    void aFileWrittenJustBeforeTheRunIsHashedAgainNextTime() throws Exception {
        Path report = input.resolve("002.txt");
        String original = Files.readString(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"));
        Files.writeString(report, original);
        FileTime written = Files.getLastModifiedTime(report);
        run();
        String firstId = documentIdOf("002.txt");

        // rewritten within the same clock tick: same size, same time; its time was too recent to trust
        Files.writeString(report, original.replace("行政许可\t0", "行政许可\t5"));
        Files.setLastModifiedTime(report, written);
        JobExecution second = run();

        assertThat(discovery(second)).containsEntry("changed", 1);
        assertThat(documentIdOf("002.txt")).isNotEqualTo(firstId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> discovery(JobExecution execution) {
        return (Map<String, Integer>) execution.getExecutionContext().get(IngestJobConfiguration.DISCOVERY_KEY);
    }

    @Test
    void aDocumentThatIsNotAReportIsRecordedWithAClearStatus() throws Exception {
        Files.writeString(input.resolve("notes.txt"), "Minutes of the weekly meeting.\nNothing to report.\n");
        Files.write(input.resolve("empty.pdf"), new byte[0]);

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, CSVRecord> documents = Fixtures.byKey(read("documents.csv"), "source_file");
        assertThat(documents.get("notes.txt").get("status")).isEqualTo("not_a_report");
        assertThat(documents.get("empty.pdf").get("status")).isEqualTo("failed");
        List<CSVRecord> failures = read("failures.csv");
        assertThat(failures).extracting(f -> f.get("source_file"), f -> f.get("step"), f -> f.get("error_type"),
                        f -> f.get("message"), f -> f.get("run_id"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("empty.pdf", "extract", "empty_file",
                                "the file is empty (0 bytes)", String.valueOf(execution.getId())),
                        org.assertj.core.groups.Tuple.tuple("notes.txt", "extract", "not_a_report",
                                "neither the title of an annual report nor any of its tables was found",
                                String.valueOf(execution.getId())));
    }

    private JobExecution run() throws Exception {
        return jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(input, output, System.nanoTime()));
    }

    private String documentIdOf(String path) {
        return jdbc.sql("SELECT document_id FROM source_file WHERE path = ?").param(path).query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private List<CSVRecord> read(String file) {
        return Fixtures.readCsv(output.resolve(file));
    }
}
