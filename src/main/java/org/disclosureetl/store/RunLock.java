package org.disclosureetl.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One process at a time runs jobs on a database. An H2 file database opens in one process only, so
 * there the database itself is the lock (H2's error {@link #H2_DATABASE_ALREADY_OPEN}, told in one line by
 * {@link ConnectionFailure}). A PostgreSQL database
 * is shared: analysts query it and {@code runs} or {@code export} read it while a run goes on. There a
 * process that runs jobs (ingest, restart, retry-failed, schedule) first takes a session-level advisory
 * lock and holds it, on a connection of its own, until it exits. That keeps two runs from working on
 * the same documents, and it is what lets the next run tell a run left unfinished by a process that
 * died (its session ended, the lock went with it) from one still going in another process. The lock
 * is the database's (another database on the same server has its own) and keeps one connection of the
 * pool for the life of the process.
 */
@Component
public class RunLock implements DisposableBean {

    /** The advisory lock's key: a number no other application on the database is expected to use ("dis-etl"). */
    static final long KEY = 0x6469732d65746cL;

    /** H2's DATABASE_ALREADY_OPEN_1: the H2 file is open in another process. */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    static final String IN_USE = "The database is in use by another disclosure-etl process (a run or a schedule is going on).";
    static final String WAIT = "Wait for the other process to finish, or point this one at another database with --db.";

    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?)";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(?)";
    private static final String POSTGRESQL = "PostgreSQL";

    private final DataSource dataSource;
    /** The connection that holds the lock, once taken; null before, and for H2. */
    private Connection holder;
    private boolean held;

    public RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the lock for the rest of this process (again: no effect).
     *
     * @throws DatabaseInUseException when another process holds it
     */
    public synchronized void acquire() throws SQLException {
        if (held) {
            return;
        }
        Connection connection = dataSource.getConnection();
        if (!POSTGRESQL.equals(connection.getMetaData().getDatabaseProductName())) {
            connection.close();
            held = true;
            return;
        }
        boolean locked;
        try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                locked = result.next() && result.getBoolean(1);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        if (!locked) {
            connection.close();
            throw new DatabaseInUseException();
        }
        holder = connection;
        held = true;
    }

    /** Whether the database is PostgreSQL (remote partitioning needs one; see {@code PartitionRequests}). */
    public boolean isPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return POSTGRESQL.equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /**
     * Gives the lock back before the pool closes (the pooled connection outlives this session's use of it;
     * a process that dies loses its connection and with it the lock).
     */
    @Override
    public synchronized void destroy() throws SQLException {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; PreparedStatement statement = connection.prepareStatement(UNLOCK)) {
            statement.setLong(1, KEY);
            statement.execute();
        } finally {
            holder = null;
            held = false;
        }
    }

    /** Another process runs jobs on this database. */
    public static final class DatabaseInUseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DatabaseInUseException() {
            super(IN_USE + " " + WAIT);
        }
    }
}
