package org.disclosureetl.store;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An H2 file database can be open in one process only. That is what keeps two runs from ever
 * working on the same database at once; this turns H2's error into a clear message. On PostgreSQL,
 * which many processes share, {@link RunLock} does that job and says the same.
 */
class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    static final String IN_USE = "The database is in use by another disclosure-etl process (a run or a schedule is going on).";
    static final String WAIT = "Wait for the other process to finish, or point this one at another database with --db.";

    /** H2's DATABASE_ALREADY_OPEN_1. */
    private static final int DATABASE_ALREADY_OPEN = 90020;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getErrorCode() != DATABASE_ALREADY_OPEN) {
            return null;
        }
        return new FailureAnalysis(IN_USE, WAIT, cause);
    }
}
