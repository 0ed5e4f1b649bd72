package org.disclosureetl.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The queue of extract partition requests between a manager (a run with {@code etl.workers=remote}) and its
 * {@code worker} processes: a Spring Integration {@link QueueChannel} over the JDBC channel message store,
 * in table {@code INT_CHANNEL_MESSAGE} of the run's own PostgreSQL database (migration
 * {@code postgresql/V12__partition_requests.sql}), so no message broker is needed. Its PostgreSQL poll
 * takes the oldest request with {@code FOR UPDATE SKIP LOCKED} and deletes it: each request goes to one worker.
 *
 * <p>While a worker runs a partition it holds a session advisory lock named by the partition's step
 * execution ({@link WorkerSession}); taking the request off the queue and taking that lock commit together.
 * So a partition that is still running in the job repository, whose request is no longer queued and whose
 * lock is free, was left by a worker that died: its session ended and the lock went with it
 * ({@link #ifAbandoned}).
 */
@Component
public class PartitionRequests {

    /** The store's region and the channel's group: the rows of this queue in the table. */
    static final String REGION = "disclosure-etl";
    static final String GROUP = "extract-partition-requests";

    /** Advisory locks of partitions are (this, step execution id): the two-key space, apart from {@link RunLock}'s. */
    static final int LOCK_CLASS = 0x65746c70; // "etlp"

    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?, ?)";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(?, ?)";
    private static final String QUEUED = "SELECT COUNT(*) FROM INT_CHANNEL_MESSAGE WHERE REGION = ? AND MESSAGE_ID = ?";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public PartitionRequests(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** The manager's end of the queue, on the connection pool. */
    public QueueChannel channel() {
        return channel(dataSource);
    }

    private static QueueChannel channel(DataSource source) {
        JdbcTemplate template = new JdbcTemplate(source);
        template.setFetchSize(1); // one request per poll (the store warns about any other fetch size)
        JdbcChannelMessageStore store = new JdbcChannelMessageStore();
        store.setJdbcTemplate(template);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(REGION);
        // requests are Java-serialized; the store reads back only classes it is told to trust
        store.addAllowedPatterns(StepExecutionRequest.class.getName(), GenericMessage.class.getName(),
                MessageHeaders.class.getName(), "java.util.*");
        store.afterPropertiesSet();
        return new QueueChannel(new MessageGroupQueue(store, GROUP));
    }

    /** Whether the request with this message id is still waiting for a worker. */
    public boolean isQueued(UUID messageId) {
        Integer count = jdbc.queryForObject(QUEUED, Integer.class, REGION, messageId.toString());
        return count != null && count > 0;
    }

    /**
     * Runs {@code action} if no worker holds the lock of this partition, holding it meanwhile so that no
     * worker can take it; false when a worker holds it (the partition is being run).
     */
    public boolean ifAbandoned(long stepExecutionId, Runnable action) {
        Boolean free = jdbc.execute((Connection connection) -> {
            if (!lock(connection, stepExecutionId)) {
                return false;
            }
            try {
                action.run();
            } finally {
                unlock(connection, stepExecutionId);
            }
            return true;
        });
        return Boolean.TRUE.equals(free);
    }

    /** Whether a worker is running this partition now (holds its lock). */
    public boolean isRunningOnAWorker(long stepExecutionId) {
        return !ifAbandoned(stepExecutionId, () -> { });
    }

    /**
     * A session of a worker thread of its own, outside the connection pool: it lives as long as the worker
     * thread, and with it the lock of the partition the thread runs.
     */
    public WorkerSession openWorkerSession() throws SQLException {
        Connection connection;
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            connection = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())
                    .getConnection();
        } else {
            connection = dataSource.getConnection();
        }
        return new WorkerSession(new SingleConnectionDataSource(connection, true));
    }

    private static boolean lock(Connection connection, long stepExecutionId) throws SQLException {
        try (var statement = connection.prepareStatement(TRY_LOCK)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, lockKey(stepExecutionId));
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, long stepExecutionId) throws SQLException {
        try (var statement = connection.prepareStatement(UNLOCK)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, lockKey(stepExecutionId));
            statement.execute();
        }
    }

    /** The lock's second key: the id's low 32 bits (ids of partitions running at one time never share them). */
    private static int lockKey(long stepExecutionId) {
        return (int) stepExecutionId;
    }

    /** A worker thread's own database session (see {@link #openWorkerSession}). */
    public static final class WorkerSession implements AutoCloseable {

        private final SingleConnectionDataSource session;
        private final QueueChannel requests;
        private final TransactionTemplate transaction;

        private WorkerSession(SingleConnectionDataSource session) {
            this.session = session;
            this.requests = channel(session);
            this.transaction = new TransactionTemplate(new DataSourceTransactionManager(session));
        }

        /**
         * Takes the oldest request off the queue and the lock of its partition, in one transaction: a worker
         * that dies before the commit leaves the request queued, one that dies after it leaves the lock free.
         */
        public Optional<StepExecutionRequest> claim() {
            return Optional.ofNullable(transaction.execute(status -> {
                Message<?> message = requests.receive(0);
                if (message == null) {
                    return null;
                }
                StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
                Boolean locked = new JdbcTemplate(session).execute(
                        (Connection connection) -> lock(connection, request.getStepExecutionId()));
                if (!Boolean.TRUE.equals(locked)) {
                    throw new IllegalStateException("the lock of step execution " + request.getStepExecutionId()
                            + " is held by another session");
                }
                return request;
            }));
        }

        /** Gives the partition's lock back once its step execution has recorded how it ended. */
        public void release(long stepExecutionId) {
            new JdbcTemplate(session).execute((Connection connection) -> {
                unlock(connection, stepExecutionId);
                return null;
            });
        }

        @Override
        public void close() {
            session.destroy();
        }
    }
}
