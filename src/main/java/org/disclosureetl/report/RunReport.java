package org.disclosureetl.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.disclosureetl.parse.ocr.OcrPages;
import org.disclosureetl.store.DocumentRepository.RunCounts;
import org.disclosureetl.store.PartitionRequests.AttemptRow;
import org.disclosureetl.store.ReportingQueries.DocumentRow;
import org.disclosureetl.store.ReportingQueries.FailureRow;
import org.disclosureetl.store.ReportingQueries.IssueRow;

/**
 * What the report page of one run shows, collected once so the page is a pure rendering of it.
 *
 * @param discovery files seen/new/changed/unchanged/deleted, empty when discovery did not finish
 * @param documents the documents this run processed
 * @param issues    their validation issues
 * @param failures  the failure log entries of this run
 * @param partitionAttempts every send of an extract partition to a worker ({@code --workers=remote}; empty for
 *                  a local run), by partition and attempt: the later attempts are the partitions re-sent
 * @param database  the documents of the whole database, whichever run processed them (what the CSV files hold):
 *                  after a run that changed nothing they are the page's news; null when not known
 */
public record RunReport(long runId, String status, LocalDateTime start, LocalDateTime end, Duration took,
                        String input, String output, Map<String, Integer> discovery, List<DocumentRow> documents,
                        List<IssueRow> issues, List<FailureRow> failures, List<String> errors,
                        List<AttemptRow> partitionAttempts, RunCounts database) {

    public RunReport {
        discovery = Map.copyOf(discovery);
        documents = List.copyOf(documents);
        issues = List.copyOf(issues);
        failures = List.copyOf(failures);
        errors = List.copyOf(errors);
        partitionAttempts = List.copyOf(partitionAttempts);
    }

    /** A run whose extract partitions ran on its own threads. */
    public RunReport(long runId, String status, LocalDateTime start, LocalDateTime end, Duration took,
                     String input, String output, Map<String, Integer> discovery, List<DocumentRow> documents,
                     List<IssueRow> issues, List<FailureRow> failures, List<String> errors) {
        this(runId, status, start, end, took, input, output, discovery, documents, issues, failures, errors, List.of(),
                null);
    }

    /** The partitions sent to a worker again (after a worker was lost): their attempts after the first. */
    public long resent() {
        return partitionAttempts.stream().filter(AttemptRow::resent).count();
    }

    public long count(String status) {
        return documents.stream().filter(d -> status.equals(d.status())).count();
    }

    /** The pages this run's documents had read by OCR (documents.csv's ocr_pages, counted). */
    public long ocrPages() {
        return documents.stream().mapToLong(d -> OcrPages.count(d.ocrPages())).sum();
    }

    /** This run's documents with at least one page read by OCR. */
    public long ocrDocuments() {
        return documents.stream().filter(d -> OcrPages.count(d.ocrPages()) > 0).count();
    }

    public long cells() {
        return documents.stream().mapToLong(DocumentRow::cells).sum();
    }
}
