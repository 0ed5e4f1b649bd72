package org.disclosureetl.bench;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The floor the ingest job is compared with: plain Tika text extraction of every file
 * (AutoDetectParser, BodyContentHandler without a limit, the file name in the metadata), with a
 * pool of worker threads taking files from a shared queue.
 */
final class TikaBaseline {

    static final long JIT_QUIET_MAX_MILLIS = 30_000;

    private final AutoDetectParser parser = new AutoDetectParser();

    PhaseResult run(List<CorpusFile> files, int threads) throws InterruptedException {
        AtomicInteger failed = new AtomicInteger();
        CpuClock.awaitJitQuiet(JIT_QUIET_MAX_MILLIS);
        HeapProbe.reset();
        CpuClock clock = CpuClock.start();
        try {
            FilePool.forEach(files, threads, "tika-bench", file -> {
                if (!extract(file)) {
                    failed.incrementAndGet();
                }
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        CpuClock.Elapsed elapsed = clock.stop();
        long bytes = files.stream().mapToLong(CorpusFile::bytes).sum();
        return new PhaseResult("tika", threads, files.size(), failed.get(), bytes, elapsed, HeapProbe.read(), null,
                List.of());
    }

    /** Extracts one file's text; false when Tika fails on it or finds no text. */
    boolean extract(CorpusFile file) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.path().getFileName().toString());
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (InputStream in = TikaInputStream.get(file.path())) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (Exception e) {
            return false;
        }
        return !handler.toString().isBlank();
    }
}
