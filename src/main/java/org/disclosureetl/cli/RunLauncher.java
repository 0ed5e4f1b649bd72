package org.disclosureetl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.ingest.RunningJobs;
import org.disclosureetl.store.DatabaseFault;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Runs the ingest job and reports it. When the database itself fails (disk full: H2 closes the database at the
 * first write it cannot make; the PostgreSQL server stops or cannot be reached), the job cannot even record that
 * it failed: this reports the run as failed from what is known in memory. The run stays marked as running in the
 * database, so the next restart or ingest marks it FAILED and resumes it.
 */
@Component
class RunLauncher {

    /** How long a job may stay stuck after the database failed under it before the process is halted. */
    private static final Duration STUCK = Duration.ofSeconds(5);

    private final JobOperator jobOperator;
    private final Job ingestJob;
    private final DatabaseFault databaseFault;
    private final RunningJobs runningJobs;
    private final RunSummary summary;
    private final PrintStream out = System.out;
    private final SummaryBeforeShutdown shutdown;

    RunLauncher(JobOperator jobOperator, Job ingestJob, DatabaseFault databaseFault, RunningJobs runningJobs,
                RunSummary summary, SummaryBeforeShutdown shutdown) {
        this.shutdown = shutdown;
        this.jobOperator = jobOperator;
        this.ingestJob = ingestJob;
        this.databaseFault = databaseFault;
        this.runningJobs = runningJobs;
        this.summary = summary;
    }

    /**
     * The job runs on a thread of its own so that a job stuck in H2 after such a close, or waiting for
     * connections to a server that is gone (see {@link DatabaseFault}), cannot hold the process: {@link #STUCK}
     * after the fault, the run is reported failed and the JVM halted (a normal shutdown would wait on the same
     * dead database).
     */
    int launch(JobParameters parameters) throws Exception {
        shutdown.reporting();
        try {
            return launchAndReport(parameters);
        } finally {
            shutdown.reported();
        }
    }

    private int launchAndReport(JobParameters parameters) throws Exception {
        FutureTask<JobExecution> job = new FutureTask<>(() -> jobOperator.start(ingestJob, parameters));
        Thread thread = new Thread(job, "ingest-job");
        thread.setDaemon(true);
        thread.start();
        while (true) {
            try {
                JobExecution execution = job.get(1, TimeUnit.SECONDS);
                try {
                    return summary.report(execution);
                } catch (RuntimeException failed) {
                    // the job ended, but its counts cannot be read: the database went away at the end
                    if (!DatabaseFault.isFatal(failed)) {
                        throw failed;
                    }
                    return databaseFailed(parameters, failed);
                }
            } catch (TimeoutException stillRunning) {
                Optional<Throwable> fault = databaseFault.olderThan(STUCK);
                if (fault.isPresent()) {
                    databaseFailed(parameters, fault.get());
                    out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(ExitCodes.JOB_FAILED);
                }
            } catch (ExecutionException e) {
                // a database that is gone fails the job launch itself (its transaction cannot even begin)
                if (e.getCause() instanceof DataAccessException || e.getCause() instanceof TransactionException
                        || DatabaseFault.isFatal(e.getCause())) {
                    databaseFault.report(e.getCause());
                    return databaseFailed(parameters, e.getCause());
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
        String what = DatabaseFault.whatFailed(failure);
        out.printf("run %d FAILED: the database %s%n", runId, what);
        out.println("  error: " + DatabaseFault.message(failure).orElseGet(() -> Failures.oneLine(failure)));
        summary.keepStacks(Path.of(parameters.getString(IngestJobConfiguration.OUTPUT)), runId, List.of(failure));
        out.println("  resume with: restart --run=" + runId + (DatabaseFault.CANNOT_BE_REACHED.equals(what)
                ? " (once the database server is back)" : " (once the cause is fixed: space freed, say)"));
        return ExitCodes.JOB_FAILED;
    }
}
