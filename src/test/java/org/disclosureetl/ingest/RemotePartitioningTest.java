package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests;
import org.disclosureetl.store.SessionName;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The manager's decisions ({@link RemotePartitionHandler}) on a real PostgreSQL server, with workers played
 * by sessions of the test ({@link PartitionRequests.WorkerSession}) and by real {@link PartitionWorker}s: a
 * queued request and a request whose worker holds its lock are left alone; a partition whose worker's session
 * ended is sent again and the run completes; a partition lost as often as
 * {@code etl.remote.max-partition-attempts} allows fails the run, and so does a lost partition when no worker
 * has a live heartbeat; a stop withdraws the queued requests (STOPPED, no worker blamed); a restart runs what is left.
 * The heartbeat is 500 ms here, so a worker's lease is 3 s. Each test has a database of its own.
 */
@Tag(TestKinds.APPLICATION)
@Tag(TestKinds.DATABASE)
@SpringBootTest(properties = {"etl.cli.enabled=false", "etl.workers=remote", "etl.remote.partitions=2",
        "etl.remote.poll-interval=100ms", "etl.remote.heartbeat=500ms", "etl.remote.max-partition-attempts=2",
        "etl.threads=1", "etl.parse.isolation=in-process"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RemotePartitioningTest {

    private static final Duration POLLS = Duration.ofMillis(1000); // ten poll intervals
    private static final String SESSION_ENDED = " stopped while running it (its database session ended)";

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
    JdbcClient jdbc;
    @Autowired
    @Qualifier("extractPartitionStep")
    Step extractPartitionStep;
    @Autowired
    DocumentRepository documents;
    @Autowired
    ReportParser parser;
    @Autowired
    EtlProperties properties;
    @Autowired
    DataSource dataSource;

    private PartitionWorker worker;
    private Thread workerThread;

    @AfterEach
    void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.stop();
            workerThread.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(workerThread.isAlive()).isFalse();
        }
        // no request of this test may wait for the next one's workers
        jdbc.sql("DELETE FROM INT_CHANNEL_MESSAGE").update();
    }

    @Test
    void aPartitionLeftByADeadWorkerIsSentAgainAndTheRunCompletes() throws Exception {
        Fixtures.copySampleInbox(input);
        long runId = runs() + 1;
        FutureTask<JobExecution> manager = launch(parameters());
        await(() -> partitions(runId).size() == 2, "the manager's two partitions");

        // no worker yet: both requests wait in the queue, and their partitions are left alone
        Thread.sleep(POLLS.toMillis());
        assertThat(partitions(runId)).extracting(StepExecution::getStatus).containsOnly(BatchStatus.STARTING);

        // a worker takes a request (and its lock) and holds it, its heartbeat live: still left alone
        requests.workerStarted("dying-1");
        PartitionRequests.WorkerSession dying = requests.openWorkerSession();
        PartitionRequests.Claim taken = claim(dying, "dying-1");
        requests.heartbeat("dying-1");
        Thread.sleep(POLLS.toMillis());
        long lost = taken.request().getStepExecutionId();
        assertThat(status(lost)).isEqualTo(BatchStatus.STARTING);
        assertThat(manager.isDone()).isFalse();

        // its session ends (the process died): the partition is sent again, not failed
        dying.close();
        String name = jobRepository.getStepExecution(lost).getStepName();
        await(() -> requests.attemptsOfRun(runId).size() == 3, "the lost partition's second attempt");
        assertThat(status(lost)).isEqualTo(BatchStatus.STARTING);
        assertThat(manager.isDone()).isFalse();

        startWorker();
        JobExecution completed = manager.get(2, TimeUnit.MINUTES);

        assertThat(completed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(runId)).extracting(StepExecution::getStatus).containsOnly(BatchStatus.COMPLETED);
        assertThat(requests.attemptsOfRun(runId)).filteredOn(a -> a.stepName().equals(name))
                .extracting(PartitionRequests.AttemptRow::attempt, PartitionRequests.AttemptRow::worker,
                        PartitionRequests.AttemptRow::outcome, PartitionRequests.AttemptRow::reason)
                .containsExactly(tuple(1, "dying-1", "LOST", "its worker dying-1" + SESSION_ENDED),
                        tuple(2, worker.workerId(), "COMPLETED", ""));
        assertThat(requests.resentByRun()).containsEntry(runId, 1);
        assertThat(pending()).isZero();
        assertThat(extracted()).isEqualTo(19);
    }

    @Test
    void aWorkerWhoseLeaseRanOutWithItsSessionOpenIsCutOffAndItsPartitionRunsOnAnother() throws Exception {
        Fixtures.copySampleInbox(input);
        long runId = runs() + 1;
        FutureTask<JobExecution> manager = launch(parameters());
        await(() -> partitions(runId).size() == 2, "the manager's two partitions");

        // a worker process takes a request and its lock, then stops (SIGSTOP, a machine cut off): no more
        // heartbeats, but its session stays open and keeps the partition's lock
        PartitionRequests frozen = new PartitionRequests(dataSource, new JdbcTemplate(dataSource),
                new SessionName("frozen-4"));
        frozen.workerStarted("frozen-4");
        try (PartitionRequests.WorkerSession session = frozen.openWorkerSession()) {
            long lost = claim(session, "frozen-4").request().getStepExecutionId();
            String name = jobRepository.getStepExecution(lost).getStepName();
            startWorker();

            JobExecution completed = manager.get(2, TimeUnit.MINUTES);

            assertThat(completed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(requests.attemptsOfRun(runId)).filteredOn(a -> a.stepName().equals(name))
                    .extracting(PartitionRequests.AttemptRow::attempt, PartitionRequests.AttemptRow::worker,
                            PartitionRequests.AttemptRow::outcome, PartitionRequests.AttemptRow::reason)
                    .containsExactly(tuple(1, "frozen-4", "LOST",
                                    "its worker frozen-4 sent no heartbeat for 3 s; its 1 database session was ended"),
                            tuple(2, worker.workerId(), "COMPLETED", ""));
            assertThat(extracted()).isEqualTo(19);
            // the stopped worker's session is gone: nothing it sends when it wakes can commit
            assertThatThrownBy(() -> session.claim("frozen-4")).isInstanceOf(TransactionSystemException.class)
                    .hasMessage("JDBC rollback failed");
        }
    }

    @Test
    void aPartitionLostAsOftenAsItMayBeFailsTheRunAndRestartRunsOnlyIt() throws Exception {
        Fixtures.copySampleInbox(input);
        JobParameters parameters = parameters();
        long runId = runs() + 1;
        FutureTask<JobExecution> manager = launch(parameters);
        await(() -> partitions(runId).size() == 2, "the manager's two partitions");
        requests.workerStarted("dying-2");
        ScheduledExecutorService beating = Executors.newSingleThreadScheduledExecutor();
        beating.scheduleAtFixedRate(() -> requests.heartbeat("dying-2"), 0, 200, TimeUnit.MILLISECONDS);

        PartitionRequests.WorkerSession first = requests.openWorkerSession();
        long lost = claim(first, "dying-2").request().getStepExecutionId();
        first.close();
        await(() -> requests.attemptsOfRun(runId).size() == 3, "the second attempt");
        // the oldest request first: the other partition's, then the second attempt
        PartitionRequests.WorkerSession holding = requests.openWorkerSession();
        long other = claim(holding, "dying-2").request().getStepExecutionId();
        PartitionRequests.WorkerSession second = requests.openWorkerSession();
        assertThat(claim(second, "dying-2").request().getStepExecutionId()).isEqualTo(lost);
        second.close();
        await(() -> status(lost) == BatchStatus.FAILED, "the partition lost twice marked FAILED");
        String name = jobRepository.getStepExecution(lost).getStepName();
        String reason = name + " of run " + runId + ": its worker dying-2" + SESSION_ENDED
                + "; it was sent 2 times (etl.remote.max-partition-attempts)";
        assertThat(jobRepository.getStepExecution(lost).getExitStatus().getExitDescription()).isEqualTo(reason);
        assertThat(manager.isDone()).as("the other partition is still being run").isFalse();

        // the other partition's worker dies too; a live worker takes its second attempt and the run ends
        holding.close();
        beating.shutdownNow();
        startWorker();
        JobExecution failed = manager.get(2, TimeUnit.MINUTES);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        // beside Spring Batch's own "Partition handler returned an unsuccessful step"
        assertThat(failed.getAllFailureExceptions()).extracting(Throwable::getMessage).contains(reason);
        assertThat(status(other)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(requests.resentByRun()).containsEntry(runId, 2);
        long left = pending();
        assertThat(left).isPositive(); // the partition that failed: nothing of it was processed

        JobExecution restarted = launch(parameters).get(2, TimeUnit.MINUTES);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(restarted.getId())).extracting(StepExecution::getStepName).containsExactly(name);
        assertThat(pending()).isZero();
        assertThat(extracted()).isEqualTo(19);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE processed_run = ?").param(restarted.getId())
                .query(Long.class).single()).isEqualTo(left);
    }

    @Test
    void aLostPartitionWithNoLiveWorkerLeftFailsTheRun() throws Exception {
        Fixtures.copySampleInbox(input);
        long runId = runs() + 1;
        FutureTask<JobExecution> manager = launch(parameters());
        await(() -> partitions(runId).size() == 2, "the manager's two partitions");
        requests.workerStarted("dying-3");
        PartitionRequests.WorkerSession dying = requests.openWorkerSession();
        long lost = claim(dying, "dying-3").request().getStepExecutionId();
        dying.close();

        // sent again, then nobody's heartbeat is younger than the lease (3 s): the run fails, queue emptied
        JobExecution failed = manager.get(1, TimeUnit.MINUTES);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(partitions(runId)).extracting(StepExecution::getStatus).containsOnly(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).extracting(Throwable::getMessage)
                .filteredOn(message -> message.startsWith(IngestJobConfiguration.EXTRACT_PARTITION_STEP))
                .hasSize(2).allMatch(message -> message.endsWith(
                        " of run " + runId + ": no worker is left to run it (none has sent a heartbeat for 3 s)"));
        assertThat(requests.attemptsOfRun(runId)).extracting(PartitionRequests.AttemptRow::outcome)
                .containsExactlyInAnyOrder("LOST", "WITHDRAWN", "WITHDRAWN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INT_CHANNEL_MESSAGE").query(Long.class).single()).isZero();
        assertThat(status(lost)).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void aStopWithNoWorkerWithdrawsTheRequestsAndEndsStoppedAtOnceAndRestartCompletes() throws Exception {
        Fixtures.copySampleInbox(input);
        JobParameters parameters = parameters();
        long runId = runs() + 1;
        FutureTask<JobExecution> manager = launch(parameters);
        await(() -> partitions(runId).size() == 2, "the manager's two partitions");

        long asked = System.nanoTime();
        jobOperator.stop(runId);
        JobExecution stopped = manager.get(30, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(5));
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(partitions(runId)).extracting(StepExecution::getStatus).containsOnly(BatchStatus.STOPPED);
        assertThat(partitions(runId)).allMatch(p -> p.getEndTime() != null && p.getExitStatus().getExitDescription()
                .endsWith(": " + RemotePartitionHandler.WITHDRAWN_ON_STOP));
        assertThat(requests.attemptsOfRun(runId)).extracting(PartitionRequests.AttemptRow::outcome,
                PartitionRequests.AttemptRow::worker).containsOnly(tuple("WITHDRAWN", null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INT_CHANNEL_MESSAGE").query(Long.class).single()).isZero();

        startWorker();
        JobExecution restarted = launch(parameters).get(2, TimeUnit.MINUTES);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(pending()).isZero();
        assertThat(extracted()).isEqualTo(19);
    }

    private JobParameters parameters() {
        return IngestJobConfiguration.runParameters(input, output, System.nanoTime());
    }

    /** A real worker in a thread of the test, with its own heartbeat. */
    private void startWorker() {
        worker = new PartitionWorker(jobRepository, extractPartitionStep, requests, documents, parser, properties,
                new SessionName("test-worker-" + System.nanoTime()));
        workerThread = new Thread(() -> {
            try {
                worker.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-worker");
        workerThread.start();
    }

    private FutureTask<JobExecution> launch(JobParameters parameters) {
        FutureTask<JobExecution> job = new FutureTask<>(() -> jobOperator.start(ingestJob, parameters));
        Thread thread = new Thread(job, "test-manager");
        thread.setDaemon(true);
        thread.start();
        return job;
    }

    private static PartitionRequests.Claim claim(PartitionRequests.WorkerSession session, String workerId)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<PartitionRequests.Claim> claim = session.claim(workerId);
            if (claim.isPresent()) {
                return claim.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no request queued within 30 s");
    }

    private long runs() {
        return jdbc.sql("SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
    }

    private List<StepExecution> partitions(long runId) {
        JobExecution run;
        try {
            run = jobRepository.getJobExecution(runId);
        } catch (EmptyResultDataAccessException notYet) {
            return List.of();
        }
        if (run == null) {
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
        return jdbc.sql("SELECT COUNT(*) FROM document WHERE status = ? AND present")
                .param(DocumentStatus.PENDING.code()).query(Long.class).single();
    }

    private long extracted() {
        return jdbc.sql("SELECT COUNT(*) FROM document WHERE status = ? AND present")
                .param(DocumentStatus.EXTRACTED.code()).query(Long.class).single();
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
