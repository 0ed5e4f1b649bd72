package org.disclosureetl.ingest;

import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/**
 * Wall time spent per pipeline stage, summed over all extract threads, for the run summary and the
 * benchmark's per-stage breakdown.
 */
@Component
public class StageTimings {

    private final LongAdder parseNanos = new LongAdder();
    private final LongAdder normalizeNanos = new LongAdder();
    private final LongAdder extractNanos = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();

    public record Snapshot(long parseNanos, long normalizeNanos, long extractNanos, long writeNanos) {
    }

    void addParse(long nanos) {
        parseNanos.add(nanos);
    }

    void addNormalize(long nanos) {
        normalizeNanos.add(nanos);
    }

    void addExtract(long nanos) {
        extractNanos.add(nanos);
    }

    void addWrite(long nanos) {
        writeNanos.add(nanos);
    }

    public Snapshot snapshot() {
        return new Snapshot(parseNanos.sum(), normalizeNanos.sum(), extractNanos.sum(), writeNanos.sum());
    }

    public void reset() {
        parseNanos.reset();
        normalizeNanos.reset();
        extractNanos.reset();
        writeNanos.reset();
    }
}
