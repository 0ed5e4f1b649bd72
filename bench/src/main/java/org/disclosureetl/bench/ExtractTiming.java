package org.disclosureetl.bench;

import java.io.IOException;
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
 * </pre>
 * Every report of the folders (default {@code data/inbox}, {@code /work/shared/real} or the repository's
 * {@code src/test/resources/real}, {@code /work/devdata/reports} when present; answer keys {@code *.csv} left out) is
 * parsed in this JVM and normalized once; then each round extracts and validates every document, timing each one.
 * The stages are built as the application builds them, without Spring (as src/test/.../testsupport/ReportPipeline
 * does). Printed: mean and 99th percentile per layout kind (the file's format and the table generation the
 * extractor recognized) and over all documents.
 */
public final class ExtractTiming {

    private ExtractTiming() {
    }

    /** A document ready for extraction, with the kind it is reported under. */
    private record Prepared(String name, String kind, NormalizedDocument document) {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<Path> folders = args.length > 2 ? Arrays.stream(args).skip(2).map(Path::of).toList() : defaultFolders();

        TemplateCatalog catalog = new TemplateCatalog();
        ReportExtractor extractor = new ReportExtractor(catalog);
        ReportValidator validator = new ReportValidator(catalog);
        DocumentNormalizer normalizer =
                new DocumentNormalizer(new TextNormalizer(new WidthNormalizer(), new ScriptNormalizer()));
        List<Prepared> documents = new ArrayList<>();
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
        System.out.printf(Locale.ROOT, "%d documents from %s; %d warm-up rounds, %d measured rounds%n",
                documents.size(), folders, warmUp, rounds);

        long sink = 0;
        for (int r = 0; r < warmUp; r++) {
            for (Prepared p : documents) {
                sink += extractAndValidate(extractor, validator, p);
            }
        }
        Map<String, List<Long>> byKind = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Prepared p : documents) {
                long start = System.nanoTime();
                sink += extractAndValidate(extractor, validator, p);
                long nanos = System.nanoTime() - start;
                byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(nanos);
                all.add(nanos);
            }
        }
        System.out.printf(Locale.ROOT, "%-16s %5s %9s %9s %9s%n", "kind", "docs", "mean_ms", "p99_ms", "max_ms");
        for (Map.Entry<String, List<Long>> e : byKind.entrySet()) {
            System.out.println(row(e.getKey(), e.getValue(), rounds));
        }
        System.out.println(row("all", all, rounds));
        System.out.printf(Locale.ROOT, "extract-timing-summary docs=%d mean_ms=%.3f p99_ms=%.3f (checksum %d)%n",
                documents.size(), mean(all), percentile(all, 0.99), sink);
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
