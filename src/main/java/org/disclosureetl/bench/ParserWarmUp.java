package org.disclosureetl.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.disclosureetl.parse.DocumentParseException;
import org.disclosureetl.parse.ReportParser;

/**
 * Warms the child JVMs of a job's parser pool ({@code etl.parse.isolation=fork}) before the job is timed.
 * The bench JVM itself is warmed up before anything is measured, and so is bare Tika; the children of a
 * fresh application context would otherwise start cold and JIT-compile PDFBox and POI inside the timed run.
 * What that cold start costs is not hidden: the first round's time against the last is reported.
 */
final class ParserWarmUp {

    private static final int MAX_ROUNDS = 8;
    /** A round within this fraction of the previous one means the children have settled. */
    private static final double SETTLED = 0.90;

    /** Wall time of each round over the warm-up files, in milliseconds. */
    record Rounds(int files, int threads, List<Long> millis) {

        /** The first (cold) round minus the last (warm) one: what a fresh pool costs once per run. */
        long coldStartMillis() {
            return millis.get(0) - millis.get(millis.size() - 1);
        }
    }

    private ParserWarmUp() {
    }

    static Rounds run(ReportParser parser, List<CorpusFile> files, int threads) throws Exception {
        List<Long> rounds = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parser-warm-up");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                long start = System.nanoTime();
                List<Future<?>> tasks = new ArrayList<>(files.size());
                for (CorpusFile file : files) {
                    tasks.add(pool.submit(() -> parse(parser, file)));
                }
                for (Future<?> task : tasks) {
                    task.get();
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                boolean settled = !rounds.isEmpty() && millis >= SETTLED * rounds.get(rounds.size() - 1);
                rounds.add(millis);
                if (settled) {
                    break;
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("warming up the parser processes failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Rounds(files.size(), threads, rounds);
    }

    private static Void parse(ReportParser parser, CorpusFile file) throws IOException {
        try {
            parser.parse(file.path());
        } catch (DocumentParseException e) {
            // the corpus has none; the job run reports documents that fail
        }
        return null;
    }
}
