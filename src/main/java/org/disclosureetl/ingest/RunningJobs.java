package org.disclosureetl.ingest;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The job executions running in this JVM. On shutdown (SIGTERM, Ctrl-C) it asks each to stop after
 * its current chunk and waits for it, so the run ends STOPPED with every finished document committed
 * and {@code restart} can resume it. It stops before the database pool is closed.
 */
@Component
public class RunningJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);
    private static final Duration GRACE = Duration.ofSeconds(60);

    /**
     * Looked up when a run is to be stopped, not injected: the job operator's creation looks up the job, whose
     * steps' listeners need this bean, and that cycle cost every start a failed attempt at building the job.
     */
    private final ObjectProvider<JobOperator> jobOperator;
    private final JobRepository jobRepository;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile boolean lifecycleRunning;

    public RunningJobs(ObjectProvider<JobOperator> jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /** Called by the job listener when an execution starts and ends in this JVM. */
    void started(long executionId) {
        running.add(executionId);
    }

    void ended(long executionId) {
        running.remove(executionId);
    }

    /**
     * Forgets the latest run started in this JVM and returns its id (null if none): its launch ended
     * with the database failing under it, so nothing is left to stop or wait for at shutdown.
     */
    public Long forgetLatest() {
        Long latest = running.stream().max(Long::compare).orElse(null);
        if (latest != null) {
            running.remove(latest);
        }
        return latest;
    }

    public boolean isAnyRunning() {
        return !running.isEmpty();
    }

    @Override
    public void start() {
        lifecycleRunning = true;
    }

    @Override
    public void stop() {
        for (Long id : Set.copyOf(running)) {
            try {
                log.info("shutting down: stopping run {} after its current chunk", id);
                jobOperator.getObject().stop(id);
            } catch (Exception e) {
                log.warn("could not stop run {}: {}", id, e.getMessage());
            }
        }
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Long id : Set.copyOf(running)) {
            JobExecution execution = jobRepository.getJobExecution(id);
            log.warn("run {} did not stop within {} s (status {})", id, GRACE.toSeconds(),
                    execution == null ? "?" : execution.getStatus());
        }
        lifecycleRunning = false;
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    /** Stop early: before the web of beans the job needs (data source, executors) goes away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
