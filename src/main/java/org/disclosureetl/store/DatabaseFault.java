package org.disclosureetl.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The first sign, in this JVM, that the H2 database can no longer be written (disk full, I/O error):
 * H2 then closes the database for good. Threads of the job report what they catch here, because
 * after such a close H2 2.4 can spin forever in the rollback of a transaction that was open
 * ({@code MVStore.registerVersionUsage}), and the job never returns (seen with a full tmpfs).
 */
@Component
public class DatabaseFault {

    /** H2 error codes of a database that is gone: closed, I/O error (two forms), disk full. */
    private static final int[] FATAL = {90098, 90028, 90031, 90100};

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

    static boolean isFatal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (int code : FATAL) {
                    if (sql.getErrorCode() == code) {
                        return true;
                    }
                }
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
        }
        return false;
    }
}
