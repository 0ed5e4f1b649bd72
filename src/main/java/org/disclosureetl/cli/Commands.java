package org.disclosureetl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.export.ExportFilter;
import org.disclosureetl.export.ExportOptions;
import org.disclosureetl.export.Exports;
import org.disclosureetl.ingest.FailureRecorder;
import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.ingest.PartitionWorker;
import org.disclosureetl.ingest.RunningJobs;
import org.disclosureetl.report.RunReports;
import org.disclosureetl.store.DatabaseFault;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests;
import org.disclosureetl.store.RunLock;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The commands of docs/OUTPUT.md ("Command line"). Each returns the process exit code: 0 when the job completed (even
 * with failed documents, which are in the failure log), 1 when the job failed or was stopped,
 * 2 for a usage error.
 */
@Component
class Commands {

    static final int OK = 0;
    static final int JOB_FAILED = 1;
    static final int USAGE = 2;

    /** How long a job may stay stuck after the database failed under it before the process is halted. */
    private static final Duration STUCK = Duration.ofSeconds(5);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestJob;
    private final EtlProperties properties;
    private final DocumentRepository documents;
    private final Exports exporter;
    private final RunningJobs runningJobs;
    private final RunReports reports;
    private final DatabaseFault databaseFault;
    private final RunLock runLock;
    private final PartitionWorker partitionWorker;
    private final PartitionRequests partitionRequests;
    private final PrintStream out = System.out;

    Commands(JobOperator jobOperator, JobRepository jobRepository, Job ingestJob, EtlProperties properties,
             DocumentRepository documents, Exports exporter, RunningJobs runningJobs,
             RunReports reports, DatabaseFault databaseFault, RunLock runLock, PartitionWorker partitionWorker,
             PartitionRequests partitionRequests) {
        this.partitionWorker = partitionWorker;
        this.partitionRequests = partitionRequests;
        this.databaseFault = databaseFault;
        this.runLock = runLock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestJob = ingestJob;
        this.properties = properties;
        this.documents = documents;
        this.exporter = exporter;
        this.runningJobs = runningJobs;
        this.reports = reports;
    }

    int ingest() throws Exception {
        return ingest(properties.input(), properties.output());
    }

    private int ingest(Path input, Path output) throws Exception {
        if (!postgresqlForRemote(properties.workers() == EtlProperties.Workers.REMOTE)) {
            return USAGE;
        }
        runLock.acquire();
        if (!recoverAbandonedRuns()) {
            return JOB_FAILED;
        }
        return launch(IngestJobConfiguration.runParameters(input, output, System.currentTimeMillis()));
    }

    /**
     * Re-queues failed documents and runs ingest on the folders of the run they failed in (the latest
     * such run without --run): the default data/inbox would mark them all deleted. --input and
     * --output override.
     */
    int retryFailed(Long runId, boolean inputGiven, boolean outputGiven) throws Exception {
        runLock.acquire(); // before the documents are queued again: another process may be running them
        Long source = runId != null ? runId : documents.latestRunWithFailures();
        JobExecution sourceRun = source == null ? null : execution(source);
        if (runId != null && sourceRun == null) {
            System.err.println("retry-failed: there is no run " + runId + " in this database (see runs)");
            return USAGE;
        }
        int requeued = documents.requeueFailed(runId, properties.maxAttempts());
        out.printf("retry-failed: %d failed document(s) queued again%s%n", requeued,
                runId == null ? "" : " from run " + runId);
        Path input = inputGiven || sourceRun == null ? properties.input()
                : Path.of(sourceRun.getJobParameters().getString(IngestJobConfiguration.INPUT));
        Path output = outputGiven || sourceRun == null ? properties.output()
                : Path.of(sourceRun.getJobParameters().getString(IngestJobConfiguration.OUTPUT));
        return ingest(input, output);
    }

    int restart(Long runId) throws Exception {
        JobExecution execution = runId == null ? latestExecution() : execution(runId);
        if (execution == null) {
            System.err.println(runId == null ? "restart: no run has been recorded in this database; start one with ingest"
                    : "restart: there is no run " + runId + " in this database (see runs)");
            return USAGE;
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            out.println("restart: run " + execution.getId() + " already completed; nothing to restart");
            return OK;
        }
        if (!postgresqlForRemote(properties.workers() == EtlProperties.Workers.REMOTE)) {
            return USAGE;
        }
        runLock.acquire();
        if (!recoverAbandonedRuns()) {
            return JOB_FAILED;
        }
        // launching the job with the failed instance's own parameters resumes that instance
        return launch(execution.getJobParameters());
    }

    /**
     * Runs the job and reports it. When the database itself fails (disk full: H2 closes the database
     * at the first write it cannot make), the job cannot even record that it failed: this reports
     * the run as failed from what is known in memory. The run stays marked as running in the
     * database, so the next restart or ingest marks it FAILED and resumes it.
     *
     * <p>The job runs on a thread of its own so that a job stuck in H2 after such a close (see
     * {@link DatabaseFault}) cannot hold the process: {@link #STUCK} after the fault, the run is
     * reported failed and the JVM halted (a normal shutdown would wait on the same dead database).
     */
    private int launch(JobParameters parameters) throws Exception {
        FutureTask<JobExecution> job = new FutureTask<>(() -> jobOperator.start(ingestJob, parameters));
        Thread thread = new Thread(job, "ingest-job");
        thread.setDaemon(true);
        thread.start();
        while (true) {
            try {
                return report(job.get(1, TimeUnit.SECONDS));
            } catch (TimeoutException stillRunning) {
                Optional<Throwable> fault = databaseFault.olderThan(STUCK);
                if (fault.isPresent()) {
                    databaseFailed(parameters, fault.get());
                    out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(JOB_FAILED);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof DataAccessException failed) {
                    databaseFault.report(failed);
                    return databaseFailed(parameters, failed);
                }
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private int databaseFailed(JobParameters parameters, Throwable failure) {
        Long runId = runningJobs.forgetLatest();
        if (runId == null) {
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        out.printf("run %d FAILED: the database cannot be written%n", runId);
        out.println("  error: " + Failures.oneLine(failure));
        keepStacks(Path.of(parameters.getString(IngestJobConfiguration.OUTPUT)), runId, List.of(failure));
        out.println("  resume with: restart --run=" + runId + " (once the cause is fixed: space freed, say)");
        return JOB_FAILED;
    }

    int runs(int limit) {
        List<JobInstance> instances = jobRepository.getJobInstances(IngestJobConfiguration.JOB_NAME, 0, limit);
        Map<Long, Integer> resent = partitionRequests.resentByRun(); // extract partitions sent to a worker again
        out.printf("%-6s %-10s %-19s %-19s %8s %8s %8s %8s%n", "run", "status", "start", "end", "read", "written", "failed",
                "resent");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (JobInstance instance : instances) {
            for (JobExecution e : jobRepository.getJobExecutions(instance)) {
                long read = 0;
                long written = 0;
                for (var step : e.getStepExecutions()) {
                    if (step.getStepName().startsWith(IngestJobConfiguration.EXTRACT_PARTITION_STEP)) {
                        read += step.getReadCount();
                        written += step.getWriteCount();
                    }
                }
                DocumentRepository.RunCounts counts = documents.countsOfRun(e.getId());
                out.printf("%-6d %-10s %-19s %-19s %8d %8d %8d %8d%n", e.getId(), e.getStatus(),
                        format(e.getStartTime(), time), format(e.getEndTime(), time), read, written, counts.failed(),
                        resent.getOrDefault(e.getId(), 0));
            }
        }
        return OK;
    }

    int export(ExportFilter filter, ExportOptions options) throws Exception {
        Exports.Result result = exporter.export(properties.output(), filter, options);
        result.rows().forEach((file, rows) -> out.printf("export: %-22s %d rows%n", file, rows));
        out.println("export: written to " + result.folder().toAbsolutePath());
        return OK;
    }

    /**
     * {@code worker}: runs extract partitions of managers' runs until the process is stopped. It takes no
     * run lock (see {@link PartitionWorker}).
     */
    int worker() throws Exception {
        if (!postgresqlForRemote(true)) {
            return USAGE;
        }
        out.printf("worker: taking extract partitions with %d thread(s); stop with SIGTERM (Ctrl-C)%n",
                properties.effectiveThreads());
        out.flush();
        PartitionWorker.Outcome outcome = partitionWorker.run();
        out.printf("worker: %s after %d partition(s)%n", outcome.stopped() ? "stopped" : "lost its database",
                outcome.partitions());
        return outcome.stopped() ? OK : JOB_FAILED;
    }

    /**
     * Remote partitioning chosen by a setting the command line check cannot see (a job file) on an H2
     * database: one line, as for a command-line mistake. The manager and its workers share a PostgreSQL
     * database; an H2 file opens in one process only.
     */
    private boolean postgresqlForRemote(boolean remote) throws SQLException {
        if (!remote || runLock.isPostgresql()) {
            return true;
        }
        System.err.println("remote partitioning (etl.workers=remote, worker) needs a PostgreSQL database that the"
                + " manager and its workers share (--db=jdbc:postgresql://host:5432/db); an H2 file opens in one process only");
        return false;
    }

    /** Takes this process's right to run jobs on the database (see {@link RunLock}); the schedule takes it at start. */
    void lockRuns() throws Exception {
        runLock.acquire();
    }

    /**
     * Runs still marked as running that this JVM is not running were left by a process that died
     * (kill -9, power loss): no other process can hold the database (H2) or the run lock (PostgreSQL;
     * the callers took it), so they are marked FAILED and can be restarted. Their committed documents stay; the rest are still pending.
     * Not while a worker still runs a partition of such a run (its manager died, the worker goes on): that
     * partition would be run twice at once. False then, after one line saying so.
     */
    private boolean recoverAbandonedRuns() throws SQLException {
        if (runningJobs.isAnyRunning()) {
            return true;
        }
        List<JobExecution> abandoned = jobRepository.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)
                .stream().toList();
        if (runLock.isPostgresql()) {
            for (JobExecution run : abandoned) {
                for (StepExecution step : jobRepository.getJobExecution(run.getId()).getStepExecutions()) {
                    if (step.getStatus().isRunning() && step.getStepName().startsWith(IngestJobConfiguration.EXTRACT_PARTITION_STEP)
                            && partitionRequests.isRunningOnAWorker(step.getId())) {
                        System.err.printf("run %d was left unfinished by its manager, but a worker still runs its %s:"
                                + " wait for it to end (or stop that worker) and try again%n", run.getId(), step.getStepName());
                        return false;
                    }
                }
            }
        }
        for (JobExecution run : abandoned) {
            jobOperator.recover(run);
            out.printf("run %d was left unfinished by a process that stopped: marked FAILED (restart --run=%d resumes it)%n",
                    run.getId(), run.getId());
        }
        return true;
    }

    /** The run with this id, or null (the JDBC repository throws for an id it does not have). */
    private JobExecution execution(long runId) {
        try {
            return jobRepository.getJobExecution(runId);
        } catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    private JobExecution latestExecution() {
        List<JobInstance> instances = jobRepository.getJobInstances(IngestJobConfiguration.JOB_NAME, 0, 1);
        return instances.isEmpty() ? null : jobRepository.getLastJobExecution(instances.get(0));
    }

    private int report(JobExecution execution) {
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
        out.printf("run %d %s in %.1f s%s%n", runId, execution.getStatus(), took.toMillis() / 1000.0,
                resumed < 0 ? "" : " (resumes run " + resumed + ")");
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
        if (counts.split() > 0) {
            out.printf("  crawler exports: %d, read as one document per record (counted above)%n", counts.split());
        }
        out.printf("  cells written: %d, issues found: %d%n", counts.cells(), counts.issues());
        List<PartitionRequests.AttemptRow> resent = partitionRequests.attemptsOfRun(runId).stream()
                .filter(a -> a.attempt() > 1).toList();
        if (!resent.isEmpty()) {
            out.printf("  partitions re-sent after their worker was lost: %s%n", String.join(", ", resent.stream()
                    .map(a -> a.stepName() + " (attempt " + a.attempt() + (a.worker() == null ? "" : " on " + a.worker())
                            + ", " + (a.outcome() == null ? "open" : a.outcome()) + ")").toList()));
        }
        Path output = Path.of(execution.getJobParameters().getString(IngestJobConfiguration.OUTPUT));
        out.println("  CSV: " + output.resolve("observations.csv") + " (and documents.csv, validation_issues.csv, failures.csv)");
        printReportLink(execution);
        if (counts.failed() > 0) {
            out.println("  failed documents are listed in " + output.resolve("failures.csv") + "; re-run them with retry-failed");
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = execution.getAllFailureExceptions();
            if (!failures.isEmpty()) {
                out.println("  error: " + Failures.cause(failures));
                keepStacks(output, runId, failures);
            }
            out.println("  resume with: restart --run=" + runId);
            return JOB_FAILED;
        }
        return OK;
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
    private void keepStacks(Path output, long runId, List<Throwable> failures) {
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
