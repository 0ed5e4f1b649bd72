package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The parallel export on a real H2 file database filled by the ingest job from the fixtures: the
 * bytes do not depend on the number of workers or the slice size, and a worker that fails (cannot
 * write its part, or its query fails) fails the whole export without touching the previous files or
 * leaving scratch files behind.
 */
@IngestDatabaseTest
class ParallelCsvExportTest {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job ingestJob;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path work;

    /** The database is per class and only read by the tests: fill it once. */
    @BeforeEach
    void ingestOnce() throws Exception {
        if (count("SELECT COUNT(*) FROM document") > 0) {
            return;
        }
        Path input = Files.createDirectories(work.resolve("inbox"));
        Fixtures.copyAllTo(input);
        Files.writeString(input.resolve("notes.txt"), "Minutes of the weekly meeting.\nNothing to report.\n");
        Files.write(input.resolve("empty.pdf"), new byte[0]);
        var execution = jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(input, work.resolve("ingest-out"), System.nanoTime()));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // Issues with text that needs quoting (comma, quote, CRLF, formula) so the parts are not trivially short.
        List<String> ids = jdbcTemplate.queryForList("SELECT document_id FROM document ORDER BY document_id", String.class);
        int ordinal = 1000;
        for (String id : List.of(ids.get(0), ids.get(ids.size() / 2), ids.get(ids.size() - 1))) {
            jdbcTemplate.update("INSERT INTO validation_issue (document_id, ordinal, rule, table_code, row_code,"
                            + " column_code, expected, actual, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, ordinal++, "test_rule", "t3", "r,1", "c\"1", "=1+1", "a\r\nb", "说明, \"引号\"\n第二行");
        }
    }

    @Test
    void oneWorkerAndThreeWorkersWithTinySlicesWriteTheSameBytes() throws Exception {
        Map<String, Long> expectedRows = new LinkedHashMap<>();
        expectedRows.put("documents.csv", (long) Fixtures.all().size() + 2);
        expectedRows.put("observations.csv", count("SELECT COUNT(*) FROM observation"));
        expectedRows.put("validation_issues.csv", count("SELECT COUNT(*) FROM validation_issue")
                + count("SELECT COUNT(*) FROM series_issue"));
        expectedRows.put("failures.csv", 2L); // empty.pdf failed, notes.txt is not a report
        expectedRows.put("panel.csv", count("SELECT COUNT(*) FROM document WHERE status = 'extracted'"
                + " AND agency_key <> '' AND report_year IS NOT NULL AND duplicate_of IS NULL"));
        assertThat(expectedRows.get("observations.csv")).isGreaterThan(1000);
        assertThat(expectedRows.get("validation_issues.csv")).isGreaterThanOrEqualTo(3);

        Path serial = work.resolve("serial");
        CsvExporter.ExportResult reference = new CsvExporter(jdbcTemplate, 1, CsvExporter.MAX_SLICE)
                .export(serial, ExportFilter.ALL);
        assertThat(reference.rows()).containsExactlyEntriesOf(expectedRows);
        for (String file : CsvExporter.FILES) {
            assertThat(Fixtures.readCsv(serial.resolve(file))).as(file).hasSize(expectedRows.get(file).intValue());
        }
        // Rows are document by document in id order, each document's in ordinal order.
        assertThat(Fixtures.readCsv(serial.resolve("observations.csv"))).extracting(r -> r.get("document_id"))
                .containsExactlyElementsOf(jdbcTemplate.queryForList(
                        "SELECT document_id FROM observation ORDER BY document_id, ordinal", String.class));
        assertThat(Files.readString(serial.resolve("validation_issues.csv")))
                .startsWith("document_id,rule,table_code,row_code,column_code,expected,actual,message\r\n")
                .contains(",test_rule,t3,\"r,1\",\"c\"\"1\",'=1+1,\"a\r\nb\",");

        for (int[] config : new int[][] {{3, 1}, {3, 2}, {2, CsvExporter.MAX_SLICE}}) {
            Path parallel = work.resolve("threads" + config[0] + "-slice" + config[1]);
            CsvExporter.ExportResult result = new CsvExporter(jdbcTemplate, config[0], config[1])
                    .export(parallel, ExportFilter.ALL);
            assertThat(result.rows()).as("%s threads, slice %s", config[0], config[1])
                    .containsExactlyEntriesOf(expectedRows);
            assertSameBytes(parallel, serial);
        }
        assertNoExportThreadsLeft();
    }

    @Test
    void aFilteredExportIsTheSameWithManyParts() throws Exception {
        Map<String, Object> sample = jdbcTemplate.queryForMap(
                "SELECT report_year, table_code FROM observation o JOIN document d ON d.document_id = o.document_id"
                        + " WHERE d.report_year IS NOT NULL ORDER BY o.document_id, o.ordinal LIMIT 1");
        int year = ((Number) sample.get("REPORT_YEAR")).intValue();
        String table = (String) sample.get("TABLE_CODE");
        ExportFilter filter = new ExportFilter(year, null, null, table);
        long cells = count("SELECT COUNT(*) FROM observation o JOIN document d ON d.document_id = o.document_id"
                + " WHERE d.report_year = ? AND o.table_code = ?", year, table);
        long documents = count("SELECT COUNT(*) FROM document WHERE report_year = ?", year);
        assertThat(cells).isPositive().isLessThan(count("SELECT COUNT(*) FROM observation"));

        Path serial = work.resolve("serial");
        CsvExporter.ExportResult reference = new CsvExporter(jdbcTemplate, 1, CsvExporter.MAX_SLICE).export(serial, filter);
        Path parallel = work.resolve("parallel");
        CsvExporter.ExportResult result = new CsvExporter(jdbcTemplate, 3, 1).export(parallel, filter);

        assertThat(reference.rows().get("documents.csv")).isEqualTo(documents);
        assertThat(reference.rows().get("observations.csv")).isEqualTo(cells);
        assertThat(result.rows()).isEqualTo(reference.rows());
        assertThat(Fixtures.readCsv(parallel.resolve("observations.csv")))
                .allSatisfy(r -> assertThat(r.get("table_code")).isEqualTo(table))
                .allSatisfy(r -> assertThat(r.get("report_year")).isEqualTo(String.valueOf(year)));
        assertSameBytes(parallel, serial);
    }

    @Test
    void aWorkerThatCannotWriteItsPartFailsTheExportAndLeavesThePreviousFiles() throws Exception {
        Path folder = work.resolve("out");
        CsvExporter exporter = new CsvExporter(jdbcTemplate, 3, 1);
        exporter.export(folder, ExportFilter.ALL);
        Map<String, Snapshot> before = snapshot(folder);
        // A non-empty directory where the fourth observations part goes: that worker's open fails.
        Path blocker = Files.createDirectories(folder.resolve(".observations.csv.part00003.tmp"));
        Files.writeString(blocker.resolve("keep"), "not the exporter's");

        assertThatThrownBy(() -> exporter.export(folder, ExportFilter.ALL))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(".observations.csv.part00003.tmp");

        assertThat(snapshot(folder)).isEqualTo(before);
        assertThat(listing(folder)).containsExactlyInAnyOrder("documents.csv", "observations.csv",
                "validation_issues.csv", "failures.csv", "panel.csv", ".observations.csv.part00003.tmp");
        assertThat(Files.readString(blocker.resolve("keep"))).isEqualTo("not the exporter's");
        assertNoExportThreadsLeft();
    }

    @Test
    void aQueryFailingInOneWorkerFailsTheExportAndLeavesThePreviousFiles() throws Exception {
        Path folder = work.resolve("out");
        new CsvExporter(jdbcTemplate, 3, 1).export(folder, ExportFilter.ALL);
        Map<String, Snapshot> before = snapshot(folder);
        AtomicInteger observationStatements = new AtomicInteger();
        DataSource failing = failOnStatement(dataSource, "FROM observation", 3, observationStatements);

        assertThatThrownBy(() -> new CsvExporter(new JdbcTemplate(failing), 3, 1).export(folder, ExportFilter.ALL))
                .isInstanceOf(DataAccessException.class)
                .hasRootCauseMessage("injected failure");

        assertThat(observationStatements.get()).isGreaterThanOrEqualTo(3);
        assertThat(snapshot(folder)).isEqualTo(before);
        assertThat(listing(folder)).containsExactlyInAnyOrderElementsOf(CsvExporter.FILES);
        assertNoExportThreadsLeft();
    }

    /** Content and identity (inode) of a file: a replaced file has a new identity even with the same bytes. */
    private record Snapshot(String content, Object fileKey) {
    }

    private static Map<String, Snapshot> snapshot(Path folder) throws IOException {
        Map<String, Snapshot> files = new LinkedHashMap<>();
        for (String file : CsvExporter.FILES) {
            Path path = folder.resolve(file);
            files.put(file, new Snapshot(Files.readString(path),
                    Files.readAttributes(path, BasicFileAttributes.class).fileKey()));
        }
        assertThat(files.values()).allSatisfy(s -> assertThat(s.fileKey()).isNotNull());
        return files;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void assertSameBytes(Path actual, Path expected) throws IOException {
        assertThat(listing(actual)).containsExactlyInAnyOrderElementsOf(CsvExporter.FILES);
        for (String file : CsvExporter.FILES) {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(actual.getFileName() + "/" + file)
                    .isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
    }

    private static void assertNoExportThreadsLeft() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("csv-export-")) {
                thread.join(5_000); // a worker may still be returning from run() after the pool terminated
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("csv-export-"));
    }

    private long count(String sql, Object... params) {
        return jdbcTemplate.queryForObject(sql, Long.class, params);
    }

    /** Connections whose {@code nth} statement containing {@code sqlPart} (over all connections) fails to prepare. */
    private static DataSource failOnStatement(DataSource target, String sqlPart, int nth, AtomicInteger seen) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                                    && sql.contains(sqlPart) && seen.incrementAndGet() == nth) {
                                throw new SQLException("injected failure");
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
