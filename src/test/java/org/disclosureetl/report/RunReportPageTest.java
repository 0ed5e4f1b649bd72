package org.disclosureetl.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.store.ReportingQueries.DocumentRow;
import org.disclosureetl.store.ReportingQueries.FailureRow;
import org.disclosureetl.store.ReportingQueries.IssueRow;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The run report of a real run over the sample inbox, opened in a real headless Chromium: it
 * renders, shows the run's numbers (as the CSV files count them) and logs nothing to the console.
 */
@Tag(TestKinds.BROWSER)
@IngestDatabaseTest
class RunReportPageTest {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job ingestJob;
    @Autowired
    RunReports reports;

    @Test
    void theReportOfARunOverTheSampleInboxRendersInChromiumWithTheRunsNumbers(@TempDir Path work) throws Exception {
        HeadlessChromium.assertInstalled();
        Path inbox = work.resolve("inbox");
        Fixtures.copySampleInbox(inbox);
        long files;
        try (var walk = Files.walk(inbox)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        Path output = work.resolve("out");
        JobExecution run = jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(inbox, output, System.nanoTime()));
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Path page = reports.write(run);
        HeadlessChromium.Page shown = HeadlessChromium.open(page, work);

        List<CSVRecord> documents = Fixtures.readCsv(output.resolve("documents.csv"));
        long cells = documents.stream().mapToLong(d -> Long.parseLong(d.get("cells"))).sum();
        List<CSVRecord> issues = Fixtures.readCsv(output.resolve("validation_issues.csv"));
        assertThat(page).isEqualTo(output.resolve("report.html"));
        assertThat(files).isEqualTo(19);
        assertThat(shown.console()).isEmpty();
        assertThat(shown.dom())
                .contains("<span id=\"run-id\">" + run.getId() + "</span>")
                .contains("class=\"status-COMPLETED\">COMPLETED</span>")
                .contains("<dd id=\"documents\">19 processed, 19 extracted, 0 without table, 0 not a report, 0 failed</dd>")
                .contains("<dd id=\"cells\">" + cells + "</dd>")
                .contains("<dd id=\"issues\">" + issues.size() + "</dd>")
                .contains("<dd>19 seen, 19 new, 0 changed, 0 unchanged, 0 deleted</dd>")
                .contains("<p id=\"failures\">No failures.</p>")
                .contains("肇庆市金融工作局");
        // documents per status: one bar per status, 19 extracted
        assertThat(shown.dom()).containsPattern("<svg id=\"chart-status\"[^>]*>\\s*<g class=\"bar\"><text x=\"0\" y=\"17\">extracted</text>"
                + "<rect x=\"200\" y=\"4\" width=\"360\"[^>]*></rect><text x=\"566\" y=\"17\">19</text></g>");
        // status by format: the inbox holds 2021 (000, 002, 004), 2019 (001) and legacy (003) reports
        long of2021 = documents.stream().filter(d -> d.get("format_version").equals("2021")).count();
        assertThat(shown.dom()).contains("<tr><td>2021</td><td class=\"n\">" + of2021 + "</td><td class=\"n\">" + of2021 + "</td></tr>")
                .contains("<tr><td>legacy</td><td class=\"n\">1</td><td class=\"n\">1</td></tr>");
        // issues by rule: every rule of validation_issues.csv with its count
        for (String rule : issues.stream().map(i -> i.get("rule")).distinct().toList()) {
            long n = issues.stream().filter(i -> i.get("rule").equals(rule)).count();
            assertThat(shown.dom()).contains("<tr><td>" + rule + "</td><td class=\"n\">" + n + "</td>");
        }
    }

    @Test
    void failuresIssuesAndHostileTextAreShownEscapedWithoutConsoleErrors(@TempDir Path work) throws Exception {
        HeadlessChromium.assertInstalled();
        DocumentRow failed = new DocumentRow("abc", "bad/<script>alert(1)</script>.pdf", "00", null, null, null, null,
                null, "failed", 0, 0, 0, true, null, null, null, null, null, null, 7L, null, null);
        DocumentRow report = new DocumentRow("def", "ok.txt", "11", "text/plain", "simplified", "洪泽区人民政府", 2023,
                "2021", "extracted", 3, 200, 1, true, "320813", "county", "江苏省", "淮安市", "洪泽区", "320813/人民政府", 7L, null, null);
        RunReport r = new RunReport(7, "COMPLETED", LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                LocalDateTime.of(2026, 1, 2, 3, 4, 9), Duration.ofMillis(4200), "/in", "/out",
                Map.of("files", 2, "added", 2, "changed", 0, "unchanged", 0, "deleted", 0), List.of(failed, report),
                List.of(new IssueRow("def", "ok.txt", "results_total", "applications", "results_total", "total", "12",
                        "13", "sum & total differ", "table 3 row 22")),
                List.of(new FailureRow(7L, "bad/<script>alert(1)</script>.pdf", "abc", "extract", "empty_file",
                        "the file is empty", LocalDateTime.of(2026, 1, 2, 3, 4, 6))), List.of());
        Path page = work.resolve("report.html");
        Files.writeString(page, RunReportPage.render(r));

        HeadlessChromium.Page shown = HeadlessChromium.open(page, work);

        assertThat(shown.console()).isEmpty();
        assertThat(shown.dom()).doesNotContain("<script>")
                .contains("<dd id=\"documents\">2 processed, 1 extracted, 0 without table, 0 not a report, 1 failed</dd>")
                .contains("<td>bad/&lt;script&gt;alert(1)&lt;/script&gt;.pdf</td><td>extract</td><td>empty_file</td>"
                        + "<td>the file is empty</td><td>2026-01-02 03:04:06</td>")
                .contains("<td>results_total</td><td>applications/results_total/total</td><td>table 3 row 22</td>"
                        + "<td class=\"n\">12</td><td class=\"n\">13</td><td>sum &amp; total differ</td>")
                .contains("<td>320813 江苏省 淮安市 洪泽区</td>")
                .contains("<dd>4.2 s</dd>");
    }

    @Test
    void theConsoleCheckCatchesWhatAPageLogs(@TempDir Path work) throws Exception {
        HeadlessChromium.assertInstalled();
        Path page = work.resolve("noisy.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                + "<script>console.error('boom')</script></body></html>");

        HeadlessChromium.Page shown = HeadlessChromium.open(page, work);

        assertThat(shown.console()).anyMatch(line -> line.contains("boom"));
    }

}
