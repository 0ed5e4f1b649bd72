package org.disclosureetl.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Options of the benchmark, {@code --name=value}. Paths are relative to the working directory, which
 * {@code bench/run-bench.sh} sets to the repository root.
 *
 * @param launcher  how users start the product ({@code bin/disclosure-etl}, as the README says); empty when
 *                  {@code jar} is to be run with {@code java -jar} instead
 * @param jar       the product jar, for {@code java -jar} (and to check the build is there)
 * @param inbox     the sample inbox whose reports the corpus is made from
 * @param seeds     the five seed reports, run as a small nightly inbox
 * @param sizes     corpus sizes, each measured cold (the smallest and largest also give the warm figures)
 * @param threads   thread counts, for bare Tika and for the job ({@code --etl.threads})
 * @param unchanged files of the unchanged-inbox run (0 skips it)
 * @param textHeavy files of the text-heavy corpus ({@link CorpusGenerator#TEXT_HEAVY}), measured cold with the largest
 *                  thread count (0 skips it)
 * @param agencies  {@code distinct}: each renumbered copy is another agency's report ({@link AgencyNames}); {@code seed}:
 *                  every copy keeps its seed's agency and year, as the corpora before the fifteenth session did
 * @param heap      {@code -Xmx} for both JVMs, or empty for the JVM's default (as users run it)
 * @param jobArgs   extra arguments for every {@code ingest} (e.g. {@code --etl.parse.isolation=in-process})
 */
record BenchOptions(Path launcher, Path jar, Path inbox, Path seeds, List<Integer> sizes, List<Integer> threads, int unchanged,
                    int textHeavy, Agencies agencies, String heap, long seed, Path work, boolean keep, List<String> jobArgs) {

    static final String USAGE = "Bench [--launcher=bin/disclosure-etl | --jar=target/disclosure-etl.jar] [--inbox=data/inbox] "
            + "[--seeds=data/inbox/txt] [--sizes=300,20000] [--threads=1,2] [--unchanged=5000] [--text-heavy=20000] [--agencies=distinct|seed] "
            + "[--heap=512m] [--seed=42] [--work=DIR] [--keep] [--job-arg=--etl.x=y ...]";

    static BenchOptions parse(String[] args) {
        Path launcher = Path.of("bin/disclosure-etl");
        Path jar = Path.of("target/disclosure-etl.jar");
        Path inbox = Path.of("data/inbox");
        Path seeds = Path.of("data/inbox/txt");
        List<Integer> sizes = List.of(300, 20_000);
        List<Integer> threads = List.of(1, 2);
        int unchanged = 5_000;
        int textHeavy = 20_000;
        Agencies agencies = Agencies.DISTINCT;
        String heap = "";
        long seed = 42;
        Path work = null;
        boolean keep = false;
        List<String> jobArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--keep")) {
                keep = true;
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("not an option: " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "launcher" -> launcher = Path.of(value);
                case "jar" -> {
                    jar = Path.of(value);
                    launcher = null;
                }
                case "inbox" -> inbox = Path.of(value);
                case "seeds" -> seeds = Path.of(value);
                case "sizes" -> sizes = numbers(value);
                case "threads" -> threads = numbers(value);
                case "unchanged" -> unchanged = Integer.parseInt(value);
                case "text-heavy" -> textHeavy = Integer.parseInt(value);
                case "agencies" -> agencies = Agencies.of(value);
                case "heap" -> heap = value;
                case "seed" -> seed = Long.parseLong(value);
                case "work" -> work = Path.of(value);
                case "job-arg" -> jobArgs.add(value);
                default -> throw new IllegalArgumentException("unknown option: --" + name);
            }
        }
        return new BenchOptions(launcher, jar, inbox, seeds, sizes, threads, unchanged, textHeavy, agencies, heap, seed, work, keep,
                List.copyOf(jobArgs));
    }

    /** Whose reports the copies of a seed are. */
    enum Agencies {
        DISTINCT, SEED;

        static Agencies of(String value) {
            return switch (value) {
                case "distinct" -> DISTINCT;
                case "seed" -> SEED;
                default -> throw new IllegalArgumentException("--agencies is distinct or seed, not " + value);
            };
        }
    }

    private static List<Integer> numbers(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).sorted().toList();
    }

    int largestSize() {
        return Math.max(sizes.get(sizes.size() - 1), unchanged);
    }
}
