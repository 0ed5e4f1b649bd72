package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.messaging.Message;

/**
 * The queue of partition requests and the partitions' locks on a real PostgreSQL server: what a worker
 * that takes a request, runs it, or dies leaves for the manager to see.
 */
@Tag(TestKinds.DATABASE)
class PartitionRequestsTest {

    private PartitionRequests requests;

    @BeforeEach
    void database() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresServer.newDatabaseUrl());
        new SchemaMigrations(dataSource).afterPropertiesSet();
        requests = new PartitionRequests(dataSource, new JdbcTemplate(dataSource));
    }

    @Test
    void aRequestGoesToOneWorkerWhichHoldsItsLockUntilItReleasesItOrDies() throws Exception {
        QueueChannel manager = requests.channel();
        Message<StepExecutionRequest> first = MessageBuilder.withPayload(new StepExecutionRequest("extractPartition", 41L)).build();
        Message<StepExecutionRequest> second = MessageBuilder.withPayload(new StepExecutionRequest("extractPartition", 42L)).build();
        manager.send(first);
        manager.send(second);
        assertThat(requests.isQueued(first.getHeaders().getId())).isTrue();
        assertThat(requests.isRunningOnAWorker(41)).isFalse();

        try (PartitionRequests.WorkerSession one = requests.openWorkerSession();
             PartitionRequests.WorkerSession two = requests.openWorkerSession()) {
            Optional<StepExecutionRequest> taken = one.claim();
            Optional<StepExecutionRequest> next = two.claim();

            // oldest first, each to one session
            assertThat(taken).map(StepExecutionRequest::getStepExecutionId).contains(41L);
            assertThat(next).map(StepExecutionRequest::getStepExecutionId).contains(42L);
            assertThat(two.claim()).isEmpty();
            assertThat(requests.isQueued(first.getHeaders().getId())).isFalse();
            assertThat(requests.isRunningOnAWorker(41)).isTrue();
            assertThat(requests.isRunningOnAWorker(42)).isTrue();
            // the manager's check leaves a held partition alone
            assertThat(requests.ifAbandoned(41, () -> { throw new AssertionError("not abandoned"); })).isFalse();

            one.release(41); // the partition ended and recorded it
            assertThat(requests.isRunningOnAWorker(41)).isFalse();
        } // both sessions end, as when a worker process dies: the lock of partition 42 goes with them
        assertThat(requests.isRunningOnAWorker(42)).isFalse();
        boolean[] ran = {false};
        assertThat(requests.ifAbandoned(42, () -> ran[0] = true)).isTrue();
        assertThat(ran[0]).isTrue();
        assertThat(requests.isQueued(UUID.randomUUID())).isFalse();
    }
}
