package org.disclosureetl.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.ReportExtractor;
import org.disclosureetl.extract.TemplateCatalog;
import org.disclosureetl.normalize.DocumentNormalizer;
import org.disclosureetl.normalize.NormalizedDocument;
import org.disclosureetl.normalize.ScriptNormalizer;
import org.disclosureetl.normalize.TextNormalizer;
import org.disclosureetl.normalize.WidthNormalizer;
import org.disclosureetl.parse.ParseProperties;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.validate.ReportValidator;

/**
 * The warm cost of the extract stage alone (extract, then validate, as ingest/DocumentProcessor runs them), run by
 * hand from the repository root (bench/README.md "Extract timing"):
 * <pre>
 * java -cp bench/target/classes:target/disclosure-etl-app/disclosure-etl.jar org.disclosureetl.bench.ExtractTiming [rounds] [warm-up rounds] [folder...]
 * java -cp bench/target/classes org.disclosureetl.bench.ExtractTiming --compare=OLD/disclosure-etl.jar,NEW/disclosure-etl.jar [--dump=FILE] [--slowest=N] [rounds] ...
 * </pre>
 * Every report of the folders (default {@code data/inbox}, {@code /work/shared/real} or the repository's
 * {@code src/test/resources/real}, {@code /work/devdata/reports} when present; answer keys {@code *.csv} left out) is
 * parsed in this JVM and normalized once; then each round extracts and validates every document, timing each one.
 * The stages are built as the application builds them, without Spring (as src/test/.../testsupport/ReportPipeline
 * does). Printed: mean and 99th percentile per layout kind (the file's format and the table generation the
 * extractor recognized) and over all documents. With {@code --compare} each product jar (with its {@code lib/} beside
 * it) runs in a class loader of its own in this one JVM, the builds alternating round by round, so that a loaded
 * machine slows both alike; the last table gives the second build's times over the first's.
 */
public final class ExtractTiming {

    /** A document ready for extraction, with the kind it is reported under. */
    private record Prepared(String name, String kind, NormalizedDocument document) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ReportExtractor extractor;
    private final ReportValidator validator;
    private final List<Prepared> documents = new ArrayList<>();

    /** Parses (in this JVM) and normalizes every report of the folders once. */
    public ExtractTiming(List<Path> folders) throws IOException {
        TemplateCatalog catalog = new TemplateCatalog();
        extractor = new ReportExtractor(catalog);
        validator = new ReportValidator(catalog);
        DocumentNormalizer normalizer =
                new DocumentNormalizer(new TextNormalizer(new WidthNormalizer(), new ScriptNormalizer()));
        try (ReportParser parser = new ReportParser(
                ParseProperties.defaults().withIsolation(ParseProperties.Isolation.IN_PROCESS))) {
            for (Path folder : folders) {
                for (Path file : reports(folder)) {
                    NormalizedDocument document = normalizer.normalize(parser.parse(file));
                    String name = file.getFileName().toString();
                    Extraction first = extractor.extract(document, name);
                    documents.add(new Prepared(name, format(name) + " " + first.formatVersion(), document));
                }
            }
        }
    }

    /** The layout kind of each document, in the order of {@link #round()}. */
    public List<String> kinds() {
        return documents.stream().map(Prepared::kind).toList();
    }

    /**
     * Writes every document's extraction and validation findings as text (the records' own {@code toString}: every
     * cell, finding and identity), one document after the other, so that two builds' results can be compared byte
     * for byte ({@code --dump}).
     */
    public void dump(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Prepared p : documents) {
            Extraction extraction = extractor.extract(p.document(), p.name());
            text.append("== ").append(p.name()).append('\n').append(extraction).append('\n');
            if (extraction.formatVersion() != null) {
                text.append(validator.validate(extraction.identities(), extraction.observations())).append('\n');
            }
        }
        Files.writeString(file, text);
    }

    /** The file name of each document, in the order of {@link #round()}. */
    public List<String> names() {
        return documents.stream().map(Prepared::name).toList();
    }

    /**
     * One round over every document: its extract + validate time in nanoseconds, wall clock for the n documents, then
     * this thread's CPU time for them (what a machine loaded by other processes inflates least), then (last element)
     * a checksum of the results, so that the JIT cannot drop the work and two builds can be seen to agree.
     */
    public long[] round() {
        int n = documents.size();
        long[] nanos = new long[2 * n + 1];
        for (int i = 0; i < n; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            nanos[2 * n] += extractAndValidate(extractor, validator, documents.get(i));
            nanos[i] = System.nanoTime() - start;
            nanos[n + i] = THREADS.getCurrentThreadCpuTime() - cpu;
        }
        return nanos;
    }

    public static void main(String[] args) throws Exception {
        List<String> jars = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int slowest = 0;
        String dump = null;
        for (String arg : args) {
            if (arg.startsWith("--dump=")) {
                dump = arg.substring("--dump=".length());
            } else if (arg.startsWith("--slowest=")) {
                slowest = Integer.parseInt(arg.substring("--slowest=".length()));
            } else if (arg.startsWith("--compare=")) {
                jars.addAll(List.of(arg.substring("--compare=".length()).split(",")));
            } else {
                rest.add(arg);
            }
        }
        int rounds = rest.size() > 0 ? Integer.parseInt(rest.get(0)) : 30;
        int warmUp = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 15;
        List<Path> folders = rest.size() > 2 ? rest.stream().skip(2).map(Path::of).toList() : defaultFolders();

        // one timing per build: this class path's product, or each --compare jar in a class loader of its own
        List<String> names = new ArrayList<>();
        List<Object> timings = new ArrayList<>();
        if (jars.isEmpty()) {
            names.add("this build");
            timings.add(new ExtractTiming(folders));
        } else {
            URL benchClasses = ExtractTiming.class.getProtectionDomain().getCodeSource().getLocation();
            for (String jar : jars) {
                // the product jar's manifest names its libraries (lib/), which the class loader follows
                URLClassLoader loader = new URLClassLoader(new URL[] {benchClasses, Path.of(jar).toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                names.add(jar);
                // Tika finds its parsers through the context class loader
                ClassLoader previous = Thread.currentThread().getContextClassLoader();
                Thread.currentThread().setContextClassLoader(loader);
                try {
                    timings.add(loader.loadClass(ExtractTiming.class.getName()).getConstructor(List.class)
                            .newInstance(folders));
                } finally {
                    Thread.currentThread().setContextClassLoader(previous);
                }
            }
        }
        if (dump != null) {
            List<byte[]> dumped = new ArrayList<>();
            for (int b = 0; b < timings.size(); b++) {
                Path file = Path.of(timings.size() == 1 ? dump : dump + "." + b);
                timings.get(b).getClass().getMethod("dump", Path.class).invoke(timings.get(b), file);
                dumped.add(Files.readAllBytes(file));
                System.out.println("results of " + names.get(b) + " written to " + file);
            }
            if (dumped.size() == 2) {
                System.out.println("results " + (Arrays.equals(dumped.get(0), dumped.get(1)) ? "identical" : "DIFFER"));
            }
        }
        @SuppressWarnings("unchecked")
        List<String> kinds = (List<String>) timings.get(0).getClass().getMethod("kinds").invoke(timings.get(0));
        System.out.printf(Locale.ROOT, "%d documents from %s; %d warm-up rounds, %d measured rounds%s%n",
                kinds.size(), folders, warmUp, rounds, timings.size() > 1 ? ", the builds alternating round by round" : "");

        // per clock (wall, then CPU) and build: the times per kind and over all documents
        int n = kinds.size();
        List<List<Map<String, List<Long>>>> byKind = new ArrayList<>();
        List<List<List<Long>>> all = new ArrayList<>();
        for (int clock = 0; clock < 2; clock++) {
            byKind.add(new ArrayList<>());
            all.add(new ArrayList<>());
            for (int b = 0; b < timings.size(); b++) {
                byKind.get(clock).add(new TreeMap<>());
                all.get(clock).add(new ArrayList<>());
            }
        }
        long[] checksums = new long[timings.size()];
        // per build and document: the CPU nanoseconds of the measured rounds, for --slowest
        long[][] cpuByDocument = new long[timings.size()][n];
        for (int r = 0; r < warmUp + rounds; r++) {
            for (int b = 0; b < timings.size(); b++) {
                long[] nanos = (long[]) timings.get(b).getClass().getMethod("round").invoke(timings.get(b));
                checksums[b] += nanos[2 * n];
                if (r < warmUp) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    cpuByDocument[b][i] += nanos[n + i];
                }
                for (int clock = 0; clock < 2; clock++) {
                    for (int i = 0; i < n; i++) {
                        long t = nanos[clock * n + i];
                        byKind.get(clock).get(b).computeIfAbsent(kinds.get(i), k -> new ArrayList<>()).add(t);
                        all.get(clock).get(b).add(t);
                    }
                }
            }
        }
        if (slowest > 0) {
            @SuppressWarnings("unchecked")
            List<String> files = (List<String>) timings.get(0).getClass().getMethod("names").invoke(timings.get(0));
            printSlowest(slowest, names, files, kinds, cpuByDocument, rounds);
        }
        String[] clocks = {"wall", "cpu"};
        for (int clock = 0; clock < 2; clock++) {
            for (int b = 0; b < timings.size(); b++) {
                System.out.println();
                System.out.println(names.get(b) + ", " + clocks[clock] + " clock");
                System.out.printf(Locale.ROOT, "%-16s %5s %9s %9s %9s%n", "kind", "docs", "mean_ms", "p99_ms", "max_ms");
                for (Map.Entry<String, List<Long>> e : byKind.get(clock).get(b).entrySet()) {
                    System.out.println(row(e.getKey(), e.getValue(), rounds));
                }
                List<Long> every = all.get(clock).get(b);
                System.out.println(row("all", every, rounds));
                System.out.printf(Locale.ROOT,
                        "extract-timing-summary build=%s clock=%s docs=%d mean_ms=%.3f p99_ms=%.3f checksum=%d%n",
                        names.get(b), clocks[clock], n, mean(every), percentile(every, 0.99), checksums[b]);
            }
            if (timings.size() == 2) {
                System.out.println();
                System.out.printf(Locale.ROOT, "%-16s %11s %11s (%s clock)%n", "kind", "mean new/old", "p99 new/old",
                        clocks[clock]);
                for (String kind : byKind.get(clock).get(0).keySet()) {
                    List<Long> a = byKind.get(clock).get(0).get(kind);
                    List<Long> c = byKind.get(clock).get(1).get(kind);
                    System.out.printf(Locale.ROOT, "%-16s %11.2f %11.2f%n", kind, mean(c) / mean(a),
                            percentile(c, 0.99) / percentile(a, 0.99));
                }
                List<Long> a = all.get(clock).get(0);
                List<Long> c = all.get(clock).get(1);
                System.out.printf(Locale.ROOT, "%-16s %11.2f %11.2f%n", "all", mean(c) / mean(a),
                        percentile(c, 0.99) / percentile(a, 0.99));
            }
        }
    }

    /** The {@code count} documents of the most CPU time in the first build, with each build's CPU mean. */
    private static void printSlowest(int count, List<String> builds, List<String> files, List<String> kinds,
                                     long[][] cpuByDocument, int rounds) {
        Integer[] order = new Integer[files.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Long.compare(cpuByDocument[0][y], cpuByDocument[0][x]));
        System.out.println();
        System.out.printf(Locale.ROOT, "slowest documents, cpu mean ms per build (%s)%n", String.join(", ", builds));
        for (int k = 0; k < Math.min(count, order.length); k++) {
            int i = order[k];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s %-12s", files.get(i), kinds.get(i)));
            for (long[] build : cpuByDocument) {
                line.append(String.format(Locale.ROOT, " %9.3f", build[i] / 1e6 / rounds));
            }
            System.out.println(line);
        }
    }

    /** What the extract stage does for one document; a number of the result, so that the JIT cannot drop the work. */
    private static long extractAndValidate(ReportExtractor extractor, ReportValidator validator, Prepared p) {
        Extraction extraction = extractor.extract(p.document(), p.name());
        long size = extraction.observations().size() + extraction.findings().size();
        if (extraction.formatVersion() != null) {
            size += validator.validate(extraction.identities(), extraction.observations()).size();
        }
        return size;
    }

    private static String row(String kind, List<Long> nanos, int rounds) {
        return String.format(Locale.ROOT, "%-16s %5d %9.3f %9.3f %9.3f", kind, nanos.size() / rounds, mean(nanos),
                percentile(nanos, 0.99), percentile(nanos, 1.0));
    }

    private static double mean(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double percentile(List<Long> nanos, double p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static String format(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "none" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static List<Path> defaultFolders() {
        List<Path> folders = new ArrayList<>(List.of(Path.of("data/inbox")));
        Path shared = Path.of("/work/shared/real");
        folders.add(Files.isDirectory(shared) ? shared : Path.of("src/test/resources/real"));
        Path dev = Path.of("/work/devdata/reports");
        if (Files.isDirectory(dev)) {
            folders.add(dev);
        }
        return folders;
    }

    /** The reports under a folder, sorted, without answer keys. */
    private static List<Path> reports(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".csv"))
                    .sorted().toList();
        }
    }
}
