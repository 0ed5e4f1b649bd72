package org.disclosureetl.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's side of remote partitioning ({@code etl.workers=remote}): it sends one request per partition
 * to the queue in the database ({@link PartitionRequests}) and polls the job repository until every
 * partition has ended; no reply channel. Spring Batch's own {@code MessageChannelPartitionHandler} does the
 * same but knows no worker: a lost one leaves it waiting until its one overall timeout fails the step, and
 * its documentation leaves the rest to a restart. So this handler watches the workers itself, at every poll:
 *
 * <ul>
 * <li>a partition whose worker died (its request taken, its step execution still running, and either the
 * worker's database session ended, freeing the partition's lock, or its heartbeat is older than the lease,
 * {@code etl.remote.heartbeat} times six) is sent again to the workers still up, up to
 * {@code etl.remote.max-partition-attempts} sends in all. The dead attempt's uncommitted chunk was rolled
 * back with its session; the reader reads only documents still pending, so the next attempt goes on where
 * the committed chunks ended. Before sending again the step execution is written back to STARTING, which
 * raises its version: a worker that was only cut off, not dead, fails its next chunk's commit on that
 * version (Spring Batch updates the step execution in each chunk's transaction) and writes nothing more;</li>
 * <li>when attempts run out, or when a partition was lost and no worker has a live heartbeat any more,
 * the partitions that cannot go on are marked FAILED with the reason, and the run fails;</li>
 * <li>when the run is stopped ({@link RunningJobs} on SIGTERM), the requests still queued are withdrawn
 * and their partitions marked STOPPED (no worker is blamed), the partitions being run stop after their
 * current chunk on their workers, and the run ends STOPPED, so {@code restart} resumes it.</li>
 * </ul>
 * Every send is an attempt in {@code partition_attempt}: the run's report and {@code runs} show the re-sent.
 */
class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger("progress");
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    static final String WITHDRAWN_ON_STOP = "withdrawn before a worker took it: the run was stopped";

    private final JobRepository jobRepository;
    private final PartitionRequests requests;
    private final DocumentRepository documents;
    private final EtlProperties.Remote settings;

    RemotePartitionHandler(JobRepository jobRepository, PartitionRequests requests, DocumentRepository documents,
                           EtlProperties.Remote settings) {
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.documents = documents;
        this.settings = settings;
        setGridSize(settings.partitions());
    }

    /** A partition's latest send: its number (1 for the first) and the message that carries it. */
    private record Attempt(int number, UUID message) {
    }

    /** What one run of the extract step knows while it waits (one per {@link #doHandle} call). */
    private final class Watch {
        final long runId;
        final Set<StepExecution> partitions;
        final Map<Long, Attempt> attempts = new HashMap<>();
        /** Why partitions failed here, by step execution id: the run's summary prints it. */
        final Map<Long, String> failures = new HashMap<>();
        boolean stopping;
        boolean lostAny;

        Watch(long runId, Set<StepExecution> partitions) {
            this.runId = runId;
            this.partitions = partitions;
        }
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        Watch watch = new Watch(manager.getJobExecutionId(), partitions);
        for (StepExecution partition : partitions) {
            watch.attempts.put(partition.getId(), new Attempt(1, send(watch, partition, 1)));
        }
        log.info("extract: {} partitions sent to the workers", partitions.size());
        long started = System.nanoTime();
        long lastProgress = started;
        boolean interrupted = false;
        while (true) {
            if (!watch.stopping && stopRequested(watch.runId)) {
                watch.stopping = true;
                int withdrawn = withdrawQueued(watch, BatchStatus.STOPPED, WITHDRAWN_ON_STOP);
                log.info("extract: run {} stopping: {} queued partitions withdrawn, waiting for those being run"
                        + " to stop after their current chunk", watch.runId, withdrawn);
            }
            boolean noWorkerLeft = !watch.stopping && watch.lostAny
                    && requests.liveWorkers(settings.lease()) == 0;
            if (noWorkerLeft) {
                withdrawQueued(watch, BatchStatus.FAILED, noWorkerReason());
            }
            int open = 0;
            for (StepExecution partition : partitions) {
                StepExecution current = jobRepository.getStepExecution(partition.getId());
                if (current != null && current.getStatus().isRunning()) {
                    open++;
                    checkWorker(watch, current, noWorkerLeft);
                } else if (watch.stopping && requests.isRunningOnAWorker(partition.getId())) {
                    // Spring Batch's stop marks the partitions STOPPED in the job repository at once; a worker
                    // still runs its chunk until it sees that: the run may end only when it has
                    open++;
                }
            }
            if (open == 0) {
                break;
            }
            if (System.nanoTime() - lastProgress >= PROGRESS_INTERVAL.toNanos()) {
                lastProgress = System.nanoTime();
                log.info(String.format("extract: %d documents pending, %d of %d partitions ended, %.0f s",
                        documents.countPending(), partitions.size() - open, partitions.size(),
                        (System.nanoTime() - started) / 1e9));
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                // the job's thread told to end: stop the run as on SIGTERM, then pass the interrupt on
                interrupted = true;
                watch.stopping = true;
                withdrawQueued(watch, BatchStatus.STOPPED, WITHDRAWN_ON_STOP);
            }
        }
        Set<StepExecution> ended = new HashSet<>();
        for (StepExecution partition : partitions) {
            StepExecution current = jobRepository.getStepExecution(partition.getId());
            ended.add(current);
            if (current.getStatus() == BatchStatus.FAILED) {
                String reason = watch.failures.get(current.getId());
                manager.addFailureException(new RemotePartitionException(reason != null ? reason
                        : current.getStepName() + " failed on its worker: "
                        + firstLine(current.getExitStatus().getExitDescription())));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ended;
    }

    private UUID send(Watch watch, StepExecution partition, int attempt) {
        return requests.send(watch.runId, partition.getId(), partition.getStepName(), attempt,
                IngestJobConfiguration.EXTRACT_PARTITION_STEP);
    }

    private boolean stopRequested(long runId) {
        JobExecution run = jobRepository.getJobExecution(runId);
        return run != null && (run.getStatus() == BatchStatus.STOPPING || run.getStatus() == BatchStatus.STOPPED);
    }

    private String noWorkerReason() {
        return "no worker is left to run it (none has sent a heartbeat for " + settings.lease().toSeconds() + " s)";
    }

    /**
     * Takes back the requests no worker has taken and ends their partitions with {@code status} (STOPPED when
     * the run is stopping: nothing is wrong with them). A request a worker takes meanwhile is left to it.
     * Whatever the partition's status: Spring Batch's own stop may already have marked it STOPPED.
     */
    private int withdrawQueued(Watch watch, BatchStatus status, String reason) {
        int withdrawn = 0;
        for (StepExecution partition : watch.partitions) {
            if (!requests.withdraw(watch.attempts.get(partition.getId()).message(), reason)) {
                continue;
            }
            withdrawn++;
            StepExecution current = jobRepository.getStepExecution(partition.getId());
            if (current != null && current.getStatus().isRunning()) {
                end(watch, current, status, reason);
            }
        }
        return withdrawn;
    }

    /** Looks for a dead worker under a partition whose request was taken, and decides what follows. */
    private void checkWorker(Watch watch, StepExecution partition, boolean noWorkerLeft) {
        Attempt attempt = watch.attempts.get(partition.getId());
        if (requests.isQueued(attempt.message())) {
            return;
        }
        String worker = requests.workerOf(attempt.message());
        List<Long> resend = new ArrayList<>(1);
        try {
            if (requests.leaseExpired(attempt.message(), settings.lease())) {
                // its sessions may still be open (a stopped process, a machine cut off), holding the partition's
                // lock and its open chunk's row locks: ended first, or no other worker could run the partition
                int ended = requests.endSessionsOf(worker);
                lost(watch, partition.getId(), attempt, "its worker " + worker + " sent no heartbeat for "
                        + settings.lease().toSeconds() + " s" + (ended == 0 ? "" : "; its " + ended
                        + (ended == 1 ? " database session was" : " database sessions were") + " ended"),
                        noWorkerLeft, resend);
            } else {
                // a worker gives the lock back only after its step execution recorded its end (see the class)
                requests.ifAbandoned(partition.getId(), () -> lost(watch, partition.getId(), attempt,
                        "its worker " + worker + " stopped while running it (its database session ended)",
                        noWorkerLeft, resend));
            }
        } catch (OptimisticLockingFailureException e) {
            return; // its worker wrote the step execution this moment: look again at the next poll
        }
        for (long id : resend) {
            StepExecution again = jobRepository.getStepExecution(id);
            Attempt next = new Attempt(attempt.number() + 1, send(watch, again, attempt.number() + 1));
            watch.attempts.put(id, next);
            log.warn("extract: {} of run {} sent again to the workers (attempt {} of {})", again.getStepName(),
                    watch.runId, next.number(), settings.partitionAttempts());
        }
    }

    /**
     * A partition whose worker is gone: its attempt ends LOST, and the partition is written back to STARTING
     * to be sent again (into {@code resend}), or ends STOPPED (the run is stopping) or FAILED (attempts spent,
     * or no worker left). Read again first: the worker may have ended it after all.
     */
    private void lost(Watch watch, long stepExecutionId, Attempt attempt, String reason, boolean noWorkerLeft,
                      List<Long> resend) {
        StepExecution current = jobRepository.getStepExecution(stepExecutionId);
        if (current == null || !current.getStatus().isRunning()) {
            return;
        }
        watch.lostAny = true;
        requests.endAttempt(attempt.message(), PartitionRequests.Outcome.LOST, reason);
        String where = current.getStepName() + " of run " + watch.runId;
        log.warn("extract: {}: {}", where, reason);
        if (watch.stopping) {
            end(watch, current, BatchStatus.STOPPED, reason + "; the run was stopping");
        } else if (noWorkerLeft) {
            end(watch, current, BatchStatus.FAILED, reason + "; " + noWorkerReason());
        } else if (attempt.number() >= settings.partitionAttempts()) {
            end(watch, current, BatchStatus.FAILED, reason + "; it was sent " + attempt.number()
                    + " times (etl.remote.max-partition-attempts)");
        } else {
            current.setStatus(BatchStatus.STARTING);
            current.setExitStatus(ExitStatus.EXECUTING);
            current.setEndTime(null);
            jobRepository.update(current); // a new version: the lost worker's next commit fails on it
            resend.add(stepExecutionId);
        }
    }

    private void end(Watch watch, StepExecution partition, BatchStatus status, String reason) {
        String where = partition.getStepName() + " of run " + watch.runId;
        partition.setStatus(status);
        partition.setExitStatus((status == BatchStatus.STOPPED ? ExitStatus.STOPPED : ExitStatus.FAILED)
                .addExitDescription(where + ": " + reason));
        partition.setEndTime(LocalDateTime.now());
        jobRepository.update(partition);
        if (status == BatchStatus.FAILED) {
            watch.failures.put(partition.getId(), where + ": " + reason);
            log.warn("extract: {} FAILED: {}", where, reason);
        }
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason recorded";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** Why a remote partition did not complete; the run's summary prints it as the cause. */
    static final class RemotePartitionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemotePartitionException(String message) {
            super(message);
        }
    }
}
