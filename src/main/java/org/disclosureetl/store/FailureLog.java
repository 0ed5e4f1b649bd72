package org.disclosureetl.store;

import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The failure log table. Each entry is committed in a transaction of its own, so a chunk that rolls
 * back afterwards cannot erase the record of why a document failed.
 */
@Repository
public class FailureLog {

    public record FailureEntry(long runId, String sourceFile, String documentId, String step, String errorType,
                               String message) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate requiresNew;

    public FailureLog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.requiresNew = new TransactionTemplate(transactionManager);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void record(FailureEntry entry) {
        requiresNew.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO failure (run_id, source_file, document_id, step, error_type, message, failed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.runId(), entry.sourceFile(), entry.documentId(), entry.step(), entry.errorType(),
                        DocumentRepository.truncate(entry.message(), 4000), LocalDateTime.now())
                .update());
    }
}
