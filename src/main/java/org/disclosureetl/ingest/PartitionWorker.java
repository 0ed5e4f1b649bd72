package org.disclosureetl.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests;
import org.disclosureetl.store.SessionName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The {@code worker} command's process: {@code etl.threads} threads, each with a database session of its
 * own ({@link PartitionRequests.WorkerSession}), take extract partition requests of managers' runs off the
 * queue and run them with Spring Batch's {@link StepExecutionRequestHandler}: the same
 * {@code extractPartition} step, reader, processor (and so the same fork-isolated parser) and writer as a
 * local run, on the run's own folders (its job parameters). Idle threads look for a request every
 * {@code etl.remote.poll-interval}. The process records itself in the database and sends a heartbeat every
 * {@code etl.remote.heartbeat}, which renews the lease of the partitions it runs: a manager sends the
 * partitions of a worker whose lease ran out, or whose session ended, to the others
 * ({@link RemotePartitionHandler}). On shutdown (SIGTERM) no request is taken any more and a running
 * partition stops after its current chunk, STOPPED, so that {@code restart} resumes it.
 *
 * <p>A worker takes no {@code RunLock}: it runs only the partitions of a run that a manager, which holds
 * that lock, has started.
 */
@Component
public class PartitionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger("progress");
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final JobRepository jobRepository;
    private final PartitionRequests requests;
    private final DocumentRepository documents;
    private final ReportParser parser;
    private final EtlProperties properties;
    private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
    /** The partitions running in this process, told to stop at shutdown. */
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    /** This process in {@code partition_worker}: its name on the database server ({@link SessionName}). */
    private final String workerId;
    private volatile ScheduledExecutorService heartbeat;
    private volatile boolean lifecycleRunning;

    public PartitionWorker(JobRepository jobRepository, @Qualifier("extractPartitionStep") Step extractPartitionStep,
                           PartitionRequests requests, DocumentRepository documents, ReportParser parser,
                           EtlProperties properties, SessionName sessionName) {
        this.workerId = sessionName.value();
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.documents = documents;
        this.parser = parser;
        this.properties = properties;
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(name -> tracked(extractPartitionStep));
    }

    /** What a worker did: the partitions it ran, and whether it ended because it was told to stop. */
    public record Outcome(int partitions, boolean stopped) {
    }

    /**
     * Runs until the process is told to stop, or until every thread has lost its database session (each
     * says why in the log).
     */
    public Outcome run() throws InterruptedException {
        int count = properties.effectiveThreads();
        List<int[]> done = new ArrayList<>();
        requests.workerStarted(workerId);
        Duration beat = properties.remote().heartbeat();
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "worker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(this::heartbeat, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
        log.info("worker: {} up, heartbeat every {} ms", workerId, beat.toMillis());
        try {
            return consumeAll(count, done);
        } finally {
            heartbeat.shutdownNow();
        }
    }

    /** Out of the count of live workers at once, rather than when its lease runs out. */
    private void recordStopped() {
        try {
            requests.workerStopped(workerId);
        } catch (RuntimeException e) {
            log.warn("worker: {} could not record that it stopped: {}", workerId, e.toString());
        }
    }

    /** This process's name in {@code partition_worker} and in the attempts it takes. */
    String workerId() {
        return workerId;
    }

    private void heartbeat() {
        try {
            requests.heartbeat(workerId);
        } catch (RuntimeException e) {
            // the next beat tries again; six missed beats and the managers count this worker as dead
            log.warn("worker: heartbeat not recorded: {}", e.toString());
        }
    }

    private Outcome consumeAll(int count, List<int[]> done) throws InterruptedException {
        synchronized (threads) {
            for (int i = 0; i < count; i++) {
                int[] ran = new int[1];
                done.add(ran);
                Thread thread = new Thread(() -> consume(ran), "worker-" + (i + 1));
                threads.add(thread);
                thread.start();
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Outcome(done.stream().mapToInt(ran -> ran[0]).sum(), stopping.getCount() == 0);
    }

    private void consume(int[] ran) {
        try (PartitionRequests.WorkerSession session = requests.openWorkerSession()) {
            while (stopping.getCount() > 0) {
                Optional<PartitionRequests.Claim> claim = session.claim(workerId);
                if (claim.isEmpty()) {
                    stopping.await(properties.remote().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                long id = claim.get().request().getStepExecutionId();
                try {
                    if (runPartition(claim.get())) {
                        ran[0]++;
                    }
                } finally {
                    session.release(id);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the session (the database) is gone: this thread ends; the manager sees its partition's lock free
            log.error("worker: {} stops: {}", Thread.currentThread().getName(), e.toString());
        }
    }

    /** Runs one partition unless it is no longer waiting for a worker (its run failed or was restarted). */
    private boolean runPartition(PartitionRequests.Claim claim) {
        StepExecutionRequest request = claim.request();
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        // a run that is stopping still gets its partition run: Spring Batch stops it before its first chunk,
        // STOPPED, as the manager expects of a request a worker took
        if (partition == null || partition.getStatus() != BatchStatus.STARTING
                || !partition.getJobExecution().isRunning() || stopping.getCount() == 0) {
            String why = partition == null ? "not in the job repository" : partition.getStepName() + " of run "
                    + partition.getJobExecutionId() + " is " + partition.getStatus() + ", its run "
                    + partition.getJobExecution().getStatus() + (stopping.getCount() == 0 ? ", this worker stops" : "");
            log.info("worker: request for step execution {} skipped: {}", request.getStepExecutionId(), why);
            requests.endAttempt(claim.messageId(), PartitionRequests.Outcome.SKIPPED, why);
            return false;
        }
        // as the local extract step does before its partitions start (etl.parse.quick-start-below)
        parser.expectDocuments(documents.countPending());
        log.info("worker: run {} {} started", partition.getJobExecutionId(), partition.getStepName());
        long started = System.nanoTime();
        StepExecution ended = handler.handle(request);
        requests.endAttempt(claim.messageId(), switch (ended.getStatus()) {
            case COMPLETED -> PartitionRequests.Outcome.COMPLETED;
            case STOPPED -> PartitionRequests.Outcome.STOPPED;
            default -> PartitionRequests.Outcome.FAILED;
        }, ended.getExitStatus().getExitDescription());
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(String.format("worker: run %d %s %s: %d documents in %.1f s", ended.getJobExecutionId(),
                ended.getStepName(), ended.getStatus(), ended.getWriteCount(), seconds));
        return true;
    }

    /** The partition step, registering each execution it runs so that shutdown can stop it. */
    private Step tracked(Step step) {
        return new Step() {
            @Override
            public String getName() {
                return step.getName();
            }

            @Override
            public void execute(StepExecution stepExecution) throws JobInterruptedException {
                running.add(stepExecution);
                try {
                    if (stopping.getCount() == 0) {
                        stepExecution.setTerminateOnly();
                    }
                    step.execute(stepExecution);
                } finally {
                    running.remove(stepExecution);
                }
            }
        };
    }

    @Override
    public void start() {
        lifecycleRunning = true;
    }

    /** SIGTERM: no more requests; running partitions stop after their current chunk (STOPPED, restartable). */
    @Override
    public void stop() {
        stopping.countDown();
        running.forEach(StepExecution::setTerminateOnly);
        long deadline = System.nanoTime() + GRACE.toNanos();
        synchronized (threads) {
            for (Thread thread : threads) {
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (thread.isAlive()) {
                    log.warn("worker: {} did not stop within {} s", thread.getName(), GRACE.toSeconds());
                }
            }
            ScheduledExecutorService beating = heartbeat;
            if (beating != null && threads.stream().noneMatch(Thread::isAlive)) {
                beating.shutdownNow();
                recordStopped();
            }
        }
        lifecycleRunning = false;
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    /** Stop early: before the data source and the parser the running partitions need are closed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
