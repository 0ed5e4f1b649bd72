package org.disclosureetl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.disclosureetl.ingest.FailureRecorder;
import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.report.RunReports;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** The end-of-run summary on the console: counts, files, the report page, and for a run that did not complete its cause and resume line. */
@Component
class RunSummary {

    private final JobRepository jobRepository;
    private final DocumentRepository documents;
    private final RunReports reports;
    private final PartitionRequests partitionRequests;
    private final PrintStream out = System.out;

    RunSummary(JobRepository jobRepository, DocumentRepository documents, RunReports reports,
               PartitionRequests partitionRequests) {
        this.jobRepository = jobRepository;
        this.documents = documents;
        this.reports = reports;
        this.partitionRequests = partitionRequests;
    }

    /** Prints the summary of a run that ended and gives the exit code. */
    int report(JobExecution execution) {
        long runId = execution.getId();
        DocumentRepository.RunCounts counts = documents.countsOfRun(runId);
        @SuppressWarnings("unchecked")
        Map<String, Integer> discovery = (Map<String, Integer>) execution.getExecutionContext()
                .get(IngestJobConfiguration.DISCOVERY_KEY);
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        // the run this one resumes is the instance's latest before it (executions come in no set order)
        long resumed = jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .mapToLong(JobExecution::getId).filter(id -> id < runId).max().orElse(-1);
        // UNKNOWN: the run failed and the database failed as its failure was saved (a full disk); to the user it failed
        boolean unsaved = execution.getStatus() == BatchStatus.UNKNOWN;
        out.printf("run %d %s in %.1f s%s%n", runId, unsaved ? BatchStatus.FAILED : execution.getStatus(),
                took.toMillis() / 1000.0, resumed < 0 ? "" : " (resumes run " + resumed + ")");
        if (unsaved) {
            out.println("  its failure could not be saved in the database (UNKNOWN there); restart marks it FAILED and resumes it");
        }
        if (discovery != null) {
            out.printf("  files: %d seen, %d new, %d changed, %d unchanged, %d deleted%n", discovery.get("files"),
                    discovery.get("added"), discovery.get("changed"), discovery.get("unchanged"),
                    discovery.get("deleted"));
            Integer unreadable = discovery.get("unreadable");
            if (unreadable != null && unreadable > 0) {
                // unreadable, or no regular file (a FIFO, a socket, a device, a broken link): InboxScanner
                out.printf("  skipped files: %d, unreadable or not regular files (listed in failures.csv)%n", unreadable);
            }
        }
        out.printf("  documents: %d processed, %d extracted, %d without table, %d not a report, %d failed%n",
                counts.processed(), counts.extracted(), counts.noTable(), counts.notReport(), counts.failed());
        if (counts.split() > 0) {
            out.printf("  crawler exports: %d, read as one document per record (counted above)%n", counts.split());
        }
        out.printf("  cells written: %d, issues found: %d%n", counts.cells(), counts.issues());
        List<PartitionRequests.AttemptRow> resent = partitionRequests.attemptsOfRun(runId).stream()
                .filter(PartitionRequests.AttemptRow::resent).toList();
        if (!resent.isEmpty()) {
            out.printf("  partitions re-sent after their worker was lost: %s%n", String.join(", ", resent.stream()
                    .map(a -> a.stepName() + " (attempt " + a.attempt() + (a.worker() == null ? "" : " on " + a.worker())
                            + ", " + (a.outcome() == null ? "open" : a.outcome()) + ")").toList()));
        }
        Path output = Path.of(execution.getJobParameters().getString(IngestJobConfiguration.OUTPUT));
        // a run that ended before its export step wrote no CSV file: the files there, if any, are an earlier run's
        boolean exported = execution.getStatus() == BatchStatus.COMPLETED || execution.getStepExecutions().stream()
                .anyMatch(step -> IngestJobConfiguration.EXPORT_STEP.equals(step.getStepName())
                        && step.getStatus() == BatchStatus.COMPLETED);
        if (exported) {
            out.println("  CSV: " + output.resolve("observations.csv")
                    + " (and documents.csv, validation_issues.csv, failures.csv)");
        } else {
            out.println("  CSV: not written (the run ended before its export step; restart writes them)");
        }
        printReportLink(execution);
        if (counts.failed() > 0) {
            out.println(exported
                    ? "  failed documents are listed in " + output.resolve("failures.csv") + "; re-run them with retry-failed"
                    : "  failed documents will be listed in failures.csv when the run is resumed; re-run them with retry-failed");
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = execution.getAllFailureExceptions();
            if (execution.getStatus() == BatchStatus.STOPPED
                    && failures.stream().allMatch(JobInterruptedException.class::isInstance)) {
                // a stop asked for is no error: Spring Batch records it as JobInterruptedException
                out.println("  stopped on request (SIGTERM, Ctrl-C) after its current chunk; the documents it finished are kept");
            } else if (!failures.isEmpty()) {
                out.println("  error: " + Failures.cause(failures));
                keepStacks(output, runId, failures);
            }
            out.println("  resume with: restart --run=" + runId);
            return ExitCodes.JOB_FAILED;
        }
        return ExitCodes.OK;
    }

    /** The run's report page; a page that cannot be written is said so and does not change the exit code. */
    private void printReportLink(JobExecution execution) {
        try {
            out.println("  report: " + reports.write(execution).toUri());
        } catch (Exception e) {
            out.println("  report: not written (" + e + ")");
        }
    }

    /** The whole stack traces go to the run log, not the console (best effort: the output folder may be the fault). */
    void keepStacks(Path output, long runId, List<Throwable> failures) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            writer.println(LocalDateTime.now() + "\trun " + runId + " " + "failed:");
            failures.forEach(f -> f.printStackTrace(writer));
        }
        Path log = FailureRecorder.runLog(output, runId);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            out.println("  details: " + log);
        } catch (IOException | RuntimeException e) {
            out.println("  details: the run log " + log + " cannot be written either (" + Failures.oneLine(e) + ")");
        }
    }

}
