package org.disclosureetl.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.disclosureetl.parse.DocumentParseException;
import org.disclosureetl.parse.ReportParser;

/**
 * Warms the child JVMs of a job's parser pool ({@code etl.parse.isolation=fork}) before the job is timed.
 * The bench JVM itself is warmed up before anything is measured, and so is bare Tika; the children of a
 * fresh application context would otherwise start cold and JIT-compile PDFBox and POI inside the timed run
 * (a fresh child spends some 15 s of compiler CPU over its first 2,000 documents, and is still compiling
 * after 4,000). Rounds over the warm-up files go on until the children's compiler threads (read from
 * /proc on Linux) use under a tenth of the round's thread time, or, without /proc, until a round is no
 * faster than the one before. What the cold start costs is not hidden: the rounds are reported.
 */
final class ParserWarmUp {

    private static final int MAX_ROUNDS = 25;
    /** Children whose compiler threads take less than this share of the round have settled. */
    private static final double COMPILING_SETTLED = 0.10;
    /** Without /proc: a round within this fraction of the previous one means the children have settled. */
    private static final double TIME_SETTLED = 0.90;

    /**
     * Each round over the warm-up files: wall time, and CPU time of the children's JIT compiler threads
     * (-1 where /proc is not available), in milliseconds.
     */
    record Rounds(int files, int threads, List<Long> millis, List<Long> compilerMillis) {

        /** The first (cold) round minus the last (warm) one: what a fresh pool costs once per run. */
        long coldStartMillis() {
            return millis.get(0) - millis.get(millis.size() - 1);
        }
    }

    private ParserWarmUp() {
    }

    static Rounds run(ReportParser parser, List<CorpusFile> files, int threads) throws Exception {
        List<Long> rounds = new ArrayList<>();
        List<Long> compiling = new ArrayList<>();
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                long compilerBefore = childCompilerMillis();
                long start = System.nanoTime();
                FilePool.forEach(files, threads, "parser-warm-up", file -> parse(parser, file));
                long millis = (System.nanoTime() - start) / 1_000_000;
                long compilerAfter = childCompilerMillis();
                long compiled = compilerBefore < 0 || compilerAfter < 0 ? -1 : compilerAfter - compilerBefore;
                boolean settled = compiled >= 0
                        ? compiled < COMPILING_SETTLED * millis * threads
                        : !rounds.isEmpty() && millis >= TIME_SETTLED * rounds.get(rounds.size() - 1);
                rounds.add(millis);
                compiling.add(compiled);
                if (settled) {
                    break;
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("warming up the parser processes failed", e.getCause());
        }
        return new Rounds(files.size(), threads, rounds, compiling);
    }

    /**
     * CPU time so far of the JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre") of this JVM's
     * child processes, from /proc/PID/task/TID/stat; -1 where that cannot be read.
     */
    static long childCompilerMillis() {
        long ticks = 0;
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            Path tasks = Path.of("/proc", Long.toString(child.pid()), "task");
            if (!Files.isDirectory(tasks)) {
                return -1;
            }
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    ticks += compilerTicks(Files.readString(thread.resolve("stat")));
                }
            } catch (IOException | UncheckedIOException e) {
                // the child or one of its threads ended meanwhile: count what was read
            }
        }
        return Math.round(ticks * 1000 / CpuClock.USER_HZ);
    }

    /** utime + stime of a /proc thread stat line if the thread is a JIT compiler thread, else 0. */
    static long compilerTicks(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || !stat.substring(open + 1, close).matches("C\\d CompilerThre.*")) {
            return 0;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        // after the name: state is field 3 of stat(5), utime field 14 and stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static void parse(ReportParser parser, CorpusFile file) throws IOException {
        try {
            parser.parse(file.path());
        } catch (DocumentParseException e) {
            // the corpus has none; the job run reports documents that fail
        }
    }
}
