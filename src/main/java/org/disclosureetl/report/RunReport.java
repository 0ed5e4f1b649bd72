package org.disclosureetl.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

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
 */
public record RunReport(long runId, String status, LocalDateTime start, LocalDateTime end, Duration took,
                        String input, String output, Map<String, Integer> discovery, List<DocumentRow> documents,
                        List<IssueRow> issues, List<FailureRow> failures, List<String> errors) {

    public RunReport {
        discovery = Map.copyOf(discovery);
        documents = List.copyOf(documents);
        issues = List.copyOf(issues);
        failures = List.copyOf(failures);
        errors = List.copyOf(errors);
    }

    public long count(String status) {
        return documents.stream().filter(d -> status.equals(d.status())).count();
    }

    public long cells() {
        return documents.stream().mapToLong(DocumentRow::cells).sum();
    }
}
