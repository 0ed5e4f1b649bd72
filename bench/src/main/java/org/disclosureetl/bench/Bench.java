package org.disclosureetl.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark: the ingest job against bare Tika over the same generated files, both as a user runs them, in
 * fresh processes. Cold is the wall time of one fresh process each (start-up, JIT warm-up and all); warm is
 * the cost of each further document, the slope between the smallest and the largest corpus, which leaves out
 * start-up and warm-up. See {@code bench/README.md}.
 */
public final class Bench {

    /** The product's division list, which {@link AgencyNames} takes the copies' places from (paths are relative to the
     *  repository root, where {@code bench/run-bench.sh} runs the bench). */
    private static final Path DIVISIONS = Path.of("src/main/resources/reference/divisions");

    private final BenchOptions options;
    private final Path work;
    private final PrintStream out;
    private final String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Bench(BenchOptions options, Path work, PrintStream out) {
        this.options = options;
        this.work = work;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: " + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.jar())) {
            System.err.println("bench: no product jar at " + options.jar().toAbsolutePath()
                    + " (build it with: mvn -B -q package -DskipTests)");
            System.exit(2);
        }
        boolean temporary = options.work() == null;
        Path work = temporary ? Files.createTempDirectory("disclosure-etl-bench-") : options.work();
        int exit;
        try {
            exit = new Bench(options, work, System.out).run();
        } finally {
            if (!options.keep()) {
                Folders.deleteRecursively(temporary ? work : work.resolve("runs"));
                Folders.deleteRecursively(work.resolve("corpus"));
            }
        }
        System.exit(exit);
    }

    private int run() throws Exception {
        out.printf(Locale.ROOT, "bench: job started by %s; sizes %s, threads %s, unchanged %d, text-heavy %d, agencies %s, "
                + "heap %s, %d cores, Java %s, work %s%n", options.launcher() != null ? options.launcher() : "java -jar " + options.jar(),
                options.sizes(), options.threads(), options.unchanged(), options.textHeavy(),
                options.agencies().name().toLowerCase(Locale.ROOT), options.heap().isEmpty() ? "JVM default" : options.heap(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), work);
        List<Phase> phases = new ArrayList<>();
        int failures = 0;

        Path seedInbox = reports(options.seeds(), work.resolve("corpus/seeds"));
        ProcessRun seeds = job("seeds", seedInbox, 2, work.resolve("runs/seeds"));
        failures += check(seeds);
        phases.add(new Phase("seeds", countFiles(seedInbox), 2, null, seeds,
                extractMillisPerDocument(work.resolve("runs/seeds"))));
        out.printf(Locale.ROOT, "seeds: %d files, cold ingest %.2f s wall (target < 3 s)%n",
                countFiles(seedInbox), seeds.seconds());

        long started = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(options.inbox(),
                options.agencies() == BenchOptions.Agencies.DISTINCT ? AgencyNames.load(DIVISIONS) : null);
        Corpus corpus = generator.generate(work.resolve("corpus/all"), options.largestSize(), options.seed());
        out.printf(Locale.ROOT, "corpus: %d files, %.1f MB, %s, made in %.1f s%n", corpus.files().size(),
                corpus.totalBytes() / 1e6, corpus.countByFormat(), (System.nanoTime() - started) / 1e9);

        Map<String, Phase> cold = new LinkedHashMap<>();
        for (int size : options.sizes()) {
            Path inbox = Folders.linkInto(work.resolve("corpus/inbox-" + size), corpus.head(size));
            for (int threads : options.threads()) {
                String key = size + "/" + threads;
                out.printf(Locale.ROOT, "measuring %d files, %d thread(s): bare Tika, then the job, each a fresh JVM...%n",
                        size, threads);
                ProcessRun tika = tika("tika-" + size + "-t" + threads, inbox, threads);
                failures += check(tika);
                ProcessRun job = job("job-" + size + "-t" + threads, inbox, threads,
                        work.resolve("runs/job-" + size + "-t" + threads));
                failures += check(job);
                Phase phase = new Phase("cold", size, threads, tika, job,
                        extractMillisPerDocument(work.resolve("runs/job-" + size + "-t" + threads)));
                cold.put(key, phase);
                phases.add(phase);
                out.println("  " + phase.line());
                stageLines(work.resolve("runs/job-" + size + "-t" + threads)).forEach(l -> out.println("    " + l));
            }
        }

        Phase textHeavy = null;
        if (options.textHeavy() > 0) {
            int size = options.textHeavy();
            int threads = options.threads().get(options.threads().size() - 1);
            started = System.nanoTime();
            Corpus mix = generator.generate(work.resolve("corpus/text-heavy"), size,
                    options.seed(), CorpusGenerator.TEXT_HEAVY);
            out.printf(Locale.ROOT, "text-heavy corpus: %d files, %.1f MB (%.1f KB a file), %s, %s, made in %.1f s%n",
                    mix.files().size(), mix.totalBytes() / 1e6, mix.totalBytes() / 1e3 / mix.files().size(),
                    mix.countByFormat(), mix.countByEncoding(), (System.nanoTime() - started) / 1e9);
            out.printf(Locale.ROOT, "measuring the text-heavy %d files, %d thread(s): bare Tika, then the job...%n",
                    size, threads);
            Path runFolder = work.resolve("runs/text-heavy-" + size + "-t" + threads);
            ProcessRun tika = tika("tika-text-heavy-" + size + "-t" + threads, mix.folder(), threads);
            failures += check(tika);
            ProcessRun job = job("job-text-heavy-" + size + "-t" + threads, mix.folder(), threads, runFolder);
            failures += check(job);
            textHeavy = new Phase("cold-text-heavy", size, threads, tika, job, extractMillisPerDocument(runFolder));
            phases.add(textHeavy);
            out.println("  " + textHeavy.line());
            stageLines(runFolder).forEach(l -> out.println("    " + l));
        }

        if (options.unchanged() > 0) {
            int size = options.unchanged();
            Path inbox = Folders.linkInto(work.resolve("corpus/inbox-unchanged"), corpus.head(size));
            Path runFolder = work.resolve("runs/unchanged");
            int threads = options.threads().get(options.threads().size() - 1);
            out.printf(Locale.ROOT, "measuring an unchanged inbox of %d files: first run, then the same inbox again...%n", size);
            ProcessRun first = job("unchanged-first", inbox, threads, runFolder);
            failures += check(first);
            ProcessRun again = job("unchanged-again", inbox, threads, runFolder);
            failures += check(again);
            phases.add(new Phase("unchanged", size, threads, null, again, Double.NaN));
            out.printf(Locale.ROOT, "  first run %.1f s, run over the unchanged inbox %.2f s wall (target < 3 s)%n",
                    first.seconds(), again.seconds());
        }

        out.println();
        out.println("cold: one fresh process each, wall time (CPU time of the process tree)");
        out.printf(Locale.ROOT, "%-7s %-7s %10s %10s %12s %12s %7s %7s %9s %9s %11s%n", "files", "threads", "tika_s",
                "job_s", "tika_cpu_s", "job_cpu_s", "ratio", "cpu_x", "job_rss", "live_MiB", "extract_ms");
        for (Phase phase : cold.values()) {
            out.println(phase.row());
        }
        if (textHeavy != null) {
            out.println(textHeavy.row() + "  (text-heavy mix)");
        }
        warm(cold);
        scaling(cold);
        out.println();
        for (Phase phase : phases) {
            out.println(phase.summary());
        }
        return failures == 0 ? 0 : 1;
    }

    /** The cost of each further document: the slope between the smallest and the largest corpus. */
    private void warm(Map<String, Phase> cold) {
        int small = options.sizes().get(0);
        int large = options.sizes().get(options.sizes().size() - 1);
        if (small == large) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "warm: each further document, (time at %d - time at %d) / %d files%n", large, small,
                large - small);
        out.printf(Locale.ROOT, "%-7s %12s %12s %12s %12s %7s%n", "threads", "tika_ms/doc", "job_ms/doc",
                "tika_docs/s", "job_docs/s", "ratio");
        for (int threads : options.threads()) {
            Phase s = cold.get(small + "/" + threads);
            Phase l = cold.get(large + "/" + threads);
            double docs = large - small;
            double tika = (l.tika().wallMillis() - s.tika().wallMillis()) / docs;
            double job = (l.job().wallMillis() - s.job().wallMillis()) / docs;
            out.printf(Locale.ROOT, "%-7d %12.2f %12.2f %12.1f %12.1f %6.2fx%n", threads, tika, job, 1000 / tika,
                    1000 / job, job / tika);
            out.printf(Locale.ROOT, "bench-summary phase=warm threads=%d tika_ms_per_doc=%.2f job_ms_per_doc=%.2f ratio=%.2f%n",
                    threads, tika, job, job / tika);
        }
    }

    /** Speed-up of the job's largest thread count over one thread, on each corpus. */
    private void scaling(Map<String, Phase> cold) {
        List<Integer> threads = options.threads();
        if (threads.size() < 2 || threads.get(0) != 1) {
            return;
        }
        int most = threads.get(threads.size() - 1);
        out.println();
        for (int size : options.sizes()) {
            double one = cold.get(size + "/1").job().wallMillis();
            double many = cold.get(size + "/" + most).job().wallMillis();
            out.printf(Locale.ROOT, "scaling: %d files, job with %d threads is %.2fx as fast as with 1 (target >= 1.7x)%n",
                    size, most, one / many);
        }
    }

    private ProcessRun job(String name, Path inbox, int threads, Path runFolder) throws Exception {
        Files.createDirectories(runFolder);
        // as users start it: the launcher (JVM options through JAVA_OPTS, which it passes on) or java -jar
        List<String> jvm = jvm(runFolder.resolve(name + "-gc.log"));
        List<String> command = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>();
        if (options.launcher() != null) {
            command.add(options.launcher().toAbsolutePath().toString());
            environment.put("JAVA_OPTS", String.join(" ", jvm.subList(1, jvm.size())));
            environment.put("JAVA_HOME", System.getProperty("java.home"));
        } else {
            command.addAll(jvm);
            command.addAll(List.of("-jar", options.jar().toAbsolutePath().toString()));
        }
        command.addAll(List.of("ingest",
                "--input=" + inbox.toAbsolutePath(), "--output=" + runFolder.resolve("out").toAbsolutePath(),
                "--db=" + runFolder.resolve("db/disclosure").toAbsolutePath(), "--etl.threads=" + threads));
        command.addAll(options.jobArgs());
        return ProcessRun.run(name, command, environment, runFolder, work.resolve("logs"), runFolder.resolve(name + "-gc.log"));
    }

    private ProcessRun tika(String name, Path inbox, int threads) throws Exception {
        Path folder = work.resolve("runs/" + name);
        Folders.deleteRecursively(folder);
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(jvm(folder.resolve("gc.log")));
        command.addAll(List.of("-cp", absoluteClassPath(), TikaBatch.class.getName(),
                inbox.toAbsolutePath().toString(), folder.resolve("xhtml").toString(), Integer.toString(threads)));
        return ProcessRun.run(name, command, Map.of(), folder, work.resolve("logs"), folder.resolve("gc.log"));
    }

    /** This JVM's class path with absolute entries: the Tika JVM runs in its own folder. */
    private static String absoluteClassPath() {
        return String.join(File.pathSeparator, Arrays.stream(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> e.endsWith("*") ? Path.of(e.substring(0, e.length() - 1)).toAbsolutePath() + "/*"
                        : Path.of(e).toAbsolutePath().toString())
                .toList());
    }

    private List<String> jvm(Path gcLog) {
        List<String> command = new ArrayList<>(List.of(javaBinary, "-Xlog:gc:file=" + gcLog.toAbsolutePath()));
        if (!options.heap().isEmpty()) {
            command.add("-Xmx" + options.heap());
        }
        return command;
    }

    /** The job's own breakdown of where the time went ({@code logs/run-<id>-stages.tsv}). */
    private static List<String> stageLines(Path runFolder) throws IOException {
        Path logs = runFolder.resolve("out/logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            List<String> lines = new ArrayList<>();
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith("-stages.tsv")).sorted().toList()) {
                Files.readAllLines(log).stream().map(Bench::shortTags).forEach(lines::add);
            }
            return lines;
        }
    }

    /**
     * The job's extract stage per document ({@code disclosure.stage} with {@code stage=extract} in
     * {@code logs/run-<id>-stages.tsv}: extract and validate, thread time), NaN when the run wrote none.
     */
    private static double extractMillisPerDocument(Path runFolder) throws IOException {
        long count = 0;
        double total = 0;
        for (String line : stageLines(runFolder)) {
            String[] f = line.split("\t");
            if (f.length >= 4 && f[0].equals("disclosure.stage") && Arrays.asList(f[1].split(",")).contains("stage=extract")) {
                count += Long.parseLong(f[2]);
                total += Double.parseDouble(f[3]);
            }
        }
        return count == 0 ? Double.NaN : total / count;
    }

    /** A timer's tags without their long prefixes and the ones every line shares. */
    private static String shortTags(String line) {
        return line.replaceAll("spring\\.batch\\.[a-z.]*?\\.(?=(name|status|type)=)", "")
                .replaceAll("(job\\.name|error|exception)=[^,\t]*,?", "").replaceAll("type=[^\t]*\\.", "type=");
    }

    private int check(ProcessRun run) throws IOException {
        if (run.exitCode() == 0) {
            return 0;
        }
        out.printf("  %s FAILED with exit code %d; its output:%n", run.name(), run.exitCode());
        run.output().stream().skip(Math.max(0, run.output().size() - 30)).forEach(l -> out.println("    " + l));
        return 1;
    }

    private static long countFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    /** The reports of a folder without its answer keys ({@code *.csv}), linked into an inbox of their own. */
    private static Path reports(Path folder, Path inbox) throws IOException {
        Folders.deleteRecursively(inbox);
        Files.createDirectories(inbox);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }
        return inbox;
    }

    /** One measured pair (or a job run alone, {@code tika} null). */
    private record Phase(String kind, long files, int threads, ProcessRun tika, ProcessRun job, double extractMs) {

        double ratio() {
            return (double) job.wallMillis() / tika.wallMillis();
        }

        String line() {
            return String.format(Locale.ROOT, "bare Tika %.1f s, job %.1f s: %.2fx wall, %.2fx CPU; extract %.2f ms a document",
                    tika.seconds(), job.seconds(), ratio(), (double) job.cpuMillis() / tika.cpuMillis(), extractMs);
        }

        String row() {
            return String.format(Locale.ROOT, "%-7d %-7d %10.2f %10.2f %12.1f %12.1f %6.2fx %6.2fx %8dM %9d %11.2f",
                    files, threads, tika.seconds(), job.seconds(), tika.cpuMillis() / 1000.0,
                    job.cpuMillis() / 1000.0, ratio(), (double) job.cpuMillis() / tika.cpuMillis(),
                    job.peakRssKib() >> 10, job.heap().liveMib(), extractMs);
        }

        String summary() {
            String base = String.format(Locale.ROOT, "bench-summary phase=%s files=%d threads=%d job_s=%.2f job_cpu_s=%.1f "
                    + "job_peak_rss_mib=%d job_live_mib=%d extract_ms_per_doc=%.2f", kind, files, threads, job.seconds(),
                    job.cpuMillis() / 1000.0, job.peakRssKib() >> 10, job.heap().liveMib(), extractMs);
            return tika == null ? base : base + String.format(Locale.ROOT, " tika_s=%.2f ratio=%.2f", tika.seconds(),
                    ratio());
        }
    }
}
