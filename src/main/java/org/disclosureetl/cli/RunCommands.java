package org.disclosureetl.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.ingest.RunningJobs;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests;
import org.disclosureetl.store.RunLock;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/** The commands that run the ingest job: {@code ingest}, {@code retry-failed} and {@code restart}. */
@Component
class RunCommands {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final EtlProperties properties;
    private final DocumentRepository documents;
    private final RunningJobs runningJobs;
    private final RunLock runLock;
    private final PartitionRequests partitionRequests;
    private final RunLauncher launcher;
    private final PrintStream out = System.out;

    RunCommands(JobOperator jobOperator, JobRepository jobRepository, EtlProperties properties,
                DocumentRepository documents, RunningJobs runningJobs, RunLock runLock,
                PartitionRequests partitionRequests, RunLauncher launcher) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.documents = documents;
        this.runningJobs = runningJobs;
        this.runLock = runLock;
        this.partitionRequests = partitionRequests;
        this.launcher = launcher;
    }

    int ingest() throws Exception {
        return ingest(CommandSpec.INGEST, properties.input(), properties.output());
    }

    private int ingest(CommandSpec command, Path input, Path output) throws Exception {
        if (!inputFolderExists(command, input, "--input") || !postgresqlForRemote(runLock, remote())) {
            return ExitCodes.USAGE;
        }
        runLock.acquire();
        if (!recoverAbandonedRuns()) {
            return ExitCodes.JOB_FAILED;
        }
        return launcher.launch(IngestJobConfiguration.runParameters(input, output, System.currentTimeMillis()));
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
            return ExitCodes.USAGE;
        }
        Path input = inputGiven || sourceRun == null ? properties.input()
                : Path.of(sourceRun.getJobParameters().getString(IngestJobConfiguration.INPUT));
        Path output = outputGiven || sourceRun == null ? properties.output()
                : Path.of(sourceRun.getJobParameters().getString(IngestJobConfiguration.OUTPUT));
        // before the documents are queued again: a run that cannot start must leave them as they are
        if (!inputFolderExists(CommandSpec.RETRY_FAILED, input, inputGiven ? "--input" : "the folder of run " + source)) {
            return ExitCodes.USAGE;
        }
        int requeued = documents.requeueFailed(runId, properties.maxAttempts());
        out.printf("retry-failed: %d failed document(s) queued again%s%n", requeued,
                runId == null ? "" : " from run " + runId);
        return ingest(CommandSpec.RETRY_FAILED, input, output);
    }

    int restart(Long runId) throws Exception {
        JobExecution execution = runId == null ? latestExecution() : execution(runId);
        if (execution == null) {
            System.err.println(runId == null ? "restart: no run has been recorded in this database; start one with ingest"
                    : "restart: there is no run " + runId + " in this database (see runs)");
            return ExitCodes.USAGE;
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            out.println("restart: run " + execution.getId() + " already completed; nothing to restart");
            return ExitCodes.OK;
        }
        JobParameters parameters = execution.getJobParameters();
        if (!inputFolderExists(CommandSpec.RESTART, Path.of(parameters.getString(IngestJobConfiguration.INPUT)),
                "the folder of run " + execution.getId()) || !postgresqlForRemote(runLock, remote())) {
            return ExitCodes.USAGE;
        }
        runLock.acquire();
        if (!recoverAbandonedRuns()) {
            return ExitCodes.JOB_FAILED;
        }
        // launching the job with the failed instance's own parameters resumes that instance
        return launcher.launch(parameters);
    }

    /** Takes this process's right to run jobs on the database (see {@link RunLock}); the schedule takes it at start. */
    void lockRuns() throws Exception {
        runLock.acquire();
    }

    /**
     * A folder to read that is not there is the user's mistake, said in one line before any run is recorded: a
     * run started on it would find no files, fail, and ask to be restarted on the same missing folder.
     */
    private static boolean inputFolderExists(CommandSpec command, Path input, String source) {
        if (Files.isDirectory(input)) {
            return true;
        }
        System.err.println(command.word() + ": the input folder " + input.toAbsolutePath().normalize()
                + (Files.exists(input) ? " is not a folder" : " does not exist") + " (" + source + ")");
        return false;
    }

    private boolean remote() {
        return properties.workers() == EtlProperties.Workers.REMOTE;
    }

    /**
     * Remote partitioning chosen by a setting the command line check cannot see (a job file) on an H2
     * database: one line, as for a command-line mistake. The manager and its workers share a PostgreSQL
     * database; an H2 file opens in one process only.
     */
    static boolean postgresqlForRemote(RunLock runLock, boolean remote) throws SQLException {
        if (!remote || runLock.isPostgresql()) {
            return true;
        }
        System.err.println("remote partitioning (etl.workers=remote, worker) needs a PostgreSQL database that the"
                + " manager and its workers share (--db=jdbc:postgresql://host:5432/db); an H2 file opens in one process only");
        return false;
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
        JobExecution latest = latestExecution();
        if (latest != null && latest.getStatus() == BatchStatus.UNKNOWN) {
            markFailed(latest);
            out.printf("run %d ended when its status could not be saved (UNKNOWN): marked FAILED (restart --run=%d resumes it)%n",
                    latest.getId(), latest.getId());
        }
        return true;
    }

    /**
     * A run whose failure could not be recorded (the database failed while Spring Batch saved it: a full disk)
     * is left UNKNOWN, which Spring Batch refuses to restart. Its documents commit with their chunks, so what it
     * wrote is whole and the rest is still pending: it is marked FAILED like a run whose process died.
     */
    private void markFailed(JobExecution run) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : run.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED);
                if (step.getEndTime() == null) {
                    step.setEndTime(now);
                }
                jobRepository.update(step);
            }
        }
        run.setStatus(BatchStatus.FAILED);
        run.setExitStatus(ExitStatus.FAILED);
        if (run.getEndTime() == null) {
            run.setEndTime(now);
        }
        jobRepository.update(run);
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
}
