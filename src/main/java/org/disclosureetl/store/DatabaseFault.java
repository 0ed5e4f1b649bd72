package org.disclosureetl.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The first sign, in this JVM, that the database can no longer be written (disk full, I/O error) or
 * reached (the PostgreSQL server stopped or died, the connection broke). H2 then closes the database for
 * good, and H2 2.4 can spin forever in the rollback of a transaction that was open
 * ({@code MVStore.registerVersionUsage}), so the job never returns (seen with a full tmpfs); on PostgreSQL
 * every thread of the job waits for connections that cannot be made, and Spring Batch cannot record the
 * failure either. Threads of the job report what they catch here, and the command ends the run.
 */
@Component
public class DatabaseFault {

    /** H2 error codes of a database that is gone: closed, I/O error (two forms), disk full. */
    private static final int[] FATAL = {90098, 90028, 90031, 90100};

    /**
     * PostgreSQL's SQLSTATEs (and PgJDBC's, which uses the same codes) of a database that is gone: class 08
     * connection_exception (the connection broke, or none can be made), 57P01 admin_shutdown, 57P02
     * crash_shutdown, 57P03 cannot_connect_now, 53100 disk_full, 58030 io_error.
     */
    private static final List<String> FATAL_SQLSTATES = List.of("08", "57P01", "57P02", "57P03", "53100", "58030");

    /** Of the fatal ones, those of a database that is there but cannot be written. */
    private static final List<String> CANNOT_WRITE_SQLSTATES = List.of("53100", "58030");

    private record Fault(Throwable cause, long nanos) {
    }

    private final AtomicReference<Fault> first = new AtomicReference<>();

    /** Remembers the failure if it says the database is gone; other failures are ignored. */
    public void report(Throwable failure) {
        if (isFatal(failure)) {
            first.compareAndSet(null, new Fault(failure, System.nanoTime()));
        }
    }

    /** The fault, once it was reported at least {@code age} ago. */
    public Optional<Throwable> olderThan(Duration age) {
        Fault fault = first.get();
        return fault != null && System.nanoTime() - fault.nanos() >= age.toNanos() ? Optional.of(fault.cause())
                : Optional.empty();
    }

    /**
     * What became of the database, for the run's one line: "cannot be reached" when the connection to the
     * server is gone, else "cannot be written" (disk full, I/O error, H2 closed).
     */
    public static String whatFailed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && FATAL_SQLSTATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return CANNOT_WRITE_SQLSTATES.contains(sql.getSQLState()) ? CANNOT_BE_WRITTEN : CANNOT_BE_REACHED;
            }
        }
        return CANNOT_BE_WRITTEN;
    }

    /**
     * The database's own words for the fault: the message of the SQLException that says the database is gone
     * (PgJDBC's "An I/O error occurred while sending to the backend" rather than the EOFException under it).
     */
    public static Optional<String> message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null && (sql.getSQLState() != null
                    && FATAL_SQLSTATES.stream().anyMatch(sql.getSQLState()::startsWith))) {
                // a failed JDBC batch names only its entry ("Batch entry 473 INSERT ..."); the driver's reason is
                // its next exception, as Failures.oneLine reads it for other failures
                SQLException reason = sql.getNextException() != null && sql.getNextException() != sql
                        && sql.getNextException().getMessage() != null ? sql.getNextException() : sql;
                return Optional.of(reason.getClass().getSimpleName() + ": "
                        + reason.getMessage().lines().findFirst().orElse("").strip());
            }
        }
        return Optional.empty();
    }

    public static final String CANNOT_BE_WRITTEN = "cannot be written";
    public static final String CANNOT_BE_REACHED = "cannot be reached";

    /** Whether the failure says the database is gone (closed, full, unreachable). */
    public static boolean isFatal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (int code : FATAL) {
                    if (sql.getErrorCode() == code) {
                        return true;
                    }
                }
                if (sql.getSQLState() != null && FATAL_SQLSTATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
        }
        return false;
    }
}
