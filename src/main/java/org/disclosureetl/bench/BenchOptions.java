package org.disclosureetl.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;

/**
 * Options of the {@code bench} command.
 *
 * @param documents reports in the generated corpus
 * @param threads   thread counts to run the job (and bare Tika) with, each on a fresh database
 * @param work      folder for the corpus, databases and CSV output; {@code null} means a new temporary folder
 * @param keep      leave the corpus and run folders in place afterwards
 * @param seed      seed of the corpus generator
 * @param warmup    files of the warm-up pass (Tika and a job run) before anything is measured
 * @param progress  show the job's progress lines
 */
record BenchOptions(int documents, List<Integer> threads, Path work, boolean keep, long seed, int warmup,
                    boolean progress) {

    static final String USAGE = "bench [--documents=N] [--threads=1,2] [--work=DIR] [--keep] [--seed=S] [--warmup=N] [--quiet]";

    BenchOptions {
        if (documents < 1) {
            throw new IllegalArgumentException("--documents must be at least 1");
        }
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("--threads takes thread counts of at least 1, e.g. --threads=1,2");
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        threads = threads.stream().distinct().sorted().toList();
    }

    static BenchOptions from(ApplicationArguments args) {
        try {
            return new BenchOptions(
                    Integer.parseInt(value(args, "documents", "2000")),
                    Arrays.stream(value(args, "threads", "1,2").split(",")).map(String::strip)
                            .map(Integer::valueOf).toList(),
                    args.containsOption("work") ? Path.of(value(args, "work", ".")).toAbsolutePath().normalize() : null,
                    args.containsOption("keep"),
                    Long.parseLong(value(args, "seed", "42")),
                    Integer.parseInt(value(args, "warmup", "200")),
                    !args.containsOption("quiet"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage(), e);
        }
    }

    private static String value(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? fallback : values.get(0);
    }
}
