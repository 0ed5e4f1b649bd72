package org.disclosureetl.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.integration.support.MessageBuilder;
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
 * <p>Each request is one attempt at a partition, recorded in {@code partition_attempt}
 * ({@code common/V17__partition_attempts.sql}): sent, taken by a worker, its lease (the heartbeat of that
 * worker), and how it ended. Workers are recorded in {@code partition_worker} with a heartbeat. Times are
 * the database server's, so machines with different clocks agree on what is stale.
 *
 * <p>While a worker runs a partition it also holds a session advisory lock named by the partition's step
 * execution ({@link WorkerSession}); taking the request off the queue, recording the attempt as taken and
 * taking that lock commit together. So a partition that is still running in the job repository, whose
 * request is no longer queued and whose lock is free, was left by a worker whose session ended (it died):
 * seen at once ({@link #ifAbandoned}); a worker that hangs or whose machine is cut off keeps its session
 * for a while, but its heartbeat stops: seen when its lease runs out ({@link #leaseExpired}).
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
    private static final String WITHDRAW = "DELETE FROM INT_CHANNEL_MESSAGE WHERE REGION = ? AND MESSAGE_ID = ?";
    private static final String NEW_ATTEMPT = """
            INSERT INTO partition_attempt (step_execution_id, attempt, job_execution_id, step_name, message_id, sent)
            VALUES (?, ?, ?, ?, ?, LOCALTIMESTAMP)""";
    private static final String TAKEN = """
            UPDATE partition_attempt SET worker_id = ?, claimed = LOCALTIMESTAMP, heartbeat = LOCALTIMESTAMP
            WHERE message_id = ? AND ended IS NULL""";
    private static final String END_ATTEMPT = """
            UPDATE partition_attempt SET ended = LOCALTIMESTAMP, outcome = ?, reason = ?
            WHERE message_id = ? AND ended IS NULL""";
    private static final String LEASE_EXPIRED = """
            SELECT COUNT(*) FROM partition_attempt WHERE message_id = ? AND ended IS NULL AND claimed IS NOT NULL
              AND heartbeat < LOCALTIMESTAMP - ? * INTERVAL '1 millisecond'""";
    /**
     * Ends a worker's sessions on this database, never the caller's own (by name and by process). The sessions
     * are chosen first (a materialized CTE), so the server cannot call pg_terminate_backend on rows it has not
     * filtered yet.
     */
    private static final String END_SESSIONS = """
            WITH worker_sessions AS MATERIALIZED (
                SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = ? AND application_name <> ?
                  AND pid <> pg_backend_pid())
            SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM worker_sessions""";
    private static final String NAME_SESSION = "SELECT set_config('application_name', ?, false)";
    private static final String ATTEMPT_WORKER = "SELECT worker_id FROM partition_attempt WHERE message_id = ?";
    private static final String NEW_WORKER = """
            INSERT INTO partition_worker (worker_id, started, heartbeat) VALUES (?, LOCALTIMESTAMP, LOCALTIMESTAMP)""";
    private static final String WORKER_BEAT = "UPDATE partition_worker SET heartbeat = LOCALTIMESTAMP WHERE worker_id = ?";
    private static final String LEASES_BEAT = """
            UPDATE partition_attempt SET heartbeat = LOCALTIMESTAMP WHERE worker_id = ? AND ended IS NULL""";
    private static final String WORKER_STOPPED = "UPDATE partition_worker SET stopped = LOCALTIMESTAMP WHERE worker_id = ?";
    private static final String LIVE_WORKERS = """
            SELECT COUNT(*) FROM partition_worker
            WHERE stopped IS NULL AND heartbeat >= LOCALTIMESTAMP - ? * INTERVAL '1 millisecond'""";
    private static final String ATTEMPTS_OF_RUN = """
            SELECT step_name, attempt, worker_id, outcome, reason FROM partition_attempt
            WHERE job_execution_id = ? ORDER BY step_name, attempt""";
    /** The attempts after the first of each run ({@link AttemptRow#resent()}). */
    private static final String RESENT_BY_RUN = """
            SELECT job_execution_id, COUNT(*) FROM partition_attempt WHERE attempt > 1 GROUP BY job_execution_id""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SessionName sessionName;

    public PartitionRequests(DataSource dataSource, JdbcTemplate jdbc, SessionName sessionName) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.sessionName = sessionName;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** How an attempt at a partition ended ({@code partition_attempt.outcome}). */
    public enum Outcome {
        /** its worker ran the partition to the end */
        COMPLETED,
        /** its worker stopped the partition after a chunk (the run was stopping, or the worker was) */
        STOPPED,
        /** the partition failed on its worker */
        FAILED,
        /** its worker died or its lease ran out while running it */
        LOST,
        /** taken back from the queue before a worker took it (the manager stopped, or no worker was left) */
        WITHDRAWN,
        /** taken by a worker that found its run no longer waiting for it */
        SKIPPED
    }

    /** One attempt at a partition, as a run's report shows it; worker, outcome and reason null while open. */
    public record AttemptRow(String stepName, int attempt, String worker, String outcome, String reason) {
        /** An attempt after the first: the partition sent again after its worker was lost. */
        public boolean resent() {
            return attempt > 1;
        }
    }

    /** A request a worker took: what to run, and the message that carried it (the attempt's key). */
    public record Claim(StepExecutionRequest request, UUID messageId) {
    }

    /**
     * Sends attempt {@code attempt} at partition {@code stepName} (a step execution of the run): records it and
     * queues its request, for the worker step {@code workerStep}, in one transaction. Returns the id of the
     * message that carries it.
     */
    public UUID send(long jobExecutionId, long stepExecutionId, String stepName, int attempt, String workerStep) {
        Message<StepExecutionRequest> message = MessageBuilder
                .withPayload(new StepExecutionRequest(workerStep, stepExecutionId)).build();
        UUID id = message.getHeaders().getId();
        QueueChannel queue = channel();
        transaction.executeWithoutResult(status -> {
            jdbc.update(NEW_ATTEMPT, stepExecutionId, attempt, jobExecutionId, stepName, id.toString());
            queue.send(message);
        });
        return id;
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
     * Takes a request back from the queue if no worker has taken it, and ends its attempt as
     * {@link Outcome#WITHDRAWN} with {@code reason}; false when a worker took it first (a worker's claim holds
     * the row until it commits, so the two cannot both have it).
     */
    public boolean withdraw(UUID messageId, String reason) {
        Boolean withdrawn = transaction.execute(status -> {
            if (jdbc.update(WITHDRAW, REGION, messageId.toString()) == 0) {
                return false;
            }
            jdbc.update(END_ATTEMPT, Outcome.WITHDRAWN.name(), reason, messageId.toString());
            return true;
        });
        return Boolean.TRUE.equals(withdrawn);
    }

    /** Ends an attempt that is still open (a later end, of a worker that was given up on, changes nothing). */
    public void endAttempt(UUID messageId, Outcome outcome, String reason) {
        jdbc.update(END_ATTEMPT, outcome.name(), shorten(reason), messageId.toString());
    }

    /** Whether the attempt was taken by a worker whose heartbeat is older than {@code lease}. */
    public boolean leaseExpired(UUID messageId, Duration lease) {
        Integer count = jdbc.queryForObject(LEASE_EXPIRED, Integer.class, messageId.toString(), lease.toMillis());
        return count != null && count > 0;
    }

    /**
     * Ends every database session of worker {@code workerId} (its {@link SessionName}): its partition's lock and
     * any chunk transaction it left open are let go, and nothing it still sends can commit. For a worker given up
     * after its lease ran out, whose process may be stopped or cut off with its sessions open. Returns how many
     * sessions were ended; 0 where the server refuses (a role without the right to signal them: then the
     * partition waits until the worker's sessions end on their own).
     */
    public int endSessionsOf(String workerId) {
        try {
            Integer ended = jdbc.queryForObject(END_SESSIONS, Integer.class, workerId, sessionName.value());
            return ended == null ? 0 : ended;
        } catch (DataAccessException e) {
            return 0;
        }
    }

    /** The worker that took the attempt, or null while it is queued. */
    public String workerOf(UUID messageId) {
        return jdbc.query(ATTEMPT_WORKER, rs -> rs.next() ? rs.getString(1) : null, messageId.toString());
    }

    /** Workers not stopped whose heartbeat is younger than {@code lease}. */
    public int liveWorkers(Duration lease) {
        Integer count = jdbc.queryForObject(LIVE_WORKERS, Integer.class, lease.toMillis());
        return count == null ? 0 : count;
    }

    /** Every attempt at the partitions of a run (empty for a local run), by partition and attempt. */
    public List<AttemptRow> attemptsOfRun(long jobExecutionId) {
        return jdbc.query(ATTEMPTS_OF_RUN, (rs, n) -> new AttemptRow(rs.getString(1), rs.getInt(2), rs.getString(3),
                rs.getString(4), rs.getString(5)), jobExecutionId);
    }

    /** The partitions sent again (attempts after the first), by run; runs without any are absent. */
    public Map<Long, Integer> resentByRun() {
        Map<Long, Integer> resent = new HashMap<>();
        jdbc.query(RESENT_BY_RUN, rs -> {
            resent.put(rs.getLong(1), rs.getInt(2));
        });
        return resent;
    }

    /** Records a worker process as up; its heartbeat starts now. */
    public void workerStarted(String workerId) {
        jdbc.update(NEW_WORKER, workerId);
    }

    /** A worker's heartbeat: its own and the lease of every attempt it has taken and not ended, together. */
    public void heartbeat(String workerId) {
        transaction.executeWithoutResult(status -> {
            jdbc.update(WORKER_BEAT, workerId);
            jdbc.update(LEASES_BEAT, workerId);
        });
    }

    /** A worker that stopped cleanly: not counted as live any more, without waiting for its lease. */
    public void workerStopped(String workerId) {
        jdbc.update(WORKER_STOPPED, workerId);
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
        // under this process's name, like the pool's sessions: a manager that gives the worker up ends it too
        try (var statement = connection.prepareStatement(NAME_SESSION)) {
            statement.setString(1, sessionName.value());
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
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

    private static String shorten(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
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
         * Takes the oldest request off the queue for worker {@code workerId}, records its attempt as taken and
         * takes the lock of its partition, in one transaction: a worker that dies before the commit leaves the
         * request queued, one that dies after it leaves the lock free. A lock still held (the manager is
         * deciding about that partition this moment) leaves the request queued for the next poll.
         */
        public Optional<Claim> claim(String workerId) {
            return Optional.ofNullable(transaction.execute(status -> {
                Message<?> message = requests.receive(0);
                if (message == null) {
                    return null;
                }
                StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
                JdbcTemplate template = new JdbcTemplate(session);
                Boolean locked = template.execute((Connection connection) -> lock(connection, request.getStepExecutionId()));
                if (!Boolean.TRUE.equals(locked)) {
                    status.setRollbackOnly();
                    return null;
                }
                try {
                    template.update(TAKEN, workerId, message.getHeaders().getId().toString());
                } catch (RuntimeException e) {
                    template.execute((Connection connection) -> {
                        unlock(connection, request.getStepExecutionId());
                        return null;
                    });
                    throw e;
                }
                return new Claim(request, message.getHeaders().getId());
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
