package org.disclosureetl.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;

import org.disclosureetl.store.FailureLog;
import org.springframework.stereotype.Component;

/**
 * Records a document that could not be processed: in the failure table (its own transaction, so a
 * chunk that rolls back later cannot erase it) and as a line in the run's log file
 * {@code <output>/logs/run-<id>.log}.
 */
@Component
public class FailureRecorder {

    private final FailureLog failureLog;

    public FailureRecorder(FailureLog failureLog) {
        this.failureLog = failureLog;
    }

    public void record(Path outputFolder, FailureLog.FailureEntry entry) {
        failureLog.record(entry);
        Path log = runLog(outputFolder, entry.runId());
        String line = String.join("\t", LocalDateTime.now().toString(), entry.sourceFile(), entry.step(),
                entry.errorType(), entry.message().replace('\n', ' ')) + "\n";
        try {
            Files.createDirectories(log.getParent());
            synchronized (this) {
                Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log " + log, e);
        }
    }

    public static Path runLog(Path outputFolder, long runId) {
        return outputFolder.resolve("logs").resolve("run-" + runId + ".log");
    }
}
