package org.disclosureetl.parse;

import java.time.Duration;

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
 */
@ConfigurationProperties("etl.parse")
public record ParseProperties(@DefaultValue("5000000") long maxChars,
                              @DefaultValue("fork") Isolation isolation,
                              @DefaultValue("60s") Duration timeout,
                              @DefaultValue("512MB") DataSize childHeap,
                              @DefaultValue("0") int poolSize) {

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
    }

    /** The defaults of {@code application.yml}: fork isolation, 60 s, 512 MB child heap, 5,000,000 characters. */
    public static ParseProperties defaults() {
        return new ParseProperties(5_000_000, Isolation.FORK, Duration.ofSeconds(60), DataSize.ofMegabytes(512), 0);
    }

    public ParseProperties withIsolation(Isolation value) {
        return new ParseProperties(maxChars, value, timeout, childHeap, poolSize);
    }

    public ParseProperties withTimeout(Duration value) {
        return new ParseProperties(maxChars, isolation, value, childHeap, poolSize);
    }

    public ParseProperties withChildHeap(DataSize value) {
        return new ParseProperties(maxChars, isolation, timeout, value, poolSize);
    }

    public ParseProperties withMaxChars(long value) {
        return new ParseProperties(value, isolation, timeout, childHeap, poolSize);
    }

    public ParseProperties withPoolSize(int value) {
        return new ParseProperties(maxChars, isolation, timeout, childHeap, value);
    }
}
