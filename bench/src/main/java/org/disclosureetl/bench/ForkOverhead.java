package org.disclosureetl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.disclosureetl.parse.ParseProperties;
import org.disclosureetl.parse.ReportParser;

/**
 * Rough per-document cost of fork isolation against in-process parsing, run by hand from the repository root
 * (bench/README.md "Parser and normalizer checks"):
 * <pre>
 * java -cp bench/target/classes:target/disclosure-etl-app/disclosure-etl.jar org.disclosureetl.bench.ForkOverhead [inbox] [rounds]
 * </pre>
 * One thread, one child JVM. Prints the cold first parse of each mode (fork: child JVM start and class
 * loading through the pipe), then, after warm-up, the median time per file with the two modes
 * interleaved so that machine noise hits both alike.
 */
public final class ForkOverhead {

    private ForkOverhead() {
    }

    public static void main(String[] args) throws IOException {
        Path inbox = Path.of(args.length > 0 ? args[0] : "data/inbox");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(inbox)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ParseProperties base = ParseProperties.defaults().withPoolSize(1);
        try (ReportParser fork = new ReportParser(base);
             ReportParser inProcess = new ReportParser(base.withIsolation(ParseProperties.Isolation.IN_PROCESS))) {
            ReportParser[] modes = {fork, inProcess};
            for (ReportParser parser : modes) {
                long t0 = System.nanoTime();
                for (Path file : files) {
                    parser.parse(file);
                }
                System.out.printf(Locale.ROOT, "%-10s cold: first pass over %d files %d ms%n", parser.isolation(),
                        files.size(), (System.nanoTime() - t0) / 1_000_000);
            }
            for (int warm = 0; warm < 5; warm++) {
                for (Path file : files) {
                    for (ReportParser parser : modes) {
                        parser.parse(file);
                    }
                }
            }
            double[][][] nanos = new double[files.size()][2][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int f = 0; f < files.size(); f++) {
                    for (int k = 0; k < 2; k++) {
                        int m = (r + f + k) % 2; // alternate which mode goes first
                        long start = System.nanoTime();
                        modes[m].parse(files.get(f));
                        nanos[f][m][r] = System.nanoTime() - start;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%n%-36s %9s %11s %9s   (median of %d, ms)%n", "file", "fork", "in-process",
                    "overhead", rounds);
            double sumFork = 0;
            double sumIn = 0;
            for (int f = 0; f < files.size(); f++) {
                double forkMs = median(nanos[f][0]) / 1e6;
                double inMs = median(nanos[f][1]) / 1e6;
                sumFork += forkMs;
                sumIn += inMs;
                System.out.printf(Locale.ROOT, "%-36s %9.1f %11.1f %+9.1f%n", inbox.relativize(files.get(f)), forkMs,
                        inMs, forkMs - inMs);
            }
            System.out.printf(Locale.ROOT, "%-36s %9.1f %11.1f %+9.1f   (mean per document: %+.0f%%)%n", "mean",
                    sumFork / files.size(), sumIn / files.size(), (sumFork - sumIn) / files.size(),
                    100 * (sumFork - sumIn) / sumIn);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
