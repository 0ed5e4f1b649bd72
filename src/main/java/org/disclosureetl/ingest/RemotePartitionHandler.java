package org.disclosureetl.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;

/**
 * The manager's side of remote partitioning ({@code etl.workers=remote}): Spring Batch's
 * {@link MessageChannelPartitionHandler} sends one request per partition to the queue in the database
 * ({@link PartitionRequests}) and polls the job repository until every partition has ended; no reply
 * channel. Beside that poll it looks for partitions left by a worker that died (a partition still running,
 * its request taken, its lock free: see {@link PartitionRequests}) and marks them FAILED, with an end time,
 * so the wait ends when the other partitions have; the step, and the run, then fail, and {@code restart}
 * sends only the partitions that did not complete.
 */
class RemotePartitionHandler extends MessageChannelPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger("progress");
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    private final JobRepository jobRepository;
    private final PartitionRequests requests;
    private final DocumentRepository documents;
    private final Duration pollInterval;
    /** The message that carried each partition's request, by step execution id (set as it is sent). */
    private final Map<Long, UUID> sent = new ConcurrentHashMap<>();

    RemotePartitionHandler(JobRepository jobRepository, PartitionRequests requests, DocumentRepository documents,
                           Duration pollInterval, int partitions) throws Exception {
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.documents = documents;
        this.pollInterval = pollInterval;
        QueueChannel channel = requests.channel();
        channel.addInterceptor(new ChannelInterceptor() {
            @Override
            public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
                if (sent && message.getPayload() instanceof StepExecutionRequest request) {
                    RemotePartitionHandler.this.sent.put(request.getStepExecutionId(), message.getHeaders().getId());
                }
            }
        });
        setMessagingOperations(new MessagingTemplate(channel));
        setStepName(IngestJobConfiguration.EXTRACT_PARTITION_STEP);
        setJobRepository(jobRepository); // poll the job repository for the partitions' ends
        setPollInterval(pollInterval.toMillis());
        setGridSize(partitions);
        afterPropertiesSet();
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        Map<Long, String> abandoned = new ConcurrentHashMap<>();
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "partition-watch");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        long[] lastProgress = {started};
        watch.scheduleWithFixedDelay(() -> {
            try {
                failAbandoned(partitions, abandoned);
                if (System.nanoTime() - lastProgress[0] >= PROGRESS_INTERVAL.toNanos()) {
                    lastProgress[0] = System.nanoTime();
                    progress(partitions, started);
                }
            } catch (RuntimeException e) {
                // a database hiccup: the next poll tries again (the handler's own poll fails the step if it lasts)
                log.warn("remote extract: cannot check the partitions: {}", e.getMessage());
            }
        }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("extract: {} partitions sent to the workers", partitions.size());
        try {
            Set<StepExecution> ended = super.doHandle(manager, partitions);
            for (StepExecution partition : ended) {
                String died = abandoned.get(partition.getId());
                if (died != null) {
                    manager.addFailureException(new RemotePartitionException(died));
                } else if (partition.getStatus() == BatchStatus.FAILED) {
                    manager.addFailureException(new RemotePartitionException(partition.getStepName()
                            + " failed on its worker: " + firstLine(partition.getExitStatus().getExitDescription())));
                }
            }
            return ended;
        } finally {
            watch.shutdownNow();
            partitions.forEach(p -> sent.remove(p.getId()));
        }
    }

    /** Marks FAILED every partition whose worker died (see the class); remembers why, by step execution id. */
    private void failAbandoned(Set<StepExecution> partitions, Map<Long, String> abandoned) {
        for (StepExecution partition : partitions) {
            long id = partition.getId();
            UUID message = sent.get(id);
            if (message == null || abandoned.containsKey(id) || !isRunning(id) || requests.isQueued(message)) {
                continue;
            }
            // a worker takes the request and the lock in one transaction and gives the lock back only after its
            // step execution recorded its end: read again under the lock, a partition still running was left
            requests.ifAbandoned(id, () -> {
                StepExecution current = jobRepository.getStepExecution(id);
                if (current != null && current.getStatus().isRunning()) {
                    String reason = current.getStepName() + " of run " + current.getJobExecutionId()
                            + ": its worker stopped while running it (its database session ended)";
                    current.setStatus(BatchStatus.FAILED);
                    current.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
                    current.setEndTime(LocalDateTime.now());
                    jobRepository.update(current);
                    abandoned.put(id, reason);
                    log.warn("extract: {}; marked FAILED, restart runs what it left", reason);
                }
            });
        }
    }

    private boolean isRunning(long stepExecutionId) {
        StepExecution current = jobRepository.getStepExecution(stepExecutionId);
        return current != null && current.getStatus().isRunning();
    }

    private void progress(Set<StepExecution> partitions, long started) {
        long running = partitions.stream().filter(p -> isRunning(p.getId())).count();
        int pending = documents.countPending();
        log.info(String.format("extract: %d documents pending, %d of %d partitions ended, %.0f s",
                pending, partitions.size() - running, partitions.size(), (System.nanoTime() - started) / 1e9));
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
