package org.disclosureetl.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.disclosureetl.store.FailureLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records files and documents that could not be processed: in the failure table, in the caller's
 * transaction (see {@link FailureLog}), and as a line in the run's log file
 * {@code <output>/logs/run-<id>.log}: time, file, step, error type and message, tab-separated.
 *
 * <p>Inside a transaction the log lines are written only when it is about to commit, so that the log says what the
 * failure table says: a chunk rolled back and written again, or a chunk written again one document at a time after
 * a savepoint rolled back, gives each failure one line, and a rollback with no retry gives none. A line is keyed
 * as the failure table keys its row ({@link FailureLog#record}).
 */
@Component
public class FailureRecorder {

    private final FailureLog failureLog;

    public FailureRecorder(FailureLog failureLog) {
        this.failureLog = failureLog;
    }

    public void record(Path outputFolder, List<FailureLog.FailureEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<LineKey, String> lines = new LinkedHashMap<>();
        for (FailureLog.FailureEntry entry : entries) {
            if (failureLog.record(entry)) {
                lines.put(LineKey.of(entry), String.join("\t", LocalDateTime.now().toString(),
                        logField(entry.sourceFile()), entry.step().code(), entry.errorType().code(),
                        logField(FailureLog.withoutObjectIdentities(entry.message()))) + "\n");
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        Path runLog = runLog(outputFolder, entries.get(0).runId());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingLines(runLog).putAll(lines);
        } else {
            append(runLog, lines.values());
        }
    }

    /** The lines waiting for the current transaction to commit, bound to it on first use. */
    private Map<LineKey, String> pendingLines(Path runLog) {
        PendingLines pending = (PendingLines) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            PendingLines created = new PendingLines(runLog, new LinkedHashMap<>());
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // before, not after: an output folder that cannot take the log fails the chunk, which a
                    // restart writes again, rather than leaving failures out of the log
                    append(created.log(), new ArrayList<>(created.lines().values()));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(FailureRecorder.this);
                }
            });
            pending = created;
        }
        return pending.lines();
    }

    private void append(Path runLog, Iterable<String> lines) {
        String text = String.join("", lines);
        try {
            Files.createDirectories(runLog.getParent());
            synchronized (this) {
                Files.writeString(runLog, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log " + runLog, e);
        }
    }

    /** One field of a log line: a tab or line break in a file name must not split the line. */
    static String logField(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    public static Path runLog(Path outputFolder, long runId) {
        return outputFolder.resolve("logs").resolve("run-" + runId + ".log");
    }

    /** The run log's lines recorded in one transaction and not yet written. */
    private record PendingLines(Path log, Map<LineKey, String> lines) {
    }

    /** What makes a failure row one row: a document's step and attempt, or a file's step and error type. */
    private record LineKey(String documentId, String sourceFile, String step, Object attemptOrErrorType) {

        static LineKey of(FailureLog.FailureEntry entry) {
            return entry.documentId() != null
                    ? new LineKey(entry.documentId(), null, entry.step().code(), entry.attempt())
                    : new LineKey(null, entry.sourceFile(), entry.step().code(), entry.errorType().code());
        }
    }
}
