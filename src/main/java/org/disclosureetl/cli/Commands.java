package org.disclosureetl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.export.CsvExporter;
import org.disclosureetl.export.ExportFilter;
import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.ingest.RunningJobs;
import org.disclosureetl.store.DocumentRepository;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * The commands of OUTPUT.md. Each returns the process exit code: 0 when the job completed (even
 * with failed documents, which are in the failure log), 1 when the job failed or was stopped,
 * 2 for a usage error.
 */
@Component
class Commands {

    static final int OK = 0;
    static final int JOB_FAILED = 1;
    static final int USAGE = 2;

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestJob;
    private final EtlProperties properties;
    private final DocumentRepository documents;
    private final CsvExporter exporter;
    private final RunSummary summary;
    private final RunningJobs runningJobs;
    private final PrintStream out = System.out;

    Commands(JobOperator jobOperator, JobRepository jobRepository, Job ingestJob, EtlProperties properties,
             DocumentRepository documents, CsvExporter exporter, RunSummary summary, RunningJobs runningJobs) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestJob = ingestJob;
        this.properties = properties;
        this.documents = documents;
        this.exporter = exporter;
        this.summary = summary;
        this.runningJobs = runningJobs;
    }

    int ingest() throws Exception {
        recoverAbandonedRuns();
        JobParameters parameters = new JobParametersBuilder()
                .addString("input", properties.input().toAbsolutePath().normalize().toString())
                .addString("output", properties.output().toAbsolutePath().normalize().toString())
                .addLong("requested", System.currentTimeMillis())
                .toJobParameters();
        return report(jobOperator.start(ingestJob, parameters));
    }

    int retryFailed(Long runId) throws Exception {
        int requeued = documents.requeueFailed(runId, properties.maxAttempts());
        out.printf("retry-failed: %d failed document(s) queued again%s%n", requeued,
                runId == null ? "" : " from run " + runId);
        return ingest();
    }

    int restart(Long runId) throws Exception {
        JobExecution execution = runId == null ? latestExecution() : jobRepository.getJobExecution(runId);
        if (execution == null) {
            out.println(runId == null ? "restart: no run has been recorded in this database; start one with ingest"
                    : "restart: there is no run " + runId + " in this database");
            return USAGE;
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            out.println("restart: run " + execution.getId() + " already completed; nothing to restart");
            return OK;
        }
        recoverAbandonedRuns();
        // launching the job with the failed instance's own parameters resumes that instance
        return report(jobOperator.start(ingestJob, execution.getJobParameters()));
    }

    int runs(int limit) {
        List<JobInstance> instances = jobRepository.getJobInstances(IngestJobConfiguration.JOB_NAME, 0, limit);
        out.printf("%-6s %-10s %-19s %-19s %8s %8s %8s%n", "run", "status", "start", "end", "read", "written", "failed");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (JobInstance instance : instances) {
            for (JobExecution e : jobRepository.getJobExecutions(instance)) {
                long read = 0;
                long written = 0;
                for (var step : e.getStepExecutions()) {
                    if (step.getStepName().startsWith("extractPartition")) {
                        read += step.getReadCount();
                        written += step.getWriteCount();
                    }
                }
                RunSummary.Counts counts = summary.of(e.getId());
                out.printf("%-6d %-10s %-19s %-19s %8d %8d %8d%n", e.getId(), e.getStatus(),
                        format(e.getStartTime(), time), format(e.getEndTime(), time), read, written, counts.failed());
            }
        }
        return OK;
    }

    int export(ExportFilter filter) throws Exception {
        CsvExporter.ExportResult result = exporter.export(properties.output(), filter);
        result.rows().forEach((file, rows) -> out.printf("export: %-22s %d rows%n", file, rows));
        out.println("export: written to " + result.folder().toAbsolutePath());
        return OK;
    }

    /**
     * Runs still marked as running that this JVM is not running were left by a process that died
     * (kill -9, power loss): no other process can hold the database, so they are marked FAILED and
     * can be restarted. Their committed documents stay; the rest are still pending.
     */
    private void recoverAbandonedRuns() {
        if (runningJobs.isAnyRunning()) {
            return;
        }
        for (JobExecution abandoned : jobRepository.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)) {
            jobOperator.recover(abandoned);
            out.printf("run %d was left unfinished by a process that stopped: marked FAILED (restart --run=%d resumes it)%n",
                    abandoned.getId(), abandoned.getId());
        }
    }

    private JobExecution latestExecution() {
        List<JobInstance> instances = jobRepository.getJobInstances(IngestJobConfiguration.JOB_NAME, 0, 1);
        return instances.isEmpty() ? null : jobRepository.getLastJobExecution(instances.get(0));
    }

    private int report(JobExecution execution) {
        long runId = execution.getId();
        RunSummary.Counts counts = summary.of(runId);
        @SuppressWarnings("unchecked")
        Map<String, Integer> discovery = (Map<String, Integer>) execution.getExecutionContext()
                .get(IngestJobConfiguration.DISCOVERY_KEY);
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        List<JobExecution> earlier = jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .filter(e -> e.getId() < runId).toList();
        out.printf("run %d %s in %.1f s%s%n", runId, execution.getStatus(), took.toMillis() / 1000.0,
                earlier.isEmpty() ? "" : " (resumes run " + earlier.get(earlier.size() - 1).getId() + ")");
        if (discovery != null) {
            out.printf("  files: %d seen, %d new, %d changed, %d unchanged, %d deleted%n", discovery.get("files"),
                    discovery.get("added"), discovery.get("changed"), discovery.get("unchanged"),
                    discovery.get("deleted"));
            Integer unreadable = discovery.get("unreadable");
            if (unreadable != null && unreadable > 0) {
                out.printf("  unreadable files: %d (listed in failures.csv)%n", unreadable);
            }
        }
        out.printf("  documents: %d processed, %d extracted, %d without table, %d not a report, %d failed%n",
                counts.processed(), counts.extracted(), counts.noTable(), counts.notReport(), counts.failed());
        out.printf("  cells written: %d, issues found: %d%n", counts.cells(), counts.issues());
        Path output = Path.of(execution.getJobParameters().getString("output"));
        out.println("  CSV: " + output.resolve("observations.csv") + " (and documents.csv, validation_issues.csv, failures.csv)");
        if (counts.failed() > 0) {
            out.println("  failed documents are listed in " + output.resolve("failures.csv") + "; re-run them with retry-failed");
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            execution.getAllFailureExceptions().forEach(e -> out.println("  error: " + e));
            out.println("  resume with: restart --run=" + runId);
            return JOB_FAILED;
        }
        return OK;
    }

    private static String format(LocalDateTime time, DateTimeFormatter formatter) {
        return time == null ? "" : time.format(formatter);
    }

    static Long longOption(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : Long.valueOf(values.get(0));
    }

    static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
