package org.disclosureetl.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;

import org.disclosureetl.store.FailureLog;
import org.springframework.stereotype.Component;

/**
 * Records files and documents that could not be processed: in the failure table, in the caller's
 * transaction (see {@link FailureLog}), and as a line in the run's log file
 * {@code <output>/logs/run-<id>.log}: time, file, step, error type and message, tab-separated.
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
        StringBuilder lines = new StringBuilder();
        for (FailureLog.FailureEntry entry : entries) {
            if (failureLog.record(entry)) {
                lines.append(String.join("\t", LocalDateTime.now().toString(), logField(entry.sourceFile()),
                        entry.step().code(), entry.errorType().code(),
                        logField(FailureLog.withoutObjectIdentities(entry.message())))).append('\n');
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        Path log = runLog(outputFolder, entries.get(0).runId());
        try {
            Files.createDirectories(log.getParent());
            synchronized (this) {
                Files.writeString(log, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log " + log, e);
        }
    }

    /** One field of a log line: a tab or line break in a file name must not split the line. */
    static String logField(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    public static Path runLog(Path outputFolder, long runId) {
        return outputFolder.resolve("logs").resolve("run-" + runId + ".log");
    }
}
