package org.disclosureetl.store;

import java.time.LocalDateTime;
import java.util.regex.Pattern;

import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.vocabulary.FailureStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The failure log table. Entries are written in the caller's transaction (the chunk that stores the
 * document's status, or the discover step), so a crash or rollback takes the entry with it and the
 * replay writes it once. On top of that an entry is keyed: a document's failure by (document, step,
 * attempt), an unreadable file by (path, error type), and a key already logged is not logged again.
 * The statements select without a FROM clause (no H2 {@code DUAL}), which H2 and PostgreSQL both accept.
 */
@Repository
public class FailureLog {

    /**
     * @param attempt which attempt at the document failed (1 for the first); null for a file that never
     *                became a document
     */
    public record FailureEntry(long runId, String sourceFile, String documentId, Integer attempt, FailureStep step,
                               ErrorType errorType, String message) {
    }

    /** {@code org.apache.tika.parser.pdf.PDFParser@41ee392b}: the hash differs from run to run. */
    private static final Pattern OBJECT_IDENTITY = Pattern.compile("(\\b[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)@[0-9a-f]{1,8}\\b");

    private final JdbcClient jdbc;

    public FailureLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Logs the entry unless its key is logged already; true when it was logged now. */
    public boolean record(FailureEntry entry) {
        String message = DocumentRepository.truncate(withoutObjectIdentities(entry.message()), 4000);
        if (entry.documentId() != null) {
            return jdbc.sql("""
                            INSERT INTO failure (run_id, source_file, document_id, attempt, step, error_type, message, failed_at)
                            SELECT ?, ?, ?, ?, ?, ?, ?, ?
                            WHERE NOT EXISTS (SELECT 1 FROM failure WHERE document_id = ? AND step = ? AND attempt = ?)""")
                    .params(entry.runId(), entry.sourceFile(), entry.documentId(), entry.attempt(), entry.step().code(),
                            entry.errorType().code(), message, LocalDateTime.now(),
                            entry.documentId(), entry.step().code(), entry.attempt())
                    .update() > 0;
        }
        // a file that cannot be read is listed once, not again on every nightly run while it stays broken
        return jdbc.sql("""
                        INSERT INTO failure (run_id, source_file, document_id, attempt, step, error_type, message, failed_at)
                        SELECT ?, ?, NULL, NULL, ?, ?, ?, ?
                        WHERE NOT EXISTS (SELECT 1 FROM failure WHERE document_id IS NULL AND source_file = ?
                                          AND step = ? AND error_type = ?)""")
                .params(entry.runId(), entry.sourceFile(), entry.step().code(), entry.errorType().code(), message,
                        LocalDateTime.now(), entry.sourceFile(), entry.step().code(), entry.errorType().code())
                .update() > 0;
    }

    /** A message without {@code Class@hash} identities, so the same failure reads the same in every run. */
    public static String withoutObjectIdentities(String message) {
        return message == null ? "" : OBJECT_IDENTITY.matcher(message).replaceAll("$1");
    }
}
