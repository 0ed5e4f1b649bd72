package org.disclosureetl.ingest;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.disclosureetl.store.DocumentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/** Prints a progress line at most every few seconds while documents are extracted; tracks running jobs. */
@Component
class ExtractProgress implements JobExecutionListener, StepExecutionListener, ItemWriteListener<ProcessedDocument> {

    private static final Logger log = LoggerFactory.getLogger("progress");
    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final DocumentRepository documents;
    private final StageObservations stages;
    private final RunningJobs runningJobs;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong lastPrinted = new AtomicLong();
    /** Whether this JVM runs the extract step; a worker runs only its partitions and prints its own lines. */
    private final AtomicBoolean extracting = new AtomicBoolean();

    ExtractProgress(DocumentRepository documents, StageObservations stages, RunningJobs runningJobs) {
        this.documents = documents;
        this.stages = stages;
        this.runningJobs = runningJobs;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        stages.reset();
        runningJobs.started(jobExecution.getId());
        log.info("run {} started: {} -> {}", jobExecution.getId(), jobExecution.getJobParameters().getString(IngestJobConfiguration.INPUT),
                jobExecution.getJobParameters().getString(IngestJobConfiguration.OUTPUT));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        runningJobs.ended(jobExecution.getId());
        String output = jobExecution.getJobParameters().getString(IngestJobConfiguration.OUTPUT);
        Path file = FailureRecorder.runLog(Path.of(output), jobExecution.getId()).resolveSibling(
                "run-" + jobExecution.getId() + "-stages.tsv");
        try {
            stages.write(file);
        } catch (UncheckedIOException e) {
            // the figures are for whoever tunes a run; a run must not fail for want of them
            log.warn("cannot write the stage timings {}: {}", file, e.getCause().getMessage());
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (!IngestJobConfiguration.EXTRACT_STEP.equals(stepExecution.getStepName())) {
            return;
        }
        extracting.set(true);
        total.set(documents.countPending());
        done.set(0);
        failed.set(0);
        long now = System.nanoTime();
        started.set(now);
        lastPrinted.set(now);
        log.info("extract: {} documents to process", total.get());
    }

    @Override
    public void afterWrite(Chunk<? extends ProcessedDocument> items) {
        if (!extracting.get()) {
            return;
        }
        long n = done.addAndGet(items.size());
        failed.addAndGet(items.getItems().stream().filter(ProcessedDocument::isFailed).count());
        long now = System.nanoTime();
        long last = lastPrinted.get();
        if (now - last >= INTERVAL_NANOS && lastPrinted.compareAndSet(last, now)) {
            double seconds = (now - started.get()) / 1e9;
            long all = Math.max(total.get(), n);
            log.info(String.format("extract: %d/%d documents (%.0f%%), %d failed, %.1f documents/s", n, all,
                    100.0 * n / all, failed.get(), n / seconds));
        }
    }
}
