package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.codebook.Codebook;
import org.disclosureetl.export.CsvExporter;
import org.disclosureetl.export.ExportFilter;
import org.disclosureetl.export.ExportOptions;
import org.disclosureetl.export.Exports;
import org.disclosureetl.series.SeriesRule;
import org.disclosureetl.testsupport.ExportComparison;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.disclosureetl.testsupport.TemporaryDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The link step on a real H2 file: four reports of one agency made from real/103.txt (fixtures/series/README.md),
 * 2021, 2022 twice (a text file and a re-published web page with one figure corrected) and 2023.
 */
@IngestDatabaseTest
class SeriesJobTest {

    private static final String Y2021 = "369bd8d98e115f36";
    private static final String Y2022 = "1ba050be084c399d";
    private static final String Y2022_HTML = "69311e37480e8645";
    private static final String Y2023 = "015cfa2062dd8a7a";
    private static final List<String> FILES = List.of("2021.txt", "2022.txt", "2022-republished.html", "2023.txt");

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
    Exports exports;
    @Autowired
    Codebook codebook;

    @BeforeEach
    void emptyDatabase() throws IOException {
        TemporaryDatabase.deleteAllRows(jdbc);
        for (String file : FILES) {
            Files.copy(Fixtures.resource("fixtures/series/" + file), input.resolve(file));
        }
    }

    @Test
    void theSeriesIsLinkedIntoDuplicatesCrossYearIssuesAndThePanelAndASecondRunChangesNothing() throws Exception {
        JobExecution first = run();

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, CSVRecord> documents = Fixtures.byKey(read("documents.csv"), "source_file");
        assertThat(documents.values()).extracting(d -> d.get("source_file"), d -> d.get("document_id"),
                        d -> d.get("report_year"), d -> d.get("issues"), d -> d.get("duplicate_of"))
                .containsExactly(tuple("2021.txt", Y2021, "2021", "1", ""),
                        tuple("2022-republished.html", Y2022_HTML, "2022", "2", Y2022),
                        tuple("2022.txt", Y2022, "2022", "4", ""),
                        tuple("2023.txt", Y2023, "2023", "1", ""));
        // columns are only added at the end: duplicate_of came before paths (issue 27)
        assertThat(header(output.resolve("documents.csv"))).endsWith("duplicate_of", "paths", "ocr_pages");

        List<CSVRecord> series = seriesIssues();
        assertThat(series).extracting(i -> i.get("document_id"), i -> i.get("rule"), i -> i.get("table_code"),
                        i -> i.get("row_code"), i -> i.get("column_code"), i -> i.get("expected"), i -> i.get("actual"))
                .containsExactly(
                        tuple(Y2022, "carried_over_matches", "applications", "carried_over", "natural_person", "0", "1"),
                        tuple(Y2022, "carried_over_matches", "applications", "carried_over", "total", "0", "1"),
                        tuple(Y2022, "in_force_moves", "proactive", "art20_1.normative_docs", "in_force", "10", "7"),
                        tuple(Y2022_HTML, "duplicate_differs", "proactive", "art20_6.penalty", "decisions", "157",
                                "158"));
        assertThat(series.get(0).get("message")).isEqualTo("applications/carried_over/natural_person is 1 in the 2022"
                + " report (document " + Y2022 + ", file 2022.txt), but carried_forward 0 (2021) = 0 with the 2021"
                + " report (document " + Y2021 + ", file 2021.txt)");
        assertThat(series.get(3).get("message")).isEqualTo("proactive/art20_6.penalty/decisions is 158 in this"
                + " duplicate, the 2022 report (document " + Y2022_HTML + ", file 2022-republished.html), but 157 in"
                + " the series' copy of 350128/公安局 2022, the 2022 report (document " + Y2022 + ", file 2022.txt)");
        // a document's series issues come after its own
        List<String> rulesOf2022 = read("validation_issues.csv").stream()
                .filter(i -> i.get("document_id").equals(Y2022)).map(i -> i.get("rule")).toList();
        assertThat(rulesOf2022).containsExactly("split_run_together", "carried_over_matches", "carried_over_matches",
                "in_force_moves");

        List<CSVRecord> panel = read("panel.csv");
        List<String> header = header(output.resolve("panel.csv"));
        assertThat(header.subList(0, 13)).containsExactly("agency_key", "agency", "report_year", "region_code",
                "province", "prefecture", "county", "format_version", "document_id", "proactive.art20_1.rules.issued",
                "proactive.art20_1.rules.repealed", "proactive.art20_1.rules.in_force", "proactive.art20_1.rules.made");
        assertThat(header).hasSize(9 + codebook.entries().size());
        assertThat(panel).extracting(p -> p.get("agency_key"), p -> p.get("report_year"), p -> p.get("document_id"),
                        p -> p.get("region_code"), p -> p.get("format_version"),
                        p -> p.get("applications.carried_over.total"),
                        p -> p.get("proactive.art20_1.normative_docs.in_force"),
                        p -> p.get("proactive.art20_6.penalty.decisions"),
                        p -> p.get("proactive.art20_1.rules.made"))
                .containsExactly(tuple("350128/公安局", "2021", Y2021, "350128", "2021", "1", "7", "157", ""),
                        tuple("350128/公安局", "2022", Y2022, "350128", "2021", "1", "7", "157", ""),
                        tuple("350128/公安局", "2023", Y2023, "350128", "2021", "0", "7", "157", ""));

        Map<String, byte[]> firstExport = ExportComparison.exportBytes(output);
        JobExecution second = run();

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(linkStep(second).getWriteCount()).isZero();
        Map<String, byte[]> secondExport = ExportComparison.exportBytes(output);
        for (String file : CsvExporter.FILES) {
            assertThat(secondExport.get(file)).as(file).isEqualTo(firstExport.get(file));
        }
        // the same from the database again, without the fragments
        Path again = output.resolve("again");
        exports.export(again, ExportFilter.ALL, ExportOptions.CSV);
        for (String file : CsvExporter.FILES) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file).isEqualTo(firstExport.get(file));
        }
    }

    @Test
    void theFiltersOfAnExportFilterThePanel() throws Exception {
        run();

        Path year = output.resolve("year");
        exports.export(year, new ExportFilter(2022, null, null, null), ExportOptions.CSV);
        assertThat(Fixtures.readCsv(year.resolve("panel.csv"))).extracting(p -> p.get("document_id"))
                .containsExactly(Y2022);
        Path table = output.resolve("table");
        exports.export(table, new ExportFilter(null, null, null, "review_litigation"), ExportOptions.CSV);
        List<CSVRecord> panel = Fixtures.readCsv(table.resolve("panel.csv"));
        assertThat(panel).hasSize(3);
        assertThat(header(table.resolve("panel.csv"))).hasSize(9 + (int) codebook.entries().stream()
                .filter(e -> e.tableCode().equals("review_litigation")).count())
                .element(9).asString().startsWith("review_litigation.");
        Path agency = output.resolve("agency");
        exports.export(agency, new ExportFilter(null, "财政", null, null), ExportOptions.CSV);
        assertThat(Fixtures.readCsv(agency.resolve("panel.csv"))).isEmpty();
    }

    @Test
    void aReportWhoseYearChangesLeavesItsSeriesAndTheIssuesFollow() throws Exception {
        run();
        Map<String, byte[]> before = ExportComparison.exportBytes(output);

        // 2021.txt is now the 2020 report: 2020 and 2022 are not consecutive, so 2022 is compared with nothing
        Path report = input.resolve("2021.txt");
        Files.writeString(report, Files.readString(report).replace("2021", "2020"));
        JobExecution changed = run();

        assertThat(changed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, CSVRecord> documents = Fixtures.byKey(read("documents.csv"), "source_file");
        assertThat(documents.get("2021.txt").get("report_year")).isEqualTo("2020");
        assertThat(documents.get("2022.txt").get("issues")).isEqualTo("1");
        assertThat(seriesIssues().stream())
                .extracting(i -> i.get("document_id"), i -> i.get("rule"))
                .containsExactly(tuple(Y2022_HTML, "duplicate_differs"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM series_issue WHERE document_id = ?").param(Y2022)
                .query(Long.class).single()).isZero();
        assertThat(read("panel.csv")).extracting(p -> p.get("report_year")).containsExactly("2020", "2022", "2023");
        assertThat(ExportComparison.exportBytes(output).get("panel.csv")).isNotEqualTo(before.get("panel.csv"));

        // and back: the issues return
        Files.writeString(report, Files.readString(Fixtures.resource("fixtures/series/2021.txt")));
        run();
        assertThat(ExportComparison.exportBytes(output).get("validation_issues.csv")).isEqualTo(before.get("validation_issues.csv"));
        assertThat(ExportComparison.exportBytes(output).get("panel.csv")).isEqualTo(before.get("panel.csv"));
    }

    @Test
    void whenTheCopyIsReprocessedAwayTheDuplicateBecomesTheCopy() throws Exception {
        run();

        // 2022.txt becomes a 2024 report: the web page is the only 2022 report left, so the copy
        Path report = input.resolve("2022.txt");
        Files.writeString(report, Files.readString(report).replace("2022", "2024"));
        run();

        Map<String, CSVRecord> documents = Fixtures.byKey(read("documents.csv"), "source_file");
        String y2024 = documents.get("2022.txt").get("document_id");
        assertThat(documents.get("2022-republished.html").get("duplicate_of")).isEmpty();
        // the web page now breaks the 2021 -> 2022 checks; the new 2024 report those of 2023 -> 2024
        assertThat(seriesIssues().stream())
                .extracting(i -> i.get("document_id"), i -> i.get("rule"), i -> i.get("row_code"))
                .containsExactlyInAnyOrder(tuple(Y2022_HTML, "carried_over_matches", "carried_over"),
                        tuple(Y2022_HTML, "carried_over_matches", "carried_over"),
                        tuple(Y2022_HTML, "in_force_moves", "art20_1.normative_docs"),
                        tuple(y2024, "carried_over_matches", "carried_over"),
                        tuple(y2024, "carried_over_matches", "carried_over"),
                        tuple(y2024, "in_force_moves", "art20_1.normative_docs"));
        assertThat(read("panel.csv")).extracting(p -> p.get("report_year"), p -> p.get("document_id"))
                .containsExactly(tuple("2021", Y2021), tuple("2022", Y2022_HTML), tuple("2023", Y2023),
                        tuple("2024", y2024));
    }

    @Test
    void anAmbiguousRunIsSettledByTheYearBeforeAndEmptiedAgainWhenThatYearChanges() throws Exception {
        // 2024 prints its normative documents as 3010: 3 0 10 or 30 1 0; with 2023's 7 in force only 7 + 3 - 0 = 10 fits
        Files.copy(Fixtures.resource("fixtures/series/2024-ambiguous.txt"), input.resolve("2024-ambiguous.txt"));
        run();

        String y2024 = Fixtures.byKey(read("documents.csv"), "source_file").get("2024-ambiguous.txt").get("document_id");
        List<CSVRecord> issues = read("validation_issues.csv").stream().filter(i -> i.get("document_id").equals(y2024))
                .toList();
        assertThat(issues).extracting(i -> i.get("rule"), i -> i.get("column_code"), i -> i.get("expected"),
                        i -> i.get("actual"))
                .containsExactly(tuple("ambiguous_reading", "issued", "3|30", "3010"),
                        tuple("ambiguous_reading", "repealed", "0|1", "3010"),
                        tuple("ambiguous_reading", "in_force", "10|0", "3010"),
                        tuple("settled_by_series", "issued", "", "3"),
                        tuple("settled_by_series", "repealed", "", "0"),
                        tuple("settled_by_series", "in_force", "", "10"));
        assertThat(issues.get(5).get("message")).isEqualTo("proactive/art20_1.normative_docs/in_force is 10 in the 2024"
                + " report (document " + y2024 + ", file 2024-ambiguous.txt): of the 2 readings of 3010 only reading 1"
                + " agrees with in_force_moves against the 2023 report (document " + Y2023 + ", file 2023.txt)");
        assertThat(normativeDocs(y2024)).containsExactly("3", "0", "10");
        assertThat(normativeDocsSources(y2024)).containsExactly("settled_by_series", "settled_by_series",
                "settled_by_series");
        assertThat(read("panel.csv").stream().filter(p -> p.get("document_id").equals(y2024))
                .map(p -> p.get("proactive.art20_1.normative_docs.in_force"))).containsExactly("10");
        Map<String, byte[]> settled = ExportComparison.exportBytes(output);
        run();
        assertThat(ExportComparison.exportBytes(output)).as("a second run").containsExactlyInAnyOrderEntriesOf(settled);

        // 2023 now prints 9 in force: neither reading of 2024 fits, the cells are empty again
        Path report = input.resolve("2023.txt");
        Files.writeString(report, Files.readString(report).replace("行政规范性文件117", "行政规范性文件119"));
        run();

        assertThat(normativeDocs(y2024)).containsExactly("", "", "");
        assertThat(normativeDocsSources(y2024)).containsExactly("", "", "");
        assertThat(read("validation_issues.csv").stream().filter(i -> i.get("document_id").equals(y2024))
                .map(i -> i.get("rule"))).containsOnly("ambiguous_reading");
        assertThat(read("panel.csv").stream().filter(p -> p.get("document_id").equals(y2024))
                .map(p -> p.get("proactive.art20_1.normative_docs.in_force"))).containsExactly("");
    }

    /** issued, repealed and in_force of the normative documents of a document in observations.csv. */
    private List<String> normativeDocs(String documentId) {
        return read("observations.csv").stream()
                .filter(o -> o.get("document_id").equals(documentId)
                        && o.get("row_code").equals("art20_1.normative_docs"))
                .map(o -> o.get("value")).toList();
    }

    /** The value_source of those cells. */
    private List<String> normativeDocsSources(String documentId) {
        return read("observations.csv").stream()
                .filter(o -> o.get("document_id").equals(documentId)
                        && o.get("row_code").equals("art20_1.normative_docs"))
                .map(o -> o.get("value_source")).toList();
    }

    /** The rows of validation_issues.csv of the series' rules. */
    private List<CSVRecord> seriesIssues() {
        Set<String> rules = Arrays.stream(SeriesRule.values()).map(SeriesRule::code).collect(Collectors.toSet());
        return read("validation_issues.csv").stream().filter(i -> rules.contains(i.get("rule"))).toList();
    }

    /** The header row of a CSV file (its names hold no commas or quotes). */
    private static List<String> header(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        return List.of(first.split(",", -1));
    }

    private StepExecution linkStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(IngestJobConfiguration.LINK_STEP)).findFirst().orElseThrow();
    }

    private JobExecution run() throws Exception {
        return jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(input, output, System.nanoTime()));
    }

    private List<CSVRecord> read(String file) {
        return Fixtures.readCsv(output.resolve(file));
    }
}
