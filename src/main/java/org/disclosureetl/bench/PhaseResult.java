package org.disclosureetl.bench;

import java.util.List;

import org.disclosureetl.ingest.StageTimings;

/**
 * One measured pass over the corpus.
 *
 * @param phase     {@code tika} (bare text extraction) or {@code job} (the full ingest job)
 * @param documents files handed to the phase
 * @param failed    files the phase could not process
 * @param bytes     input bytes of those files
 * @param stages    the job's per-stage time, summed over its threads ({@code null} for tika)
 * @param steps     the job's steps and partitions with their wall time ({@code empty} for tika)
 */
record PhaseResult(String phase, int threads, int documents, int failed, long bytes, CpuClock.Elapsed elapsed,
                   HeapProbe.Usage heap, StageTimings.Snapshot stages, List<StepTime> steps) {

    /** A job step or partition: its name, items written and wall time. */
    record StepTime(String name, long written, long millis) {
    }

    double seconds() {
        return elapsed.wallNanos() / 1e9;
    }

    /** CPU milliseconds this JVM spent per document (all threads, GC and JIT included). */
    double cpuMillisPerDocument() {
        return elapsed.cpuNanos() / 1e6 / documents;
    }

    double documentsPerSecond() {
        return documents / seconds();
    }

    double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }
}
