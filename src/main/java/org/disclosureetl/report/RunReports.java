package org.disclosureetl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.disclosureetl.export.OutputFiles;
import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests;
import org.disclosureetl.store.ReportingQueries;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** Writes {@value #FILE} into a run's output folder once the run has ended (whatever its status). */
@Component
public class RunReports {

    public static final String FILE = "report.html";

    private final ReportingQueries queries;
    private final PartitionRequests partitions;
    private final DocumentRepository documents;

    public RunReports(ReportingQueries queries, PartitionRequests partitions, DocumentRepository documents) {
        this.queries = queries;
        this.partitions = partitions;
        this.documents = documents;
    }

    public RunReport collect(JobExecution execution) {
        long runId = execution.getId();
        @SuppressWarnings("unchecked")
        Map<String, Integer> discovery = (Map<String, Integer>) execution.getExecutionContext()
                .get(IngestJobConfiguration.DISCOVERY_KEY);
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        List<ReportingQueries.FailureRow> failures = new ArrayList<>();
        queries.forEachFailure(runId, failures::add);
        List<String> errors = execution.getAllFailureExceptions().stream().map(Throwable::toString).toList();
        return new RunReport(runId, execution.getStatus().name(), execution.getStartTime(), execution.getEndTime(), took,
                execution.getJobParameters().getString(IngestJobConfiguration.INPUT), execution.getJobParameters().getString(IngestJobConfiguration.OUTPUT),
                discovery == null ? Map.of() : discovery, queries.documentsOfRun(runId), queries.issuesOfRun(runId),
                failures, errors, partitions.attemptsOfRun(runId), documents.totals());
    }

    /** Writes the page through a temp file; returns its path. */
    public Path write(JobExecution execution) throws IOException {
        RunReport report = collect(execution);
        Path folder = Path.of(report.output());
        Files.createDirectories(folder);
        Path temp = OutputFiles.newScratch(folder, FILE);
        try {
            Files.writeString(temp, RunReportPage.render(report), StandardCharsets.UTF_8);
            Path target = folder.resolve(FILE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
