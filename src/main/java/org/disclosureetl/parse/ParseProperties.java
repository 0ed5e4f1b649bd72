package org.disclosureetl.parse;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits for parsing one document.
 *
 * @param maxChars  the most text one report may yield; more means a hostile or wrong file
 * @param isolation where Tika runs: {@code fork} (default) in a pool of child JVMs, so that a parser that hangs,
 *                  crashes or runs out of memory takes down only its document; {@code in-process} in this JVM,
 *                  faster but unprotected (for trusted input)
 * @param timeout   how long one document may take to parse before its child JVM is killed ({@code fork} only)
 * @param childHeap maximum heap of each child JVM, passed as {@code -Xmx} ({@code fork} only)
 * @param poolSize  child JVMs kept side by side; 0 means one per extract thread ({@code etl.threads})
 * @param inProcessTypes with {@code fork}, the types (as Tika detects them from name and leading bytes) that are
 *                  parsed in this JVM all the same: plain text and HTML are read by streaming parsers whose work
 *                  and memory are bounded by {@code max-chars}, so they can neither hang nor blow the heap, and a
 *                  child JVM would only add its start-up; empty forks every type
 * @param quickStartBelow with {@code fork}, a run of fewer documents than this uses one child JVM, started with the
 *                  quick JIT compiler only ({@code -XX:TieredStopAtLevel=1}): a fresh child spends seconds loading
 *                  classes and compiling with the optimizing compiler, which a short run never earns back
 *                  (bench/README.md); a longer run, and a parser used outside a run, get a child per thread with
 *                  both compilers
 * @param ocrTimeout with {@code fork}, the time limit instead of {@code timeout} for a file that may be a scan (an
 *                  image, a PDF without fonts or with a page-sized picture, a Word document with pictures big
 *                  enough to hold a table): OCR takes seconds a page (README "Scanned reports (OCR)"), so
 *                  such files go to children of their own that allow this long
 */
@ConfigurationProperties("etl.parse")
public record ParseProperties(@DefaultValue("5000000") long maxChars,
                              @DefaultValue("fork") Isolation isolation,
                              @DefaultValue("60s") Duration timeout,
                              @DefaultValue("512MB") DataSize childHeap,
                              @DefaultValue("0") int poolSize,
                              @DefaultValue({"text/plain", "text/markdown", "text/html", "application/xhtml+xml"})
                              List<String> inProcessTypes,
                              @DefaultValue("10000") int quickStartBelow,
                              @DefaultValue("10m") Duration ocrTimeout) {

    /** Where the parsers run. Bound from {@code fork} and {@code in-process}. */
    public enum Isolation {
        FORK, IN_PROCESS
    }

    public ParseProperties {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("etl.parse.max-chars must be positive, not " + maxChars);
        }
        if (isolation == null) {
            throw new IllegalArgumentException("etl.parse.isolation must be fork or in-process");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("etl.parse.timeout must be positive, not " + timeout);
        }
        if (childHeap == null || childHeap.toMegabytes() < 64) {
            throw new IllegalArgumentException("etl.parse.child-heap must be at least 64MB, not " + childHeap);
        }
        if (poolSize < 0) {
            throw new IllegalArgumentException("etl.parse.pool-size must be 0 (one per extract thread) or more, not "
                    + poolSize);
        }
        inProcessTypes = inProcessTypes == null ? List.of() : List.copyOf(inProcessTypes);
        if (ocrTimeout == null || ocrTimeout.isNegative() || ocrTimeout.isZero()) {
            throw new IllegalArgumentException("etl.parse.ocr-timeout must be positive, not " + ocrTimeout);
        }
        if (quickStartBelow < 0) {
            throw new IllegalArgumentException("etl.parse.quick-start-below must be 0 (never) or more, not "
                    + quickStartBelow);
        }
    }

    /** The types {@link #defaults()} parses in this JVM under {@code fork}. */
    public static final List<String> TEXT_TYPES = List.of("text/plain", "text/markdown", "text/html",
            "application/xhtml+xml");

    /**
     * The defaults of {@code application.yml}: fork isolation (text and HTML in this JVM), 60 s, 512 MB child heap,
     * 5,000,000 characters.
     */
    public static ParseProperties defaults() {
        return new ParseProperties(5_000_000, Isolation.FORK, Duration.ofSeconds(60), DataSize.ofMegabytes(512), 0,
                TEXT_TYPES, 10_000, Duration.ofMinutes(10));
    }

    public ParseProperties withIsolation(Isolation value) {
        return new ParseProperties(maxChars, value, timeout, childHeap, poolSize, inProcessTypes, quickStartBelow, ocrTimeout);
    }

    public ParseProperties withTimeout(Duration value) {
        return new ParseProperties(maxChars, isolation, value, childHeap, poolSize, inProcessTypes, quickStartBelow, ocrTimeout);
    }

    public ParseProperties withChildHeap(DataSize value) {
        return new ParseProperties(maxChars, isolation, timeout, value, poolSize, inProcessTypes, quickStartBelow, ocrTimeout);
    }

    public ParseProperties withMaxChars(long value) {
        return new ParseProperties(value, isolation, timeout, childHeap, poolSize, inProcessTypes, quickStartBelow, ocrTimeout);
    }

    public ParseProperties withPoolSize(int value) {
        return new ParseProperties(maxChars, isolation, timeout, childHeap, value, inProcessTypes, quickStartBelow, ocrTimeout);
    }

    /** With {@code fork}, every type in a child JVM. */
    public ParseProperties forkingEveryType() {
        return new ParseProperties(maxChars, isolation, timeout, childHeap, poolSize, List.of(), quickStartBelow, ocrTimeout);
    }
}
