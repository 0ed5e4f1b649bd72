package org.disclosureetl.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.boot.ApplicationArguments;

/**
 * The {@code bench} command: generates a corpus, warms the JVM up, then measures bare Tika text
 * extraction and the full ingest job at each thread count, in this JVM, and prints the tables.
 * Returns the process exit code (0 done, 1 a phase failed, 2 usage error).
 */
public final class BenchCommand {

    private static final int MAX_WARMUP_ROUNDS = 5;
    private static final double JIT_SETTLED = 0.10;
    private static final int TIKA_PASSES = 2;

    private final PrintStream out;

    public BenchCommand(PrintStream out) {
        this.out = out;
    }

    public int run(ApplicationArguments args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.from(args);
        } catch (IllegalArgumentException e) {
            out.println("bench: " + e.getMessage());
            out.println("usage: java -jar target/disclosure-etl.jar " + BenchOptions.USAGE);
            return 2;
        }
        boolean temporary = options.work() == null;
        Path work = temporary ? Files.createTempDirectory("disclosure-etl-bench-") : options.work();
        try {
            return run(options, work);
        } finally {
            if (!options.keep()) {
                for (String folder : List.of("corpus", "warmup", "runs")) {
                    Folders.deleteRecursively(work.resolve(folder));
                }
                if (temporary) {
                    Folders.deleteRecursively(work);
                }
            }
        }
    }

    /**
     * Runs bare Tika and the job over the warm-up files until the JIT compilers have little left to do
     * (compile time under a tenth of the round's time), at most {@link #MAX_WARMUP_ROUNDS} rounds:
     * a single pass over a few dozen files leaves PDFBox, POI, H2 and the extractor half compiled.
     */
    private void warmUp(List<CorpusFile> files, Path folder, TikaBaseline tika, int threads) throws Exception {
        Path inbox = Folders.linkInto(folder.resolve("inbox"), files);
        long bytes = files.stream().mapToLong(CorpusFile::bytes).sum();
        IngestJobRunner quiet = new IngestJobRunner(false);
        for (int round = 1; round <= MAX_WARMUP_ROUNDS; round++) {
            PhaseResult t = tika.run(files, threads);
            PhaseResult j = quiet.run(inbox, folder.resolve("run"), threads, files.size(), bytes, List.of()).result();
            double seconds = t.seconds() + j.seconds();
            double jit = (t.elapsed().jitMillis() + j.elapsed().jitMillis()) / 1000.0;
            out.printf("warm-up round %d over %d files (bare Tika + job, %d thread(s), not measured): %.1f s, JIT %.1f s%n",
                    round, files.size(), threads, seconds, jit);
            if (jit < JIT_SETTLED * seconds) {
                return;
            }
        }
    }

    /**
     * Bare Tika's best pass: the baseline must be as warm as the job is, or the job/Tika ratio flatters the
     * job (a first pass after the warm-up still spends seconds in the JIT).
     */
    private PhaseResult fastestTika(TikaBaseline tika, List<CorpusFile> files, int threads) throws Exception {
        PhaseResult best = null;
        for (int pass = 1; pass <= TIKA_PASSES; pass++) {
            PhaseResult result = tika.run(files, threads);
            out.printf("  pass %d: %.1f s%n", pass, result.seconds());
            if (best == null || result.seconds() < best.seconds()) {
                best = result;
            }
        }
        return best;
    }

    private int run(BenchOptions options, Path work) throws Exception {
        out.printf("bench: %d documents, threads %s, seed %d, %d cores, max heap %d MiB, Java %s, work folder %s%n",
                options.documents(), options.threads(), options.seed(), Runtime.getRuntime().availableProcessors(),
                HeapProbe.maxHeapBytes() >> 20, System.getProperty("java.version"), work);
        BenchReport report = new BenchReport(out);

        long start = System.nanoTime();
        Folders.deleteRecursively(work.resolve("corpus"));
        Corpus corpus = new CorpusGenerator().generate(work.resolve("corpus"), options.documents(), options.seed());
        report.corpus(corpus, (System.nanoTime() - start) / 1_000_000);

        TikaBaseline tika = new TikaBaseline();
        IngestJobRunner jobs = new IngestJobRunner(options.progress());
        int maxThreads = options.threads().get(options.threads().size() - 1);
        if (options.warmup() > 0) {
            warmUp(corpus.head(options.warmup()), work.resolve("warmup"), tika, maxThreads);
        }

        TreeSet<Integer> tikaThreads = new TreeSet<>(options.threads());
        tikaThreads.add(1);
        TreeSet<Integer> all = new TreeSet<>(tikaThreads);
        List<PhaseResult> results = new ArrayList<>();
        for (int threads : all) {
            if (tikaThreads.contains(threads)) {
                out.printf("measuring bare Tika, %d thread(s), best of %d passes...%n", threads, TIKA_PASSES);
                results.add(fastestTika(tika, corpus.files(), threads));
            }
            if (options.threads().contains(threads)) {
                out.printf("measuring ingest job, %d thread(s), fresh database in %s...%n", threads,
                        work.resolve("runs").resolve("threads-" + threads));
                IngestJobRunner.Outcome outcome = jobs.run(corpus.folder(), work.resolve("runs").resolve("threads-" + threads),
                        threads, corpus.files().size(), corpus.totalBytes(), corpus.head(options.warmup()));
                report.parserWarmUp(outcome.parserWarmUp());
                out.printf("  %d documents processed, %d failed, %d cells stored, %d validation issues%n",
                        outcome.processed(), outcome.failed(), outcome.cells(), outcome.issues());
                results.add(outcome.result());
            }
        }
        report.results(results);
        report.stages(results);
        report.targets(results);
        report.summaryLines(results);
        if (options.keep()) {
            out.println("kept: corpus, databases and CSV output under " + work);
        }
        return results.stream().anyMatch(r -> r.failed() > 0) ? 1 : 0;
    }
}
