package org.disclosureetl.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.disclosureetl.ingest.StageTimings;

/** Prints the benchmark's tables. MB are 10^6 bytes; heap figures are MiB. */
final class BenchReport {

    static final double JOB_TO_TIKA_TARGET = 1.25;
    static final double SPEED_UP_TARGET = 1.7;
    private static final double BUSY_MACHINE_CORES = 0.25;

    private final PrintStream out;

    BenchReport(PrintStream out) {
        this.out = out;
    }

    void corpus(Corpus corpus, long millis) {
        out.printf("corpus: %d documents, %.1f MB in %s (generated in %.1f s)%n", corpus.files().size(),
                corpus.totalBytes() / 1e6, corpus.folder(), millis / 1000.0);
        out.printf("  formats %s; TXT encodings %s%n", corpus.countByFormat(), corpus.countByEncoding());
        out.println("  TXT/HTML/DOCX copies: table numbers regenerated per copy (totals and carry-overs consistent)");
        out.println("  PDF copies: the seed report's numbers; each copy made unique by a comment line after %%EOF");
    }

    /** How the run's fresh parser processes were warmed before the job was timed, and what that cost. */
    void parserWarmUp(ParserWarmUp.Rounds rounds) {
        if (rounds == null) {
            return;
        }
        StringBuilder times = new StringBuilder();
        for (int i = 0; i < rounds.millis().size(); i++) {
            long compiler = rounds.compilerMillis().get(i);
            times.append(i == 0 ? "" : ", ").append(String.format("%.1f s", rounds.millis().get(i) / 1000.0))
                    .append(compiler < 0 ? "" : String.format(" (JIT %.1f s)", compiler / 1000.0));
        }
        out.printf("  parser processes warmed before timing, rounds over %d files with %d thread(s): %s%n",
                rounds.files(), rounds.threads(), times);
        out.printf("  cold start of the fresh child JVMs, paid once per run: about %.1f s of wall time"
                + " (first round minus last)%n", rounds.coldStartMillis() / 1000.0);
    }

    void results(List<PhaseResult> results) {
        out.println();
        out.printf("%-11s %7s %7s %8s %8s %7s %9s %9s %6s%n", "phase", "threads", "docs", "wall s", "docs/s", "MB/s",
                "job/tika", "vs 1 thr", "failed");
        for (PhaseResult r : results) {
            out.printf("%-11s %7d %7d %8.1f %8.1f %7.2f %9s %9s %6d%n", label(r), r.threads(), r.documents(),
                    r.seconds(), r.documentsPerSecond(), r.megabytesPerSecond(),
                    jobOverTika(results, r, PhaseResult::seconds), speedUp(results, r), r.failed());
        }
        out.println("  job/tika: job wall time over bare Tika wall time at the same thread count;"
                + " vs 1 thr: docs/s over the same phase with 1 thread");
        out.println();
        out.printf("%-11s %7s %10s %9s %9s %7s %7s %7s %9s %8s %8s%n", "phase", "threads", "CPU ms/doc", "job/tika",
                "JVM cores", "others", "JIT s", "GC s", "peak MiB", "old MiB", "live MiB");
        for (PhaseResult r : results) {
            CpuClock.Elapsed e = r.elapsed();
            out.printf("%-11s %7d %10.2f %9s %9.2f %7s %7.1f %7.1f %9.0f %8.0f %8.0f%n", label(r), r.threads(),
                    r.cpuMillisPerDocument(), jobOverTika(results, r, PhaseResult::cpuMillisPerDocument), e.cores(),
                    Double.isNaN(e.othersCores()) ? "-" : String.format("%.2f", e.othersCores()),
                    e.jitMillis() / 1000.0, e.gcMillis() / 1000.0, mib(r.heap().peakBytes()),
                    mib(r.heap().oldGenPeakBytes()), mib(r.heap().liveAfterGcBytes()));
        }
        out.println("  CPU ms/doc: this JVM's CPU time (GC and JIT included) per document; JVM cores / others: cores"
                + " kept busy on average by this JVM / by all other processes (Linux /proc/stat); JIT s / GC s:"
                + " compiler and collector time during the phase");
        out.println("  peak MiB: sum of heap pools' peaks; old MiB: old-generation peak; live MiB: heap after the phase"
                + " and a full GC");
    }

    private static String label(PhaseResult r) {
        return r.phase().equals("job") ? "ingest job" : "bare Tika";
    }

    private static String jobOverTika(List<PhaseResult> results, PhaseResult r, ToDoubleFunction<PhaseResult> metric) {
        if (!r.phase().equals("job")) {
            return "-";
        }
        return find(results, "tika", r.threads())
                .map(t -> String.format("%.2fx", metric.applyAsDouble(r) / metric.applyAsDouble(t))).orElse("-");
    }

    private static String speedUp(List<PhaseResult> results, PhaseResult r) {
        return find(results, r.phase(), 1)
                .map(one -> String.format("%.2fx", r.documentsPerSecond() / one.documentsPerSecond())).orElse("-");
    }

    void stages(List<PhaseResult> results) {
        out.println();
        out.println("ingest job per stage (thread time summed over the extract partitions; % of extract step wall x threads)");
        out.printf("%-7s %-36s %10s %6s %8s%n", "threads", "stage", "ms", "%", "ms/doc");
        for (PhaseResult r : results) {
            if (r.stages() == null) {
                continue;
            }
            StageTimings.Snapshot s = r.stages();
            long extractMillis = r.steps().stream().filter(t -> t.name().equals("extract"))
                    .mapToLong(PhaseResult.StepTime::millis).sum();
            double available = extractMillis * (double) r.threads();
            double parse = s.parseNanos() / 1e6;
            double normalize = s.normalizeNanos() / 1e6;
            double extract = s.extractNanos() / 1e6;
            double write = s.writeNanos() / 1e6;
            double other = Math.max(0, available - parse - normalize - extract - write);
            stage(r, "parse (Tika to blocks)", parse, available);
            stage(r, "normalize", normalize, available);
            stage(r, "extract + validate", extract, available);
            stage(r, "write (H2 inserts)", write, available);
            stage(r, "other (read, commit, batch, idle)", other, available);
            StringBuilder steps = new StringBuilder();
            for (PhaseResult.StepTime t : r.steps()) {
                if (!steps.isEmpty()) {
                    steps.append(" | ");
                }
                steps.append(t.name().replace("extractPartition:", "  ")).append(' ')
                        .append(String.format("%.1f s", t.millis() / 1000.0));
                if (t.name().startsWith("extractPartition")) {
                    steps.append(" (").append(t.written()).append(" docs)");
                }
            }
            out.printf("%-7s steps: %s%n", "", steps);
        }
    }

    private void stage(PhaseResult r, String name, double millis, double available) {
        out.printf("%-7s %-36s %10.0f %5.1f%% %8.2f%n", r.threads(), name, millis,
                available > 0 ? 100 * millis / available : 0, millis / r.documents());
    }

    void targets(List<PhaseResult> results) {
        out.println();
        out.println("targets");
        StringBuilder ratio = new StringBuilder();
        for (PhaseResult job : results) {
            if (job.phase().equals("job")) {
                find(results, "tika", job.threads()).ifPresent(tika -> {
                    double x = job.seconds() / tika.seconds();
                    ratio.append(String.format("  %d thread(s) %.2fx %s", job.threads(), x,
                            x <= JOB_TO_TIKA_TARGET ? "met" : "MISSED"));
                });
            }
        }
        out.printf("  ingest job time <= %.2fx bare Tika time:%s%n", JOB_TO_TIKA_TARGET, ratio);
        for (String phase : List.of("job", "tika")) {
            Optional<PhaseResult> one = find(results, phase, 1);
            Optional<PhaseResult> two = find(results, phase, 2);
            if (one.isPresent() && two.isPresent()) {
                double x = two.get().documentsPerSecond() / one.get().documentsPerSecond();
                out.printf("  2 threads >= %.1fx 1 thread (%s): %.2fx %s%n", SPEED_UP_TARGET,
                        phase.equals("job") ? "ingest job" : "bare Tika", x, x >= SPEED_UP_TARGET ? "met" : "MISSED");
            }
        }
        double busiest = results.stream().mapToDouble(r -> r.elapsed().othersCores()).filter(d -> !Double.isNaN(d))
                .max().orElse(0);
        if (busiest > BUSY_MACHINE_CORES) {
            out.printf("  note: other processes kept up to %.1f of %d cores busy during a phase; wall-time figures"
                    + " and speed-ups are not reliable, compare CPU ms/doc or rerun on an idle machine%n", busiest,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** One line per phase for scripts: {@code bench-summary phase=job threads=2 docs=2000 ...}. */
    void summaryLines(List<PhaseResult> results) {
        out.println();
        for (PhaseResult r : results) {
            out.printf("bench-summary phase=%s threads=%d docs=%d wall_s=%.1f docs_per_s=%.1f mb_per_s=%.2f"
                            + " cpu_ms_per_doc=%.2f others_cores=%.2f jit_s=%.1f gc_s=%.1f peak_heap_mib=%.0f"
                            + " old_gen_peak_mib=%.0f live_mib=%.0f%n", r.phase(), r.threads(), r.documents(),
                    r.seconds(), r.documentsPerSecond(), r.megabytesPerSecond(), r.cpuMillisPerDocument(),
                    r.elapsed().othersCores(), r.elapsed().jitMillis() / 1000.0, r.elapsed().gcMillis() / 1000.0,
                    mib(r.heap().peakBytes()), mib(r.heap().oldGenPeakBytes()),
                    mib(r.heap().liveAfterGcBytes()));
        }
    }

    private static Optional<PhaseResult> find(List<PhaseResult> results, String phase, int threads) {
        return results.stream().filter(r -> r.phase().equals(phase) && r.threads() == threads).findFirst();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
