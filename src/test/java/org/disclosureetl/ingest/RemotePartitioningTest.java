package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.store.PartitionRequests;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The manager's dead-worker detection ({@link RemotePartitionHandler}) on a real PostgreSQL server, with
 * workers played by sessions of the test ({@link PartitionRequests.WorkerSession}) and by the real
 * {@link PartitionWorker}: a request still queued and a request whose worker holds its lock are left alone;
 * a request whose worker's session ended is marked FAILED while the other partition runs to its end; the
 * run fails, and a restart sends only that partition again and completes the run.
 */
@Tag(TestKinds.APPLICATION)
@Tag(TestKinds.DATABASE)
@SpringBootTest(properties = {"etl.cli.enabled=false", "etl.workers=remote", "etl.remote.partitions=2",
        "etl.remote.poll-interval=100ms", "etl.threads=1", "etl.parse.isolation=in-process"})
class RemotePartitioningTest {

    private static final Duration POLLS = Duration.ofMillis(1000); // ten poll intervals

    @DynamicPropertySource
    static void serverDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresServer::newDatabaseUrl);
    }

    @TempDir
    Path input;
    @TempDir
    Path output;

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job ingestJob;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    PartitionRequests requests;
    @Autowired
    PartitionWorker worker;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPartitionLeftByADeadWorkerFailsTheRunAndRestartRunsOnlyThatPartition() throws Exception {
        Fixtures.copySampleInbox(input);
        JobParameters parameters = IngestJobConfiguration.runParameters(input, output, System.currentTimeMillis());
        FutureTask<JobExecution> manager = launch(parameters);
        await(() -> partitions(1).size() == 2, "the manager's two partitions");

        // no worker yet: both requests wait in the queue, and their partitions are left alone
        Thread.sleep(POLLS.toMillis());
        assertThat(partitions(1)).extracting(StepExecution::getStatus).containsOnly(BatchStatus.STARTING);

        // a worker takes a request (and its lock) and holds it: still left alone
        PartitionRequests.WorkerSession dying = requests.openWorkerSession();
        StepExecutionRequest taken = claim(dying);
        Thread.sleep(POLLS.toMillis());
        assertThat(status(taken.getStepExecutionId())).isEqualTo(BatchStatus.STARTING);
        assertThat(manager.isDone()).isFalse();

        // its session ends (the process died): the lock is free, the request gone, the partition not ended
        dying.close();
        await(() -> status(taken.getStepExecutionId()) == BatchStatus.FAILED, "the abandoned partition marked FAILED");
        StepExecution abandoned = jobRepository.getStepExecution(taken.getStepExecutionId());
        assertThat(abandoned.getEndTime()).isNotNull();
        assertThat(abandoned.getExitStatus().getExitDescription()).isEqualTo(abandoned.getStepName()
                + " of run 1: its worker stopped while running it (its database session ended)");
        // the manager still waits for the other partition, which a real worker now runs
        assertThat(manager.isDone()).isFalse();
        Thread workerThread = new Thread(() -> {
            try {
                worker.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-worker");
        workerThread.start();
        try {
            JobExecution failed = manager.get(2, TimeUnit.MINUTES);

            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(failed.getAllFailureExceptions()).extracting(Throwable::getMessage)
                    .contains(abandoned.getStepName() + " of run 1: its worker stopped while running it"
                            + " (its database session ended)");
            assertThat(partitions(1)).extracting(StepExecution::getStatus)
                    .containsExactlyInAnyOrder(BatchStatus.FAILED, BatchStatus.COMPLETED);
            long left = pending();
            assertThat(left).isPositive(); // the dead worker's partition: nothing of it was processed

            JobExecution restarted = launch(parameters).get(2, TimeUnit.MINUTES);

            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            // only the abandoned partition was sent again (a completed partition is not run twice)
            assertThat(partitions(restarted.getId())).extracting(StepExecution::getStepName)
                    .containsExactly(abandoned.getStepName());
            assertThat(pending()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE status = ?")
                    .param(DocumentStatus.EXTRACTED.code()).query(Long.class).single()).isEqualTo(19);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE processed_run = 2").query(Long.class).single())
                    .isEqualTo(left);
        } finally {
            worker.stop();
            workerThread.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(workerThread.isAlive()).isFalse();
    }

    private FutureTask<JobExecution> launch(JobParameters parameters) {
        FutureTask<JobExecution> job = new FutureTask<>(() -> jobOperator.start(ingestJob, parameters));
        Thread thread = new Thread(job, "test-manager");
        thread.setDaemon(true);
        thread.start();
        return job;
    }

    private static StepExecutionRequest claim(PartitionRequests.WorkerSession session) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<StepExecutionRequest> request = session.claim();
            if (request.isPresent()) {
                return request.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no request queued within 30 s");
    }

    private List<StepExecution> partitions(long runId) {
        JobExecution run;
        try {
            run = jobRepository.getJobExecution(runId);
        } catch (EmptyResultDataAccessException notYet) {
            return List.of();
        }
        return run.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(IngestJobConfiguration.EXTRACT_PARTITION_STEP + ":"))
                .toList();
    }

    private BatchStatus status(long stepExecutionId) {
        return jobRepository.getStepExecution(stepExecutionId).getStatus();
    }

    private long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM document WHERE status = ?").param(DocumentStatus.PENDING.code())
                .query(Long.class).single();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + ": not within 60 s");
    }
}
