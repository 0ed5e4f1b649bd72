package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The queue of partition requests, their attempts, the partitions' locks and the workers' heartbeats on a real
 * PostgreSQL server: what a worker that takes a request, runs it, beats or dies leaves for the manager to see.
 */
@Tag(TestKinds.DATABASE)
class PartitionRequestsTest {

    private DriverManagerDataSource dataSource;
    private PartitionRequests requests;

    @BeforeEach
    void database() throws Exception {
        dataSource = new DriverManagerDataSource(PostgresServer.newDatabaseUrl());
        new SchemaMigrations(dataSource).afterPropertiesSet();
        requests = new PartitionRequests(dataSource, new JdbcTemplate(dataSource), new SessionName("manager-1"));
    }

    @Test
    void aRequestGoesToOneWorkerWhichHoldsItsLockUntilItReleasesItOrDies() throws Exception {
        UUID first = requests.send(7, 41, "extractPartition:partition0", 1, "extractPartition");
        UUID second = requests.send(7, 42, "extractPartition:partition1", 1, "extractPartition");
        assertThat(requests.isQueued(first)).isTrue();
        assertThat(requests.workerOf(first)).isNull();
        assertThat(requests.isRunningOnAWorker(41)).isFalse();

        try (PartitionRequests.WorkerSession one = requests.openWorkerSession();
             PartitionRequests.WorkerSession two = requests.openWorkerSession()) {
            Optional<PartitionRequests.Claim> taken = one.claim("w1");
            Optional<PartitionRequests.Claim> next = two.claim("w2");

            // oldest first, each to one session, the attempt recorded as taken by that worker
            assertThat(taken).map(c -> c.request().getStepExecutionId()).contains(41L);
            assertThat(taken).map(PartitionRequests.Claim::messageId).contains(first);
            assertThat(next).map(c -> c.request().getStepExecutionId()).contains(42L);
            assertThat(two.claim("w2")).isEmpty();
            assertThat(requests.isQueued(first)).isFalse();
            assertThat(requests.workerOf(first)).isEqualTo("w1");
            assertThat(requests.isRunningOnAWorker(41)).isTrue();
            assertThat(requests.isRunningOnAWorker(42)).isTrue();
            // the manager's check leaves a held partition alone
            assertThat(requests.ifAbandoned(41, () -> { throw new AssertionError("not abandoned"); })).isFalse();
            // a taken request cannot be withdrawn
            assertThat(requests.withdraw(first, "too late")).isFalse();

            requests.endAttempt(first, PartitionRequests.Outcome.COMPLETED, "");
            one.release(41); // the partition ended and recorded it
            assertThat(requests.isRunningOnAWorker(41)).isFalse();
        } // both sessions end, as when a worker process dies: the lock of partition 42 goes with them
        assertThat(requests.isRunningOnAWorker(42)).isFalse();
        boolean[] ran = {false};
        assertThat(requests.ifAbandoned(42, () -> ran[0] = true)).isTrue();
        assertThat(ran[0]).isTrue();
        assertThat(requests.isQueued(UUID.randomUUID())).isFalse();
        requests.endAttempt(second, PartitionRequests.Outcome.LOST, "its worker died");
        requests.endAttempt(second, PartitionRequests.Outcome.COMPLETED, "a late end changes nothing");
        assertThat(requests.attemptsOfRun(7)).containsExactly(
                new PartitionRequests.AttemptRow("extractPartition:partition0", 1, "w1", "COMPLETED", ""),
                new PartitionRequests.AttemptRow("extractPartition:partition1", 1, "w2", "LOST", "its worker died"));
    }

    @Test
    void aQueuedRequestIsWithdrawnOnceAndNoWorkerGetsIt() throws Exception {
        UUID request = requests.send(8, 51, "extractPartition:partition0", 1, "extractPartition");

        assertThat(requests.withdraw(request, "the run was stopped")).isTrue();
        assertThat(requests.withdraw(request, "again")).isFalse();

        try (PartitionRequests.WorkerSession worker = requests.openWorkerSession()) {
            assertThat(worker.claim("w1")).isEmpty();
        }
        assertThat(requests.attemptsOfRun(8)).containsExactly(
                new PartitionRequests.AttemptRow("extractPartition:partition0", 1, null, "WITHDRAWN", "the run was stopped"));
        assertThat(requests.resentByRun()).doesNotContainKey(8L);
    }

    @Test
    void aWorkersHeartbeatKeepsItAndItsAttemptsAliveForTheLease() throws Exception {
        // a lease long enough that a loaded CI machine finishes each group of checks within it (a 700 ms lease
        // failed under a load of 15 on 2 cores), and a sleep just past it to let the first beats expire
        Duration lease = Duration.ofSeconds(3);
        requests.workerStarted("w1");
        requests.workerStarted("w2");
        UUID first = requests.send(9, 61, "extractPartition:partition0", 1, "extractPartition");
        UUID again = requests.send(9, 61, "extractPartition:partition0", 2, "extractPartition");
        try (PartitionRequests.WorkerSession session = requests.openWorkerSession()) {
            session.claim("w1");
        }
        assertThat(requests.liveWorkers(lease)).isEqualTo(2);
        assertThat(requests.leaseExpired(first, lease)).isFalse();

        Thread.sleep(lease.toMillis() + 200);
        requests.heartbeat("w2");
        assertThat(requests.liveWorkers(lease)).isEqualTo(1);
        assertThat(requests.leaseExpired(first, lease)).isTrue();
        assertThat(requests.leaseExpired(again, lease)).as("queued: no lease yet").isFalse();
        requests.heartbeat("w1");
        assertThat(requests.leaseExpired(first, lease)).isFalse();
        assertThat(requests.liveWorkers(lease)).isEqualTo(2);

        requests.workerStopped("w2");
        assertThat(requests.liveWorkers(lease)).isEqualTo(1);
        assertThat(requests.resentByRun()).containsEntry(9L, 1);
    }

    @Test
    void aWorkerGivenUpHasItsSessionsEndedSoItsPartitionsLockAndOpenTransactionAreLetGo() throws Exception {
        PartitionRequests worker = new PartitionRequests(dataSource, new JdbcTemplate(dataSource),
                new SessionName("frozen-worker-1"));
        UUID request = requests.send(10, 71, "extractPartition:partition0", 1, "extractPartition");
        try (PartitionRequests.WorkerSession session = worker.openWorkerSession();
             Connection chunk = dataSource.getConnection()) {
            assertThat(session.claim("frozen-worker-1")).isPresent();
            // a chunk transaction of the same process left open, holding a row lock
            chunk.createStatement().execute("SELECT set_config('application_name', 'frozen-worker-1', false)");
            chunk.setAutoCommit(false);
            chunk.createStatement().executeUpdate("UPDATE partition_attempt SET reason = 'uncommitted' WHERE step_execution_id = 71");
            assertThat(requests.isRunningOnAWorker(71)).isTrue();

            // another name ends nothing, and the caller never ends its own sessions
            assertThat(requests.endSessionsOf("no-such-worker")).isZero();
            assertThat(requests.endSessionsOf("manager-1")).isZero();
            assertThat(requests.endSessionsOf("frozen-worker-1")).isEqualTo(2);

            assertThat(requests.isRunningOnAWorker(71)).isFalse();
            assertThat(chunk.isValid(5)).isFalse();
        }
        // the open transaction was rolled back, so its row lock is gone: the manager's update goes through
        requests.endAttempt(request, PartitionRequests.Outcome.LOST, "lease ran out");
        assertThat(requests.attemptsOfRun(10)).containsExactly(new PartitionRequests.AttemptRow(
                "extractPartition:partition0", 1, "frozen-worker-1", "LOST", "lease ran out"));
    }
}
